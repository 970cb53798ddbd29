import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { parseOrder, validateQuery, toHandle } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { adminCategoryQuery, adminCollectionQuery } from "../products/query-config"
import { retrieveQuery } from "../products/validators"
import { handle, linkProductsBody } from "../../../flows/product/inputs"
import { CATEGORY_ORDER_FIELDS, COLLECTION_ORDER_FIELDS } from "../../../modules/product/catalog-query-config"
import { storeListCategoriesQuery, storeListCollectionsQuery } from "../../../modules/product/validators"
import { linkProductsTo } from "../../../flows/product/workflows"
import { metadata } from "../../../core/metadata"

const collections = (scope: Scope) => scope.resolve("productCollectionService")
const categories = (scope: Scope) => scope.resolve("adminProductCategoryService")

function respondCollection(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, retrieveQuery)
  return retrieveResponse(c, "collection", adminCollectionQuery, fields, () => collections(c.var.scope).retrieve(id))
}

function respondCategory(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, retrieveQuery)
  return retrieveResponse(c, "product_category", adminCategoryQuery, fields, () => categories(c.var.scope).retrieve(id))
}

/** Medusa's /admin/collections. */
export const adminCollectionRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 10, offset = 0, order, fields, ...filters } = validateQuery(c, storeListCollectionsQuery)
    const ordering = parseOrder(order ?? "-created_at", COLLECTION_ORDER_FIELDS, {
      field: "created_at",
      direction: "desc",
    })
    return listResponse(c, "collections", adminCollectionQuery, { fields, limit, offset }, () =>
      collections(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({ title: z.string().min(1).max(500), handle: handle.optional(), metadata }),
    )
    const created = await transaction(c.var.scope, async (tx) => {
      const collection = await collections(tx).create({
        title: body.title,
        handle: body.handle ?? toHandle(body.title),
      })
      if (body.metadata !== undefined) await collections(tx).update(collection.id, { metadata: body.metadata })
      await emitEvent(tx, "product-collection.created", { id: collection.id })
      return collection.id
    })
    return respondCollection(c, created)
  })
  .get("/:id", (c) => respondCollection(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({ title: z.string().min(1).max(500).optional(), handle: handle.optional(), metadata }),
    )
    await transaction(c.var.scope, async (tx) => {
      await collections(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "product-collection.updated", { id: c.req.param("id") })
    })
    return respondCollection(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await collections(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, "product-collection.deleted", { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "collection", deleted: true })
  })
  .post("/:id/products", async (c) => {
    const body = await validateBody(c, linkProductsBody)
    await transaction(c.var.scope, async (tx) => {
      await collections(tx).retrieve(c.req.param("id"))
      await linkProductsTo(tx, { collection_id: c.req.param("id") }, body)
    })
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

/** Medusa's /admin/product-categories: every category, active or not. */
export const adminCategoryRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      limit = 50,
      offset = 0,
      order,
      fields,
      include_ancestors_tree: _a,
      include_descendants_tree: _d,
      ...filters
    } = validateQuery(c, storeListCategoriesQuery)
    const ordering = parseOrder(order, CATEGORY_ORDER_FIELDS, { field: "rank", direction: "asc" })
    return listResponse(c, "product_categories", adminCategoryQuery, { fields, limit, offset }, () =>
      categories(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, z.strictObject({ ...categoryFields, parent_category_id: z.string().nullish() }))
    const created = await transaction(c.var.scope, async (tx) => {
      const category = await categories(tx).create({
        ...body,
        handle: body.handle ?? toHandle(body.name),
        is_active: body.is_active ?? false,
      })
      await emitEvent(tx, "product-category.created", { id: category.id })
      return category.id
    })
    return respondCategory(c, created)
  })
  .get("/:id", (c) => respondCategory(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, z.strictObject({ ...categoryFields, name: categoryFields.name.optional() }))
    await transaction(c.var.scope, async (tx) => {
      await categories(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "product-category.updated", { id: c.req.param("id") })
    })
    return respondCategory(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await categories(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, "product-category.deleted", { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "product_category", deleted: true })
  })
  .post("/:id/products", async (c) => {
    const body = await validateBody(c, linkProductsBody)
    await transaction(c.var.scope, async (tx) => {
      await categories(tx).retrieve(c.req.param("id"))
      await linkProductsTo(tx, { category_id: c.req.param("id") }, body)
    })
    return respondCategory(c, c.req.param("id"))
  })
