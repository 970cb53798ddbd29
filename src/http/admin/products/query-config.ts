import type { QueryContext } from "../../../core/query/context"
import { groupBy, type EntityGraph } from "../../../core/query/graph"
import { throughLinks } from "../../../core/query/relations"
import type { QueryConfig } from "../../../core/query/shape"
import { adminCatalogGraphs } from "../../../modules/product/catalog-query-config"
import {
  categoryFields,
  collectionFields,
  hasMany,
  leaf,
  optionGraph,
  PRODUCT_PAGE_RELATIONS,
  optionValueGraph,
  productGraph,
  tagGraph,
  typeGraph,
  variantGraph,
} from "../../../modules/product/query-config"

// The Admin API's default `fields` of the catalog's resources, as Medusa's admin query-config.ts files declare them.

const ENTITY_DATES = ["created_at", "updated_at", "deleted_at"]

type Graph = EntityGraph<QueryContext>
const inventory = (ctx: QueryContext) => ctx.scope.resolve("inventoryService")

const ITEM_FIELDS = [
  "sku",
  "title",
  "description",
  "thumbnail",
  "origin_country",
  "hs_code",
  "mid_code",
  "material",
  "weight",
  "length",
  "height",
  "width",
  "requires_shipping",
  "metadata",
  ...ENTITY_DATES,
]
const LEVEL_FIELDS = [
  "inventory_item_id",
  "location_id",
  "stocked_quantity",
  "reserved_quantity",
  "incoming_quantity",
  "available_quantity",
  "metadata",
  ...ENTITY_DATES,
]

/** An inventory item as the admin's variant shows it: with its stock per location. */
const inventoryItemGraph: Graph = {
  fields: ITEM_FIELDS,
  relations: {
    location_levels: hasMany(
      () => leaf(LEVEL_FIELDS),
      async (itemIds, ctx) => {
        const levels = (await inventory(ctx).levels(itemIds)).filter((level) => !level.deleted_at)
        return groupBy(
          levels.map((level) => ({ ...level, available_quantity: level.stocked_quantity - level.reserved_quantity })),
          "inventory_item_id",
        )
      },
    ),
  },
}

/** Medusa's variant ↔ inventory item link row (its id is the pair), with the item behind it. */
const variantInventoryLinkGraph: Graph = {
  fields: ["variant_id", "inventory_item_id", "required_quantity"],
  relations: {
    inventory: throughLinks(
      () => inventoryItemGraph,
      async (linkIds) => linkIds,
      (id) => ({ from: id, to: id.split(":")[1]! }),
      (itemIds, ctx) => inventory(ctx).itemsById(itemIds),
      false,
    ),
  },
}

/** The admin's variant also shows which inventory items it consumes (Medusa's `variant.inventory_items` links). */
const adminVariantGraph: typeof variantGraph = {
  ...variantGraph,
  relations: {
    ...variantGraph.relations,
    inventory_items: hasMany(
      () => variantInventoryLinkGraph,
      async (variantIds, ctx) =>
        groupBy(
          (await inventory(ctx).itemsForVariants(variantIds)).map((link) => ({
            id: `${link.variant_id}:${link.inventory_item_id}`,
            ...link,
          })),
          "variant_id",
        ),
    ),
    // Medusa's variant.inventory: the items themselves (the dashboard's return form reads their levels).
    inventory: hasMany(
      () => inventoryItemGraph,
      async (variantIds, ctx) => {
        const links = await inventory(ctx).itemsForVariants(variantIds)
        const items = new Map(
          (await inventory(ctx).itemsById([...new Set(links.map((link) => link.inventory_item_id))])).map((item) => [
            item.id,
            item,
          ]),
        )
        return groupBy(
          links.flatMap((link) =>
            items.has(link.inventory_item_id)
              ? [{ ...items.get(link.inventory_item_id)!, variant_id: link.variant_id }]
              : [],
          ),
          "variant_id",
        )
      },
    ),
  },
}

const productLinks = (ctx: QueryContext) => ctx.scope.resolve("productRelationLoaders")
const SALES_CHANNEL_FIELDS = ["name", "description", "is_disabled", "metadata", ...ENTITY_DATES]

/** The Admin API's product: the store's graph, plus its sales channels, shipping profile and variants' stock. */
const adminProductGraph: Graph = {
  ...productGraph,
  relations: {
    ...productGraph.relations,
    variants: { ...productGraph.relations.variants!, target: () => adminVariantGraph },
    sales_channels: throughLinks(
      () => leaf(SALES_CHANNEL_FIELDS),
      (productIds, ctx) => productLinks(ctx).salesChannelLinksOf(productIds),
      (link) => ({ from: link.product_id, to: link.sales_channel_id }),
      (ids, ctx) => ctx.scope.resolve("salesChannelService").byIds(ids),
    ),
    shipping_profile: throughLinks(
      () => leaf(["name", "type", "metadata", ...ENTITY_DATES]),
      (productIds, ctx) => productLinks(ctx).shippingProfileLinksOf(productIds),
      (link) => ({ from: link.product_id, to: link.shipping_profile_id }),
      (ids, ctx) => ctx.scope.resolve("shippingProfileService").byIds(ids),
      false,
    ),
  },
}

/** The Admin API's product: every column, and variants with their prices per currency and region. */
export const adminProductQuery: QueryConfig = {
  graph: adminProductGraph,
  defaults: [
    "id",
    ...productGraph.fields,
    ...PRODUCT_PAGE_RELATIONS,
    "*categories",
    "*variants.prices",
    "*sales_channels",
  ],
  maxDepth: 5,
}

/** GET /admin/products/:id/variants(/:variant_id): every column, prices per currency and region, option values. */
export const adminVariantQuery: QueryConfig = {
  graph: adminVariantGraph,
  defaults: ["id", ...variantGraph.fields, "*prices", "*options"],
  maxDepth: 4,
}

/** GET /admin/product-variants, every product's variants: Medusa adds the product to the defaults. */
export const adminAllVariantsQuery: QueryConfig = {
  ...adminVariantQuery,
  defaults: [...adminVariantQuery.defaults, "*product"],
}

/** Medusa 2.21's /admin/product-options defaults: the option, its values and the products using it. */
export const adminOptionQuery: QueryConfig = {
  graph: optionGraph,
  defaults: ["id", "title", "is_exclusive", "metadata", "created_at", "updated_at", "*values", "*products"],
  maxDepth: 3,
}

/** GET /admin/products/:id/options: Medusa lists a product's options as id and title unless `fields` asks for more. */
export const adminProductOptionListQuery: QueryConfig = { graph: optionGraph, defaults: ["id", "title"], maxDepth: 3 }

/** Medusa 2.21's /admin/product-options/:id/values (no `rank` here: values keep their creation order). */
export const adminOptionValueQuery: QueryConfig = {
  graph: optionValueGraph,
  defaults: ["id", "value", "option_id", "created_at", "updated_at", "metadata"],
  maxDepth: 2,
}

export const adminTagQuery: QueryConfig = {
  graph: tagGraph,
  defaults: ["id", "value", "metadata", ...ENTITY_DATES],
  maxDepth: 1,
}
export const adminTypeQuery: QueryConfig = {
  graph: typeGraph,
  defaults: ["id", "value", "metadata", ...ENTITY_DATES],
  maxDepth: 1,
}

export const adminCollectionQuery: QueryConfig = {
  graph: adminCatalogGraphs.collectionGraph,
  defaults: ["id", ...collectionFields],
  maxDepth: 3,
}

/** Every column of a category, active or not, with its parent and children. */
export const adminCategoryQuery: QueryConfig = {
  graph: adminCatalogGraphs.categoryGraph,
  defaults: ["id", ...categoryFields, "*parent_category", "*category_children"],
  maxDepth: 3,
}

export const VARIANT_ORDER_FIELDS = ["id", "title", "sku", "variant_rank", "created_at", "updated_at"] as const
export const OPTION_ORDER_FIELDS = ["id", "title", "created_at", "updated_at"] as const
export const VALUE_ORDER_FIELDS = ["id", "value", "created_at", "updated_at"] as const
