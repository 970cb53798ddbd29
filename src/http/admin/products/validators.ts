import type { Context } from "hono"
import { z } from "zod"
import type { AppEnv } from "../../../core/types"
import { booleanString, listQuery, oneOrMany } from "../../../core/query/params"
import { PRODUCT_STATUSES } from "../../../flows/product/inputs"

export const listOptionsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  title: oneOrMany.optional(),
  is_exclusive: booleanString.optional(),
})

export const listOptionValuesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  value: oneOrMany.optional(),
})

export const listProductsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  handle: oneOrMany.optional(),
  status: z
    .union([z.enum(PRODUCT_STATUSES), z.array(z.enum(PRODUCT_STATUSES))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  collection_id: oneOrMany.optional(),
  category_id: oneOrMany.optional(),
  sales_channel_id: oneOrMany.optional(),
  // the products with prices in these price lists (the dashboard's price list page)
  price_list_id: oneOrMany.optional(),
})

export const listVariantsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  sku: oneOrMany.optional(),
  manage_inventory: booleanString.optional(),
  allow_backorder: booleanString.optional(),
})

/** GET /admin/product-variants: every product's variants. */
export const listAllVariantsQuery = listVariantsQuery.extend({
  product_id: oneOrMany.optional(),
  ean: oneOrMany.optional(),
  upc: oneOrMany.optional(),
  barcode: oneOrMany.optional(),
})

export const retrieveQuery = z.object({ fields: listQuery.fields })

/** A route's context with `fields` declared (`query(retrieveQuery)`): what the helpers answering one entity read. */
// biome-ignore lint/suspicious/noExplicitAny: any path, since the helpers serve every route of a resource
export type FieldsContext = Context<AppEnv, any, { out: { query: z.output<typeof retrieveQuery> } }>
