import { z } from "zod"
import { countryCode } from "../stock-locations/validators"
import { metadata } from "../../../core/metadata"

const amount = z.number({ error: "must be a number" }).finite().nonnegative({ error: "must be 0 or more" })

export const serviceZoneBody = z.strictObject({
  name: z.string().min(1).max(200),
  geo_zones: z.array(z.strictObject({ type: z.literal("country"), country_code: countryCode })).max(300),
  metadata,
})

export const shippingProfileBody = z.strictObject({
  name: z.string().min(1).max(200),
  type: z.string().min(1).max(50),
  metadata,
})

export const shippingOptionPrices = z
  .array(
    z.union([
      z.strictObject({
        currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { error: "must be an ISO 4217 code" }),
        amount,
      }),
      z.strictObject({ region_id: z.string().min(1), amount }),
    ]),
  )
  .max(50)

/** Medusa's shipping option body; an update takes any part of it (`prices` and `rules` replace). */
export const shippingOptionBody = z.strictObject({
  name: z.string().min(1).max(200),
  service_zone_id: z.string().min(1),
  shipping_profile_id: z.string().min(1),
  provider_id: z.string().min(1),
  price_type: z.enum(["flat", "calculated"]),
  type: z.strictObject({ label: z.string().min(1), description: z.string().optional(), code: z.string().min(1) }),
  prices: shippingOptionPrices,
  rules: z
    .array(
      z.strictObject({
        attribute: z.string().min(1),
        operator: z.enum(["eq", "in", "ne"]),
        value: z.union([z.string(), z.array(z.string())]),
      }),
    )
    .max(20),
  data: z.record(z.string(), z.unknown()).optional(),
  metadata,
})
