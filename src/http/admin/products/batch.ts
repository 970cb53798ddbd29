import { Hono } from "hono"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import type { Row } from "../../../core/query/graph"
import { queryContext } from "../../../core/query/route"
import { requestedFor, shapeRows, type QueryConfig } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { adminVariantQuery } from "./query-config"
import { respondProduct } from "./routes"
import { type FieldsContext, retrieveQuery } from "./validators"
import { batchProductsBody, batchVariantsBody, linkOptionsBody } from "../../../flows/product/inputs"
import { adminProductQuery } from "./query-config"
import { batchProducts } from "../../../flows/product/products"
import { batchProductVariants } from "../../../flows/product/variants"
import { linkProductOptions } from "../../../flows/product/options"

const products = (scope: Scope) => scope.resolve("productService")
const byId = { field: "id", direction: "asc" } as const

/**
 * Medusa's batch answer: the created and updated entities re-read with the request's `fields`,
 * in the order they were given, and the deleted ids.
 */
async function batchResponse(
  c: FieldsContext,
  config: QueryConfig,
  object: string,
  ids: { created: string[]; updated: string[]; deleted: string[] },
  load: (ids: string[]) => Promise<{ rows: Row[] }>,
) {
  const { fields } = c.req.valid("query")
  const requested = requestedFor(config, fields)
  const shape = async (wanted: string[]) => {
    if (wanted.length === 0) return []
    const { rows } = await load(wanted)
    rows.sort((a, b) => wanted.indexOf(a.id) - wanted.indexOf(b.id))
    return shapeRows(config, rows, requested, queryContext(c))
  }
  return c.json({
    created: await shape(ids.created),
    updated: await shape(ids.updated),
    deleted: { ids: ids.deleted, object, deleted: true },
  })
}

/** The /admin/products batch routes: all of a batch in one transaction, or none of it. */
export const adminProductBatchRoutes = new Hono<AppEnv>()
  .post("/batch", body(batchProductsBody), query(retrieveQuery), async (c) => {
    const input = c.req.valid("json")
    const created = await batchProducts(c.var.scope, input)
    const ids = { created, updated: input.update.map((entry) => entry.id), deleted: input.delete }
    return batchResponse(c, adminProductQuery, "product", ids, (wanted) =>
      products(c.var.scope).list({ id: wanted }, byId, { limit: wanted.length, offset: 0 }),
    )
  })
  .post("/:id/variants/batch", body(batchVariantsBody), query(retrieveQuery), async (c) => {
    const productId = c.req.param("id")
    const input = c.req.valid("json")
    const created = await batchProductVariants(c.var.scope, productId, input)
    const ids = { created, updated: input.update.map((entry) => entry.id), deleted: input.delete }
    return batchResponse(c, adminVariantQuery, "product_variant", ids, (wanted) =>
      products(c.var.scope).listVariants({ id: wanted, product_id: [productId] }, byId, {
        limit: wanted.length,
        offset: 0,
      }),
    )
  })
  // Medusa 2.21 (before /:id/options/:option_id, which would take "batch" for an option id).
  .post("/:id/options/batch", body(linkOptionsBody), query(retrieveQuery), async (c) => {
    await linkProductOptions(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondProduct(c, c.req.param("id"))
  })
