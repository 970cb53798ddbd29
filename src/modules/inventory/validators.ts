import { z } from "zod"
import { metadata } from "../../core/metadata"

/** A whole number of units, 0 or more. */
export const quantity = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "must be 0 or more" })
  .max(10_000_000)
const dimension = quantity.nullish()
const text = z.string().max(2000).nullish()

/** Medusa's AdminUpdateInventoryItem; create adds `location_levels`. */
export const inventoryItemBody = z.strictObject({
  sku: z.string().max(200).nullish(),
  title: text,
  description: text,
  thumbnail: text,
  hs_code: text,
  origin_country: text,
  mid_code: text,
  material: text,
  unit_of_measure: text,
  weight: dimension,
  length: dimension,
  height: dimension,
  width: dimension,
  requires_shipping: z.boolean().optional(),
  metadata,
})

export const levelQuantities = { stocked_quantity: quantity.optional(), incoming_quantity: quantity.optional() }
export const createLevelBody = z.strictObject({ location_id: z.string().min(1), ...levelQuantities })

export const createInventoryItemBody = inventoryItemBody.extend({
  location_levels: z.array(createLevelBody).max(100).optional(),
})

/** POST /admin/inventory-items/:id/location-levels/batch: levels of one item, `delete` by location id. */
export const itemLevelsBatchBody = z.strictObject({
  create: z.array(createLevelBody).max(100).default([]),
  update: z
    .array(z.strictObject({ id: z.string().optional(), location_id: z.string().min(1), ...levelQuantities }))
    .max(100)
    .default([]),
  delete: z.array(z.string().min(1)).max(100).default([]),
  force: z.boolean().optional(),
})

/** POST /admin/inventory-items/location-levels/batch: levels of any items, `delete` by level id. */
const anyItemLevel = z.strictObject({
  inventory_item_id: z.string().min(1),
  location_id: z.string().min(1),
  ...levelQuantities,
})
export const levelsBatchBody = z.strictObject({
  create: z.array(anyItemLevel).max(500).default([]),
  update: z
    .array(anyItemLevel.extend({ id: z.string().optional() }))
    .max(500)
    .default([]),
  delete: z.array(z.string().min(1)).max(500).default([]),
  force: z.boolean().optional(),
})
