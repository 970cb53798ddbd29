import { z } from "zod"
import { metadata, metadataObject } from "../../../core/metadata"
import { listQuery, oneOrMany } from "../../../core/query/params"
import { addressBody } from "../../store/carts/validators"

const note = z.string().max(2000)
const text = z.string().max(1000)
const quantity = z
  .number({ error: "quantity must be a number" })
  .int({ error: "quantity must be a whole number" })
  .min(1, { error: "quantity must be at least 1" })
  .max(10_000, { error: "quantity must be at most 10000" })
const money = z.number().min(0, { error: "amount cannot be negative" }).max(1e12)

export const fieldsQuery = z.object({ fields: z.string().optional() })
export const listDraftOrdersQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  customer_id: oneOrMany.optional(),
  region_id: oneOrMany.optional(),
  sales_channel_id: oneOrMany.optional(),
})

/** A line: a variant (priced as a cart's unless unit_price is given), or a custom item with a title and a price. */
const draftItem = z
  .object({
    variant_id: z.string().min(1).nullish(),
    title: text.nullish(),
    sku: text.nullish(),
    barcode: text.nullish(),
    unit_price: money.nullish(),
    quantity,
    internal_note: note.nullish(),
    allow_backorder: z.boolean().optional(),
    metadata,
  })
  .refine((item) => item.variant_id || (item.title && item.unit_price != null), {
    error: "an item needs a variant_id, or a title and a unit_price",
  })
const draftItems = z.array(draftItem).max(200)

export const createDraftOrderBody = z
  .strictObject({
    status: z.enum(["completed"]).nullish(),
    email: z.email({ error: "email must be an email address" }).max(320).nullish(),
    customer_id: z.string().min(1).nullish(),
    region_id: z.string({ error: "region_id is required" }).min(1),
    sales_channel_id: z.string().min(1).nullish(),
    currency_code: z.string().nullish(),
    items: draftItems.nullish(),
    shipping_methods: z
      .array(
        z.object({
          shipping_option_id: z.string().min(1),
          name: text.optional(),
          amount: money.nullish(),
          data: metadataObject.optional(),
        }),
      )
      .max(20)
      .optional(),
    shipping_address: addressBody.nullish(),
    billing_address: addressBody.nullish(),
    promo_codes: z.array(z.string().max(200)).max(50).optional(),
    no_notification_order: z.boolean().optional(),
    metadata,
  })
  .refine((draft) => draft.email || draft.customer_id, { error: "Either email or customer_id must be provided" })

export const updateDraftOrderBody = z.strictObject({
  email: z.email({ error: "email must be an email address" }).max(320).optional(),
  customer_id: z.string().min(1).optional(),
  shipping_address: addressBody.optional(),
  billing_address: addressBody.optional(),
  metadata,
})

export const addItemsBody = z.object({ items: draftItems.min(1, { error: "items must name at least one item" }) })
export const updateItemBody = z.object({
  quantity: z
    .number({ error: "quantity must be a number" })
    .int({ error: "quantity must be a whole number" })
    .min(0, { error: "quantity cannot be negative" })
    .max(10_000, { error: "quantity must be at most 10000" }),
  internal_note: note.nullish(),
})
export const addShippingBody = z.object({
  shipping_option_id: z.string().min(1),
  custom_amount: money.nullish(),
  description: note.optional(),
  internal_note: note.optional(),
  metadata: metadataObject.optional(),
})
export const updateShippingBody = z.object({
  shipping_option_id: z.string().min(1).optional(),
  custom_amount: money.nullish(),
  internal_note: note.nullish(),
  metadata: metadataObject.nullish(),
})
export const promotionsBody = z.object({ promo_codes: z.array(z.string().max(200)).max(50) })
