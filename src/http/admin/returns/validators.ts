import { z } from "zod"
import { metadata, metadataObject } from "../../../core/metadata"
import { listQuery, oneOrMany } from "../../../core/query/params"

const note = z.string().max(2000)
const quantity = z
  .number()
  .int({ error: "quantity must be a whole number" })
  .min(1, { error: "quantity must be at least 1" })
const money = z.number().min(0, { error: "amount cannot be negative" }).max(1e12)

export const listReturnsQuery = z.object({
  ...listQuery,
  id: oneOrMany.optional(),
  order_id: oneOrMany.optional(),
  status: oneOrMany.optional(),
})
export const fieldsQuery = z.object({ fields: z.string().optional() })

export const createReturnBody = z.object({
  order_id: z.string().min(1),
  location_id: z.string().min(1).optional(),
  description: note.optional(),
  internal_note: note.optional(),
  no_notification: z.boolean().optional(),
  metadata,
})

export const requestItemsBody = z.object({
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        quantity,
        description: note.optional(),
        internal_note: note.optional(),
        reason_id: z.string().min(1).optional(),
        metadata: metadataObject.optional(),
      }),
    )
    .min(1, { error: "items must name at least one item" })
    .max(200),
})

export const updateRequestItemBody = z.object({
  quantity: quantity.optional(),
  internal_note: note.nullish(),
  reason_id: z.string().min(1).nullish(),
  metadata: metadataObject.nullish(),
})

export const receiveItemsBody = z.object({
  items: z
    .array(z.object({ id: z.string().min(1), quantity, description: note.optional(), internal_note: note.optional() }))
    .min(1, { error: "items must name at least one item" })
    .max(200),
})

export const updateReceiveItemBody = z.object({ quantity: quantity.optional(), internal_note: note.nullish() })

export const shippingBody = z.object({
  shipping_option_id: z.string().min(1),
  custom_amount: money.optional(),
  description: note.optional(),
  internal_note: note.optional(),
  metadata: metadataObject.optional(),
})

export const updateShippingBody = z.object({
  custom_amount: money.nullish(),
  internal_note: note.nullish(),
  metadata: metadataObject.nullish(),
})

export const beginReceiveBody = z.object({ internal_note: note.optional(), description: note.optional(), metadata })
export const confirmBody = z.object({ no_notification: z.boolean().optional() })
export const updateReturnBody = z.object({
  location_id: z.string().min(1).optional(),
  no_notification: z.boolean().optional(),
  metadata,
})

/** Items an edit, exchange or claim sends out. */
export const outboundItemsBody = z.object({
  items: z
    .array(
      z.object({
        variant_id: z.string().min(1),
        quantity,
        unit_price: money.nullish(),
        internal_note: note.nullish(),
        allow_backorder: z.boolean().optional(),
        metadata: metadataObject.nullish(),
      }),
    )
    .min(1, { error: "items must name at least one item" })
    .max(200),
})
export const updateOutboundItemBody = z.object({ quantity: quantity.optional(), internal_note: note.nullish() })
export const updateEditItemBody = z.object({
  quantity: z
    .number()
    .int({ error: "quantity must be a whole number" })
    .min(0, { error: "quantity cannot be negative" }),
  internal_note: note.nullish(),
})
export const beginChangeBody = z.object({
  order_id: z.string().min(1),
  description: note.optional(),
  internal_note: note.optional(),
  metadata,
})
