import { z } from "zod"
import { metadata } from "../../../core/metadata"

export const countryCode = z.string().regex(/^[a-zA-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" })

export const addressBody = z.strictObject({
  address_1: z.string().min(1).max(500),
  address_2: z.string().max(500).nullish(),
  city: z.string().max(200).nullish(),
  country_code: countryCode,
  postal_code: z.string().max(50).nullish(),
  province: z.string().max(200).nullish(),
  phone: z.string().max(50).nullish(),
  company: z.string().max(200).nullish(),
})

export const stockLocationBody = z.strictObject({
  name: z.string().min(1).max(200),
  address: addressBody.optional(),
  metadata,
})
