import { z } from "zod"
import { idList } from "../../core/query/params"
import { metadata } from "../../core/metadata"

export const PRODUCT_STATUSES = ["draft", "proposed", "published", "rejected"] as const
const text = (max = 1000) => z.string().max(max)
export const handle = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be lowercase letters, digits and dashes" })

const priceBody = z.strictObject({
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { error: "must be an ISO 4217 code" }),
  amount: z.number({ error: "must be a number" }).finite().nonnegative({ error: "must be 0 or more" }),
  rules: z.strictObject({ region_id: z.string().min(1) }).optional(),
})
const dimension = z.number().int({ error: "must be a whole number" }).nonnegative().nullish()
const variantFields = {
  title: text(200).min(1),
  sku: text(200).min(1).optional(),
  manage_inventory: z.boolean().optional(),
  allow_backorder: z.boolean().optional(),
  metadata,
  // Medusa's variant codes and customs attributes, as its admin's variant forms and CSV import send them.
  barcode: text(200).nullish(),
  ean: text(200).nullish(),
  upc: text(200).nullish(),
  hs_code: text(100).nullish(),
  mid_code: text(100).nullish(),
  origin_country: text(100).nullish(),
  material: text(500).nullish(),
  weight: dimension,
  length: dimension,
  height: dimension,
  width: dimension,
  // The dashboard's variant media form sets it to one of the variant's images.
  thumbnail: text(2000).nullish(),
}
const variantOptions = z.record(z.string(), z.string().min(1))
export const createVariantBody = z.strictObject({
  ...variantFields,
  options: variantOptions.default({}),
  prices: z.array(priceBody).max(100).default([]),
  // The dashboard's create-variant form: existing items the variant consumes, instead of a new one.
  inventory_items: z
    .array(
      z.strictObject({
        inventory_item_id: z.string().min(1),
        required_quantity: z.number().int().positive().default(1),
      }),
    )
    .max(20)
    .optional(),
})
export const updateVariantBody = z.strictObject({
  ...variantFields,
  // The dashboard's edit form sends the variant's id in the body (the path names it) and clears codes with null.
  id: z.string().optional(),
  sku: text(200).min(1).nullish(),
  title: variantFields.title.optional(),
  /** every option's value, replacing the variant's (Medusa 2.x) */
  options: variantOptions.optional(),
  prices: z.array(priceBody).max(100).optional(),
})

export const optionBody = z.strictObject({ title: text(200).min(1), values: z.array(text(200).min(1)).min(1).max(100) })
export const updateOptionBody = z.strictObject({
  title: text(200).min(1).optional(),
  values: z.array(text(200).min(1)).max(100).optional(),
})

// Medusa 2.21's option bodies (/admin/product-options, /admin/products/:id/options/batch).
const optionExtras = {
  ranks: z.record(z.string(), z.number().int()).optional(),
  is_exclusive: z.boolean().optional(),
  metadata,
}
export const createSharedOptionBody = optionBody.extend(optionExtras)
export const updateSharedOptionBody = updateOptionBody.extend(optionExtras)
export const linkOptionsBody = z.strictObject({
  add: z
    .array(
      z.union([
        z.string().min(1),
        createSharedOptionBody,
        // A shared option with some of its values; value_ids are not kept: the product offers all of them.
        z.strictObject({ id: z.string().min(1), value_ids: z.array(z.string().min(1)).max(100) }),
      ]),
    )
    .max(20)
    .default([]),
  remove: idList(20),
  // Medusa 2.21 (the admin dashboard sends it): values given to, or taken from, an option the product has.
  update: z
    .array(
      z.strictObject({
        product_option_id: z.string().min(1),
        add: z
          .array(z.union([z.string().min(1), z.strictObject({ value: text(200).min(1) })]))
          .max(100)
          .default([]),
        remove: idList(100),
      }),
    )
    .max(20)
    .default([]),
})
export const updateOptionValueBody = z.strictObject({ value: text(200).min(1).optional(), metadata })

const productFields = {
  title: text(500).min(1),
  handle: handle.optional(),
  subtitle: text().nullish(),
  description: text(20_000).nullish(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  thumbnail: z.url().nullish(),
  discountable: z.boolean().optional(),
  collection_id: z.string().nullish(),
  type_id: z.string().nullish(),
  metadata,
  // Medusa's physical and customs attributes, as its admin's attributes form sends them.
  weight: z.number().nonnegative().nullish(),
  length: z.number().nonnegative().nullish(),
  height: z.number().nonnegative().nullish(),
  width: z.number().nonnegative().nullish(),
  hs_code: text(100).nullish(),
  mid_code: text(100).nullish(),
  origin_country: text(100).nullish(),
  material: text(500).nullish(),
  external_id: text(200).nullish(),
  // Medusa's workflow hooks' input; nothing here reads it, so it is accepted and ignored.
  additional_data: z.record(z.string(), z.unknown()).optional(),
}
/** What the product's links may be set to, on create and (replacing them) on update. */
const productLinks = {
  images: z
    .array(z.strictObject({ url: z.url(), id: z.string().optional() }))
    .max(50)
    .optional(),
  // Medusa's admin sends existing tags as { id }; { value } reuses the tag with that value or makes it.
  tags: z
    .array(z.union([z.strictObject({ id: z.string().min(1) }), z.strictObject({ value: text(200).min(1) })]))
    .max(50)
    .optional(),
  categories: z
    .array(z.strictObject({ id: z.string().min(1) }))
    .max(50)
    .optional(),
  sales_channels: z
    .array(z.strictObject({ id: z.string().min(1) }))
    .max(50)
    .optional(),
  shipping_profile_id: z.string().nullish(),
}
export const createProductBody = z.strictObject({
  ...productFields,
  ...productLinks,
  options: z.array(optionBody).max(10).default([]),
  variants: z.array(createVariantBody).max(100).default([]),
})
export const updateProductBody = z.strictObject({
  ...productFields,
  ...productLinks,
  title: productFields.title.optional(),
})

/** Medusa's batch body: `{ create?, update?: [{ id, … }], delete?: [ids] }`, every part optional. */
function batchBody<C extends z.ZodType, U extends z.ZodType>(create: C, update: U, max: number) {
  return z.strictObject({
    create: z.array(create).max(max).default([]),
    update: z.array(update).max(max).default([]),
    delete: idList(max),
  })
}
const withId = { id: z.string().min(1) }
export const batchProductsBody = batchBody(createProductBody, updateProductBody.extend(withId), 100)
export const batchVariantsBody = batchBody(createVariantBody, updateVariantBody.extend(withId), 100)

/** `{ add?, remove? }` product ids, for a collection's or a category's products. */
export const linkProductsBody = z.strictObject({ add: idList(200), remove: idList(200) })

export type CreateProductBody = z.output<typeof createProductBody>
export type CreateVariantBody = z.output<typeof createVariantBody>
export type UpdateVariantBody = z.output<typeof updateVariantBody>
export type UpdateProductBody = z.output<typeof updateProductBody>
export type LinkOptionsBody = z.output<typeof linkOptionsBody>
