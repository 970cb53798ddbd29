import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { AppEnv } from "../../../core/types"
import { adminCategoryQuery, adminCollectionQuery } from "../products/query-config"
import { type FieldsContext, retrieveQuery } from "../products/validators"
import { handle, linkProductsBody } from "../../../flows/product/inputs"
import { CATEGORY_ORDER_FIELDS, COLLECTION_ORDER_FIELDS } from "../../../modules/product/catalog-query-config"
import { storeListCategoriesQuery, storeListCollectionsQuery } from "../../../modules/product/validators"
import {
  createProductCollection,
  deleteProductCollection,
  linkProductsToCollection,
  updateProductCollection,
} from "../../../flows/catalog/collections"
import {
  createProductCategory,
  deleteProductCategory,
  linkProductsToCategory,
  updateProductCategory,
} from "../../../flows/catalog/categories"
import { metadata } from "../../../core/metadata"

const collections = (scope: Scope) => scope.resolve("productCollectionService")
const categories = (scope: Scope) => scope.resolve("adminProductCategoryService")

function respondCollection(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "collection", adminCollectionQuery, fields, () => collections(c.var.scope).retrieve(id))
}

function respondCategory(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "product_category", adminCategoryQuery, fields, () => categories(c.var.scope).retrieve(id))
}

const createCollectionBody = z.strictObject({ title: z.string().min(1).max(500), handle: handle.optional(), metadata })
const updateCollectionBody = z.strictObject({
  title: z.string().min(1).max(500).optional(),
  handle: handle.optional(),
  metadata,
})

/** Medusa's /admin/collections. */
export const adminCollectionRoutes = new Hono<AppEnv>()
  .get("/", query(storeListCollectionsQuery), async (c) => {
    const { limit = 10, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order ?? "-created_at", COLLECTION_ORDER_FIELDS, {
      field: "created_at",
      direction: "desc",
    })
    return listResponse(c, "collections", adminCollectionQuery, { fields, limit, offset }, () =>
      collections(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createCollectionBody), query(retrieveQuery), async (c) => {
    const id = await createProductCollection(c.var.scope, c.req.valid("json"))
    return respondCollection(c, id)
  })
  .get("/:id", query(retrieveQuery), (c) => respondCollection(c, c.req.param("id")))
  .post("/:id", body(updateCollectionBody), query(retrieveQuery), async (c) => {
    await updateProductCollection(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondCollection(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteProductCollection(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "collection", deleted: true })
  })
  .post("/:id/products", body(linkProductsBody), query(retrieveQuery), async (c) => {
    await linkProductsToCollection(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondCollection(c, c.req.param("id"))
  })

const categoryFields = {
  name: z.string().min(1).max(500),
  handle: handle.optional(),
  description: z.string().max(5000).optional(),
  is_active: z.boolean().optional(),
  is_internal: z.boolean().optional(),
  rank: z.number().int().min(0).optional(),
  metadata,
}
const createCategoryBody = z.strictObject({ ...categoryFields, parent_category_id: z.string().nullish() })
const updateCategoryBody = z.strictObject({ ...categoryFields, name: categoryFields.name.optional() })

/** Medusa's /admin/product-categories: every category, active or not. */
export const adminCategoryRoutes = new Hono<AppEnv>()
  .get("/", query(storeListCategoriesQuery), async (c) => {
    const {
      limit = 50,
      offset = 0,
      order,
      fields,
      include_ancestors_tree: _a,
      include_descendants_tree: _d,
      ...filters
    } = c.req.valid("query")
    const ordering = parseOrder(order, CATEGORY_ORDER_FIELDS, { field: "rank", direction: "asc" })
    return listResponse(c, "product_categories", adminCategoryQuery, { fields, limit, offset }, () =>
      categories(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createCategoryBody), query(retrieveQuery), async (c) => {
    const id = await createProductCategory(c.var.scope, c.req.valid("json"))
    return respondCategory(c, id)
  })
  .get("/:id", query(retrieveQuery), (c) => respondCategory(c, c.req.param("id")))
  .post("/:id", body(updateCategoryBody), query(retrieveQuery), async (c) => {
    await updateProductCategory(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondCategory(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteProductCategory(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "product_category", deleted: true })
  })
  .post("/:id/products", body(linkProductsBody), query(retrieveQuery), async (c) => {
    await linkProductsToCategory(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondCategory(c, c.req.param("id"))
  })
