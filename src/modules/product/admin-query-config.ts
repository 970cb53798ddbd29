import { groupBy, type Row } from "../../core/query/graph"
import type { QueryConfig } from "../../core/query/shape"
import type { InventoryService } from "../inventory/service"
import { adminCatalogGraphs } from "./catalog-query-config"
import { categoryFields, collectionFields, hasMany, leaf, optionGraph, optionValueGraph, tagGraph, typeGraph, variantGraph } from "./query-config"

// The Admin API's default `fields` of the catalog's resources, as Medusa's admin query-config.ts files declare them.

const ENTITY_DATES = ["created_at", "updated_at", "deleted_at"]

/** The admin's variant may also show which inventory items it consumes (Medusa's `variant.inventory_items` links). */
const adminVariantGraph: typeof variantGraph = {
  ...variantGraph,
  relations: {
    ...variantGraph.relations,
    inventory_items: hasMany(
      () => leaf(["variant_id", "inventory_item_id", "required_quantity"]),
      // Link rows have no id of their own here, so none is shown.
      async (variantIds, ctx) => groupBy((await ctx.scope.resolve<InventoryService>("inventoryService").itemsForVariants(variantIds)) as unknown as Row[], "variant_id"),
    ),
  },
}

/** GET /admin/products/:id/variants(/:variant_id): every column, prices per currency and region, option values. */
export const adminVariantQuery: QueryConfig = {
  graph: adminVariantGraph,
  defaults: ["id", ...variantGraph.fields, "*prices", "*options"],
  maxDepth: 4,
}

/** GET /admin/product-variants, every product's variants: Medusa adds the product to the defaults. */
export const adminAllVariantsQuery: QueryConfig = { ...adminVariantQuery, defaults: [...adminVariantQuery.defaults, "*product"] }

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

export const adminTagQuery: QueryConfig = { graph: tagGraph, defaults: ["id", "value", "metadata", ...ENTITY_DATES], maxDepth: 1 }
export const adminTypeQuery: QueryConfig = { graph: typeGraph, defaults: ["id", "value", "metadata", ...ENTITY_DATES], maxDepth: 1 }

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
