import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../core/container"
import { validateBody } from "../../core/body"
import { parseOrder, validateQuery, toHandle } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import { CATEGORY_ORDER_FIELDS, COLLECTION_ORDER_FIELDS } from "./catalog-query-config"
import type { ProductCategoryService } from "./category-service"
import type { ProductCollectionService } from "./collection-service"
import type { ProductService } from "./service"
import { storeListCategoriesQuery, storeListCollectionsQuery } from "./validators"

const handle = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be lowercase letters, digits and dashes" })
const metadata = z.record(z.string(), z.unknown()).nullish()
const collections = (scope: Scope) => scope.resolve<ProductCollectionService>("productCollectionService")
const categories = (scope: Scope) => scope.resolve<ProductCategoryService>("adminProductCategoryService")

/** Medusa's /admin/collections. */
export const adminCollectionRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 10, offset = 0, order, fields: _f, ...filters } = validateQuery(c, storeListCollectionsQuery)
    const ordering = parseOrder(order ?? "-created_at", COLLECTION_ORDER_FIELDS, { field: "created_at", direction: "desc" })
    const { rows, count } = await collections(c.var.scope).list(filters, ordering, { limit, offset })
    return c.json({ collections: rows, count, offset, limit })
  })
  .post("/", async (c) => {
    const body = await validateBody(c, z.strictObject({ title: z.string().min(1).max(500), handle: handle.optional(), metadata }))
    const created = await transaction(c.var.scope, async (tx) => {
      const collection = await collections(tx).create({ title: body.title, handle: body.handle ?? toHandle(body.title) })
      if (body.metadata !== undefined) await collections(tx).update(collection.id, { metadata: body.metadata })
      await emitEvent(tx, "product-collection.created", { id: collection.id })
      return collection.id
    })
    return c.json({ collection: await collections(c.var.scope).retrieve(created) })
  })
  .get("/:id", async (c) => c.json({ collection: await collections(c.var.scope).retrieve(c.req.param("id")) }))
  .post("/:id", async (c) => {
    const body = await validateBody(c, z.strictObject({ title: z.string().min(1).max(500).optional(), handle: handle.optional(), metadata }))
    const updated = await transaction(c.var.scope, async (tx) => {
      const collection = await collections(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "product-collection.updated", { id: collection.id })
      return collection
    })
    return c.json({ collection: updated })
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await collections(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, "product-collection.deleted", { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "collection", deleted: true })
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
    const { limit = 50, offset = 0, order, fields: _f, include_ancestors_tree: _a, include_descendants_tree: _d, ...filters } = validateQuery(c, storeListCategoriesQuery)
    const ordering = parseOrder(order, CATEGORY_ORDER_FIELDS, { field: "rank", direction: "asc" })
    const { rows, count } = await categories(c.var.scope).list(filters, ordering, { limit, offset })
    return c.json({ product_categories: rows, count, offset, limit })
  })
  .post("/", async (c) => {
    const body = await validateBody(c, z.strictObject({ ...categoryFields, parent_category_id: z.string().nullish() }))
    const created = await transaction(c.var.scope, async (tx) => {
      const category = await categories(tx).create({ ...body, handle: body.handle ?? toHandle(body.name), is_active: body.is_active ?? false })
      await emitEvent(tx, "product-category.created", { id: category.id })
      return category
    })
    return c.json({ product_category: created })
  })
  .get("/:id", async (c) => c.json({ product_category: await categories(c.var.scope).retrieve(c.req.param("id")) }))
  .post("/:id", async (c) => {
    const body = await validateBody(c, z.strictObject({ ...categoryFields, name: categoryFields.name.optional() }))
    const updated = await transaction(c.var.scope, async (tx) => {
      const category = await categories(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "product-category.updated", { id: category.id })
      return category
    })
    return c.json({ product_category: updated })
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await categories(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, "product-category.deleted", { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "product_category", deleted: true })
  })

const valueBody = z.strictObject({ value: z.string().min(1).max(200), metadata })
const listValues = z.object({ q: z.string().optional(), limit: z.string().regex(/^\d{1,4}$/).transform(Number).optional(), offset: z.string().regex(/^\d{1,9}$/).transform(Number).optional() })

/** /admin/product-tags and /admin/product-types: lists, and create-if-missing by value. */
export const adminTagAndTypeRoutes = new Hono<AppEnv>()
  .get("/product-tags", async (c) => {
    const { q, limit = 20, offset = 0 } = validateQuery(c, listValues)
    const { rows, count } = await c.var.scope.resolve<ProductService>("productService").listTags(q, { limit, offset })
    return c.json({ product_tags: rows, count, offset, limit })
  })
  .post("/product-tags", async (c) => {
    const { value } = await validateBody(c, valueBody)
    const tag = await transaction(c.var.scope, (tx) => tx.resolve<ProductService>("productService").upsertTag(value))
    return c.json({ product_tag: tag })
  })
  .get("/product-types", async (c) => {
    const { q, limit = 20, offset = 0 } = validateQuery(c, listValues)
    const { rows, count } = await c.var.scope.resolve<ProductService>("productService").listTypes(q, { limit, offset })
    return c.json({ product_types: rows, count, offset, limit })
  })
  .post("/product-types", async (c) => {
    const { value } = await validateBody(c, valueBody)
    const type = await transaction(c.var.scope, (tx) => tx.resolve<ProductService>("productService").upsertType(value))
    return c.json({ product_type: type })
  })
