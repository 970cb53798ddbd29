import { z } from "zod"
import { listQuery } from "../../../core/query/params"
import { metadata } from "../../../core/metadata"

const text = z.string().max(1000).nullish()

/** Medusa's address body: every field nullable, unknown keys refused. */
export const addressBody = z.strictObject({
  first_name: text,
  last_name: text,
  phone: text,
  company: text,
  address_1: text,
  address_2: text,
  city: text,
  country_code: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, { error: "country_code must be an ISO 3166-1 alpha-2 code" })
    .nullish(),
  province: text,
  postal_code: text,
  metadata,
})

const quantity = z
  .number({ error: "quantity must be a number" })
  .int({ error: "quantity must be a whole number" })
  .max(10_000, { error: "quantity must be at most 10000" })

export const lineItemBody = z.strictObject({
  variant_id: z.string({ error: "variant_id is required" }).min(1),
  quantity: quantity.min(1, { error: "quantity must be greater than 0" }),
  metadata,
})

const promoCodes = z.array(z.string()).max(0, { error: "promotion codes are not supported yet" }).optional()

export const createCartBody = z.strictObject({
  region_id: z.string().optional(),
  currency_code: z.string().optional(),
  email: z.email({ error: "email must be an email address" }).optional(),
  sales_channel_id: z.string().optional(),
  items: z.array(lineItemBody).max(100).optional(),
  shipping_address: addressBody.nullish(),
  billing_address: addressBody.nullish(),
  promo_codes: promoCodes,
  metadata,
  locale: z.string().optional(),
})

export const updateCartBody = z.strictObject({
  region_id: z.string().optional(),
  email: z.email({ error: "email must be an email address" }).optional(),
  sales_channel_id: z.string().optional(),
  shipping_address: addressBody.extend({ id: z.string().optional() }).nullish(),
  billing_address: addressBody.extend({ id: z.string().optional() }).nullish(),
  promo_codes: promoCodes,
  metadata,
  locale: z.string().optional(),
})

export const updateLineItemBody = z.strictObject({
  quantity: quantity.min(0, { error: "quantity must be 0 or more" }),
  metadata,
})

export const addShippingMethodBody = z.strictObject({
  option_id: z.string({ error: "option_id is required" }).min(1),
  data: z.record(z.string(), z.unknown()).optional(),
})

export const cartQuery = z.object({ fields: listQuery.fields })

/** POST and DELETE /store/carts/:id/promotions */
export const promoCodesBody = z.strictObject({
  promo_codes: z.array(z.string().min(1).max(200)).max(20),
})
