import type { QueryContext } from "../../core/query/context"
import type { EntityGraph, Row } from "../../core/query/graph"
import type { QueryConfig } from "../../core/query/shape"
import { categoryFields, collectionFields, productGraph } from "./query-config"
import { storeProductFilters, type ProductFilters } from "./service"

const products = (ctx: QueryContext) => ctx.scope.resolve("productService")
const storeFilters = (ctx: QueryContext) => storeProductFilters(ctx.salesChannelIds ?? [])

/**
 * The category and collection graphs, for the store (active, public categories; products it may
 * sell) or the admin (everything live).
 */
function catalogGraphs(
  categoryService: "productCategoryService" | "adminProductCategoryService",
  productFilters: (ctx: QueryContext) => ProductFilters,
) {
  const categories = (ctx: QueryContext) => ctx.scope.resolve(categoryService)
  const categoryGraph: EntityGraph<QueryContext> = {
    fields: categoryFields,
    relations: {
      parent_category: {
        many: false,
        target: () => categoryGraph,
        async load(rows, ctx) {
          const parentIds = [
            ...new Set(rows.map((row) => row.parent_category_id as string | null).filter((id): id is string => !!id)),
          ]
          if (parentIds.length === 0) return new Map()
          const parents = await categories(ctx).byIds(parentIds)
          return new Map(rows.map((row) => [row.id, parents.get(row.parent_category_id as string) ?? []]))
        },
      },
      category_children: {
        many: true,
        target: () => categoryGraph,
        load: (rows, ctx) => categories(ctx).childrenOf(rows.map((row) => row.id)),
      },
      products: {
        many: true,
        target: () => productGraph,
        load: (rows, ctx) =>
          products(ctx).productsOfCategories(
            rows.map((row) => row.id),
            productFilters(ctx),
          ),
      },
    },
  }
  const collectionGraph: EntityGraph<QueryContext> = {
    fields: collectionFields,
    relations: {
      products: {
        many: true,
        target: () => productGraph,
        load: (rows: Row[], ctx) =>
          products(ctx).productsOfCollections(
            rows.map((row) => row.id),
            productFilters(ctx),
          ),
      },
    },
  }
  return { categoryGraph, collectionGraph }
}

const storeGraphs = catalogGraphs("productCategoryService", storeFilters)
export const adminCatalogGraphs = catalogGraphs("adminProductCategoryService", () => ({}))

export const storeCategoryQuery: QueryConfig = {
  graph: storeGraphs.categoryGraph,
  defaults: [
    "id",
    "name",
    "description",
    "handle",
    "rank",
    "parent_category_id",
    "created_at",
    "updated_at",
    "metadata",
    "*parent_category",
    "*category_children",
  ],
  maxDepth: 3,
}

export const storeCollectionQuery: QueryConfig = {
  graph: storeGraphs.collectionGraph,
  defaults: ["id", "title", "handle", "external_id", "created_at", "updated_at"],
  maxDepth: 3,
}

export const CATEGORY_ORDER_FIELDS = ["id", "name", "handle", "rank", "created_at", "updated_at"] as const
export const COLLECTION_ORDER_FIELDS = ["id", "title", "handle", "created_at", "updated_at"] as const
