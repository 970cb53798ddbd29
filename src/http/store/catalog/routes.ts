import { Hono } from "hono"
import type { QueryContext } from "../../../core/query/context"
import { query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../../core/query/route"
import { requestedFor, shapeRows } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { storeSalesChannels } from "../../middlewares/publishable-key"
import {
  CATEGORY_ORDER_FIELDS,
  COLLECTION_ORDER_FIELDS,
  storeCategoryQuery,
  storeCollectionQuery,
} from "../../../modules/product/catalog-query-config"
import type { Category, ProductCategoryService } from "../../../modules/product/category-service"
import {
  storeListCategoriesQuery,
  storeListCollectionsQuery,
  storeRetrieveCategoryQuery,
  storeRetrieveCollectionQuery,
} from "../../../modules/product/validators"

type Json = Record<string, unknown>
const RELATIONS = new Set(["parent_category", "category_children", "products"])

/**
 * `include_descendants_tree` / `include_ancestors_tree`: the whole subtree below (children by
 * rank) or the chain above each category, one statement each, nested in memory.
 */
async function withTrees(
  service: ProductCategoryService,
  rows: Category[],
  shaped: Json[],
  trees: { include_descendants_tree?: boolean; include_ancestors_tree?: boolean },
) {
  const scalars = (row: Category) =>
    Object.fromEntries(
      Object.keys(shaped[0] ?? {})
        .filter((key) => !RELATIONS.has(key))
        .map((key) => [key, (row as Json)[key] ?? null]),
    )
  if (trees.include_descendants_tree) {
    const below = await service.descendantsOf(rows)
    const nest = (parentId: string): Json[] =>
      below
        .filter((row) => row.parent_category_id === parentId)
        .map((row) => ({ ...scalars(row), category_children: nest(row.id) }))
    for (const [i, json] of shaped.entries()) json.category_children = nest(rows[i]!.id)
  }
  if (trees.include_ancestors_tree) {
    const above = new Map((await service.ancestorsOf(rows)).map((row) => [row.id, row]))
    const chain = (parentId: string | null): Json | null => {
      const parent = parentId ? above.get(parentId) : undefined
      return parent ? { ...scalars(parent), parent_category: chain(parent.parent_category_id) } : null
    }
    for (const [i, json] of shaped.entries()) json.parent_category = chain(rows[i]!.parent_category_id)
  }
  return shaped
}

function storeCatalogContext(c: Parameters<typeof queryContext>[0]): QueryContext {
  const channels = c.var.publishableKey?.sales_channel_ids ?? []
  return queryContext(c, { salesChannelIds: channels.length ? storeSalesChannels(channels) : [] })
}

export const storeCategoryRoutes = new Hono<AppEnv>()
  .get("/", query(storeListCategoriesQuery), async (c) => {
    const {
      limit = 50,
      offset = 0,
      order,
      fields,
      include_ancestors_tree,
      include_descendants_tree,
      ...filters
    } = c.req.valid("query")
    const ordering = parseOrder(order, CATEGORY_ORDER_FIELDS, { field: "rank", direction: "asc" })
    const service = c.var.scope.resolve("productCategoryService")
    const requested = requestedFor(storeCategoryQuery, fields)
    const { rows, count } = await service.list(filters, ordering, { limit, offset })
    const shaped = await shapeRows(storeCategoryQuery, rows, requested, storeCatalogContext(c))
    const product_categories = await withTrees(service, rows, shaped, {
      include_ancestors_tree,
      include_descendants_tree,
    })
    return c.json({ product_categories, count, offset, limit })
  })
  .get("/:id", query(storeRetrieveCategoryQuery), async (c) => {
    const { fields, ...trees } = c.req.valid("query")
    const service = c.var.scope.resolve("productCategoryService")
    const requested = requestedFor(storeCategoryQuery, fields)
    const row = await service.retrieve(c.req.param("id"))
    const shaped = await shapeRows(storeCategoryQuery, [row], requested, storeCatalogContext(c))
    const [product_category] = await withTrees(service, [row], shaped, trees)
    return c.json({ product_category })
  })

export const storeCollectionRoutes = new Hono<AppEnv>()
  .get("/", query(storeListCollectionsQuery), async (c) => {
    const { limit = 10, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order ?? "-created_at", COLLECTION_ORDER_FIELDS, {
      field: "created_at",
      direction: "desc",
    })
    const service = c.var.scope.resolve("productCollectionService")
    return listResponse(
      c,
      "collections",
      storeCollectionQuery,
      { fields, limit, offset },
      () => service.list(filters, ordering, { limit, offset }),
      storeCatalogContext(c),
    )
  })
  .get("/:id", query(storeRetrieveCollectionQuery), async (c) => {
    const { fields } = c.req.valid("query")
    const service = c.var.scope.resolve("productCollectionService")
    return retrieveResponse(
      c,
      "collection",
      storeCollectionQuery,
      fields,
      () => service.retrieve(c.req.param("id")),
      storeCatalogContext(c),
    )
  })
