import { z } from "zod"
import { booleanString, listQuery, oneOrMany } from "../../core/query/params"

/** Where prices and taxes are computed for (Medusa's pricing and tax context). */
const pricingQuery = {
  region_id: z.string().optional(),
  country_code: z.string().length(2, { error: "country_code must be an ISO 3166-1 alpha-2 code" }).optional(),
  province: z.string().optional(),
  cart_id: z.string().optional(),
}

export const storeListProductsQuery = z.strictObject({
  ...listQuery,
  ...pricingQuery,
  sales_channel_id: oneOrMany.optional(),
  q: z.string().optional(),
  id: oneOrMany.optional(),
  title: oneOrMany.optional(),
  handle: oneOrMany.optional(),
  is_giftcard: booleanString.optional(),
  category_id: oneOrMany.optional(),
  collection_id: oneOrMany.optional(),
  tag_id: oneOrMany.optional(),
  type_id: oneOrMany.optional(),
  external_id: oneOrMany.optional(),
})

export const storeRetrieveProductQuery = z.strictObject({
  fields: listQuery.fields,
  ...pricingQuery,
  sales_channel_id: oneOrMany.optional(),
})

export const storeListCategoriesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
  description: oneOrMany.optional(),
  handle: oneOrMany.optional(),
  parent_category_id: oneOrMany.optional(),
  include_ancestors_tree: booleanString.optional(),
  include_descendants_tree: booleanString.optional(),
})

export const storeRetrieveCategoryQuery = z.object({
  fields: listQuery.fields,
  include_ancestors_tree: booleanString.optional(),
  include_descendants_tree: booleanString.optional(),
})

export const storeListCollectionsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  title: oneOrMany.optional(),
  handle: oneOrMany.optional(),
})

export const storeRetrieveCollectionQuery = z.object({ fields: listQuery.fields })

/** GET /store/product-variants/:id: fields, and the pricing and tax context. */
export const storeRetrieveVariantQuery = storeRetrieveProductQuery
