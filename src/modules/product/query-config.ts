import { MedusaError } from "../../core/errors"
import { amountsWithTax, toJsonNumber } from "../../core/money"
import type { QueryContext } from "../../core/query/context"
import type { EntityGraph, Relation, Row } from "../../core/query/graph"
import type { QueryConfig } from "../../core/query/shape"

type Graph = EntityGraph<QueryContext>

const loaders = (ctx: QueryContext) => ctx.scope.resolve("productRelationLoaders")
const ids = (rows: Row[], key = "id") => [
  ...new Set(rows.map((row) => row[key] as string | null).filter((id): id is string => !!id)),
]
const ENTITY_DATES = ["created_at", "updated_at", "deleted_at"] as const

/** A to-one relation through a foreign key column of the parent. */
function belongsTo(
  key: string,
  target: () => Graph,
  load: (ids: string[], ctx: QueryContext) => Promise<Map<string, Row[]>>,
): Relation<QueryContext> {
  return {
    many: false,
    target,
    async load(parents, ctx) {
      const keys = ids(parents, key)
      if (keys.length === 0) return new Map()
      const byId = await load(keys, ctx)
      return new Map(parents.map((parent) => [parent.id, byId.get(parent[key] as string) ?? []]))
    },
  }
}

/** A to-many relation loaded by the parents' ids. */
export function hasMany(
  target: () => Graph,
  load: (ids: string[], ctx: QueryContext) => Promise<Map<string, Row[]>>,
): Relation<QueryContext> {
  return { many: true, target, load: (parents, ctx) => load(ids(parents), ctx) }
}

export const leaf = (fields: readonly string[]): Graph => ({ fields, relations: {} })

/** A product image; `variants` are those it shows (Medusa 2.11+'s `image.variants`, read by the dashboard). */
const imageGraph: Graph = {
  fields: ["url", "rank", "product_id", "metadata", ...ENTITY_DATES],
  relations: {
    variants: hasMany(
      () => variantGraph,
      (imageIds, ctx) => loaders(ctx).variantsOfImages(imageIds),
    ),
  },
}
export const tagGraph = leaf(["value", "metadata", ...ENTITY_DATES])
export const typeGraph = leaf(["value", "metadata", ...ENTITY_DATES])
export const collectionFields = ["title", "handle", "external_id", "metadata", ...ENTITY_DATES] as const
const collectionGraph = leaf(collectionFields)
export const categoryFields = [
  "name",
  "description",
  "handle",
  "rank",
  "parent_category_id",
  "is_active",
  "is_internal",
  "mpath",
  "metadata",
  ...ENTITY_DATES,
] as const
const categoryGraph = leaf(categoryFields)

export const optionValueGraph: Graph = {
  fields: ["value", "option_id", "metadata", ...ENTITY_DATES],
  relations: {
    option: belongsTo(
      "option_id",
      () => optionGraph,
      (optionIds, ctx) => loaders(ctx).optionsById(optionIds),
    ),
  },
}

export const optionGraph: Graph = {
  fields: ["title", "product_id", "is_exclusive", "metadata", ...ENTITY_DATES],
  relations: {
    values: hasMany(
      () => optionValueGraph,
      (optionIds, ctx) => loaders(ctx).valuesOfOptions(optionIds),
    ),
    products: hasMany(
      () => productGraph,
      (optionIds, ctx) => ctx.scope.resolve("productOptionService").productsOfOptions(optionIds),
    ),
  },
}

const calculatedPriceGraph = leaf([
  "currency_code",
  "calculated_amount",
  "raw_calculated_amount",
  "original_amount",
  "raw_original_amount",
  "is_calculated_price_price_list",
  "is_calculated_price_tax_inclusive",
  "is_original_price_price_list",
  "is_original_price_tax_inclusive",
  "calculated_price",
  "original_price",
  "calculated_amount_with_tax",
  "calculated_amount_without_tax",
  "original_amount_with_tax",
  "original_amount_without_tax",
])

export const MISSING_PRICING_CONTEXT = "Missing required pricing context to calculate prices - region_id"

/**
 * `variant.calculated_price` for the request's region; with a tax address (country_code),
 * also the amounts with and without tax, as Medusa's store routes add them.
 */
const calculatedPrice: Relation<QueryContext> = {
  many: false,
  target: () => calculatedPriceGraph,
  async load(variants, ctx) {
    const pricing = ctx.pricing
    if (!pricing) throw new MedusaError("invalid_data", MISSING_PRICING_CONTEXT)
    const prices = await ctx.scope.resolve("pricingService").calculateVariantPrices(ids(variants), pricing)
    const rate =
      pricing.country_code && prices.size > 0
        ? await ctx.scope
            .resolve("taxService")
            .rateFor({ country_code: pricing.country_code, province_code: pricing.province })
        : undefined
    const result = new Map<string, Row[]>()
    for (const variant of variants) {
      const found = prices.get(variant.id)
      if (!found) continue
      const { amount, original: originalAmount, ...price } = found
      const row: Row = { ...price }
      if (rate !== undefined) {
        const calculated = amountsWithTax(amount, rate, price.is_calculated_price_tax_inclusive)
        const original = amountsWithTax(originalAmount, rate, price.is_original_price_tax_inclusive)
        row.calculated_amount_with_tax = toJsonNumber(calculated.with_tax)
        row.calculated_amount_without_tax = toJsonNumber(calculated.without_tax)
        row.original_amount_with_tax = toJsonNumber(original.with_tax)
        row.original_amount_without_tax = toJsonNumber(original.without_tax)
      }
      result.set(variant.id, [row])
    }
    return result
  },
}

export const INVENTORY_CONTEXT_ERROR =
  "Inventory availability cannot be calculated in the given context. Either provide a single sales channel id or configure a single sales channel in the publishable key"

/**
 * `variant.inventory_quantity`: in the Store API, sellable units at the locations of the key's one
 * sales channel; in the Admin API, at every location (Medusa's total availability).
 */
async function inventoryQuantity(variants: Row[], ctx: QueryContext) {
  const managed = variants.filter((variant) => variant.manage_inventory)
  let locations: string[] | "all" = "all"
  if (ctx.storefront !== false) {
    const channels = ctx.salesChannelIds ?? []
    if (channels.length !== 1) throw new MedusaError("invalid_data", INVENTORY_CONTEXT_ERROR)
    locations = await ctx.scope.resolve("stockLocationService").locationIdsForChannels(channels)
  }
  const available = await ctx.scope.resolve("inventoryService").availability(ids(managed), locations)
  for (const variant of variants)
    variant.inventory_quantity = variant.manage_inventory ? (available.get(variant.id) ?? 0) : null
}

export const variantGraph: Graph = {
  fields: [
    "title",
    "sku",
    "barcode",
    "ean",
    "upc",
    "allow_backorder",
    "manage_inventory",
    "hs_code",
    "origin_country",
    "mid_code",
    "material",
    "weight",
    "length",
    "height",
    "width",
    "variant_rank",
    "thumbnail",
    "product_id",
    "metadata",
    ...ENTITY_DATES,
  ],
  relations: {
    options: hasMany(
      () => optionValueGraph,
      (variantIds, ctx) => loaders(ctx).optionValuesOfVariants(variantIds),
    ),
    calculated_price: calculatedPrice,
    images: hasMany(
      () => imageGraph,
      (variantIds, ctx) => loaders(ctx).imagesOfVariants(variantIds),
    ),
    prices: hasMany(
      () =>
        leaf([
          "amount",
          "currency_code",
          "rules",
          "min_quantity",
          "max_quantity",
          "price_set_id",
          "created_at",
          "updated_at",
        ]),
      (variantIds, ctx) => ctx.scope.resolve("pricingService").pricesOfVariants(variantIds),
    ),
    product: belongsTo(
      "product_id",
      () => productGraph,
      (productIds, ctx) => loaders(ctx).productsById(productIds),
    ),
  },
  computed: { inventory_quantity: inventoryQuantity },
}

export const productFields = [
  "title",
  "subtitle",
  "description",
  "handle",
  "is_giftcard",
  "status",
  "discountable",
  "thumbnail",
  "collection_id",
  "type_id",
  "weight",
  "length",
  "height",
  "width",
  "hs_code",
  "origin_country",
  "mid_code",
  "material",
  "external_id",
  "metadata",
  ...ENTITY_DATES,
] as const

export const productGraph: Graph = {
  fields: productFields,
  relations: {
    variants: hasMany(
      () => variantGraph,
      (productIds, ctx) => loaders(ctx).variantsOf(productIds),
    ),
    options: hasMany(
      () => optionGraph,
      (productIds, ctx) => loaders(ctx).optionsOf(productIds),
    ),
    images: hasMany(
      () => imageGraph,
      (productIds, ctx) => loaders(ctx).imagesOf(productIds),
    ),
    tags: hasMany(
      () => tagGraph,
      (productIds, ctx) => loaders(ctx).tagsOf(productIds),
    ),
    type: belongsTo(
      "type_id",
      () => typeGraph,
      (typeIds, ctx) => loaders(ctx).typesById(typeIds),
    ),
    collection: belongsTo(
      "collection_id",
      () => collectionGraph,
      (collectionIds, ctx) => loaders(ctx).collectionsById(collectionIds),
    ),
    categories: hasMany(
      () => categoryGraph,
      (productIds, ctx) => loaders(ctx).categoriesOf(productIds, ctx.storefront !== false),
    ),
  },
}

/** The relations a product page shows, in the store's and the admin's defaults alike. */
export const PRODUCT_PAGE_RELATIONS = [
  "*type",
  "*collection",
  "*options",
  "*options.values",
  "*tags",
  "*images",
  "*variants",
  "*variants.options",
]

export const storeProductQuery: QueryConfig = {
  graph: productGraph,
  // Medusa's store defaults: every column but these, and the relations a product page shows.
  defaults: [
    "id",
    ...productFields.filter((field) => !["status", "external_id", "metadata", "deleted_at"].includes(field)),
    ...PRODUCT_PAGE_RELATIONS,
  ],
  maxDepth: 4,
}

/** GET /store/product-variants/:id: Medusa 2.11's store variant defaults. */
export const storeVariantQuery: QueryConfig = {
  graph: variantGraph,
  defaults: [
    "id",
    ...variantGraph.fields.filter((field) => field !== "deleted_at"),
    "*options",
    "*images",
    "product.id",
    "product.type_id",
  ],
  maxDepth: 4,
}

export const PRODUCT_ORDER_FIELDS = ["id", "title", "handle", "created_at", "updated_at"] as const
