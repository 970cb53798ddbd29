import { z } from "zod"

// Input shapes several resources share.

/** An ISO 4217 code, stored lowercase as Medusa does. */
export const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, { error: "must be an ISO 4217 currency code" })
  .transform((code) => code.toLowerCase())

/** A moment as an ISO 8601 date or date-time. */
export const instant = z
  .union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], { error: "must be an ISO 8601 date" })
  .transform((value) => new Date(value))

/** A money amount in major units: finite, never negative. */
export const moneyAmount = z.number().finite().min(0)
