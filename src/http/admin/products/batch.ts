import { Hono, type Context } from "hono"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import type { Row } from "../../../core/query/graph"
import { validateQuery } from "../../../core/query/params"
import { queryContext } from "../../../core/query/route"
import { requestedFor, shapeRows, type QueryConfig } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { adminVariantQuery } from "./query-config"
import { respondProduct } from "./routes"
import { retrieveQuery } from "./validators"
import { batchProductsBody, batchVariantsBody, linkOptionsBody } from "../../../flows/product/inputs"
import { adminProductQuery } from "./query-config"
import {
  createProduct,
  createVariants,
  deleteProduct,
  deleteVariant,
  linkOptions,
  updateProduct,
  updateVariant,
} from "../../../flows/product/workflows"

const products = (scope: Scope) => scope.resolve("productService")
const byId = { field: "id", direction: "asc" } as const

/**
 * Medusa's batch answer: the created and updated entities re-read with the request's `fields`,
 * in the order they were given, and the deleted ids.
 */
async function batchResponse(
  c: Context<AppEnv>,
  config: QueryConfig,
  object: string,
  ids: { created: string[]; updated: string[]; deleted: string[] },
  load: (ids: string[]) => Promise<{ rows: Row[] }>,
) {
  const { fields } = validateQuery(c, retrieveQuery)
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
  .post("/batch", async (c) => {
    const body = await validateBody(c, batchProductsBody)
    const created = await transaction(c.var.scope, async (tx) => {
      const ids: string[] = []
      for (const input of body.create) ids.push(await createProduct(tx, input))
      for (const { id, ...patch } of body.update) await updateProduct(tx, id, patch)
      for (const id of body.delete) await deleteProduct(tx, id)
      return ids
    })
    const ids = { created, updated: body.update.map((input) => input.id), deleted: body.delete }
    return batchResponse(c, adminProductQuery, "product", ids, (wanted) =>
      products(c.var.scope).list({ id: wanted }, byId, { limit: wanted.length, offset: 0 }),
    )
  })
  .post("/:id/variants/batch", async (c) => {
    const productId = c.req.param("id")
    const body = await validateBody(c, batchVariantsBody)
    const created = await transaction(c.var.scope, async (tx) => {
      await products(tx).retrieve(productId)
      const ids = await createVariants(tx, productId, body.create)
      for (const { id, ...patch } of body.update) await updateVariant(tx, productId, id, patch)
      for (const id of body.delete) await deleteVariant(tx, productId, id)
      return ids
    })
    const ids = { created, updated: body.update.map((input) => input.id), deleted: body.delete }
    return batchResponse(c, adminVariantQuery, "product_variant", ids, (wanted) =>
      products(c.var.scope).listVariants({ id: wanted, product_id: [productId] }, byId, {
        limit: wanted.length,
        offset: 0,
      }),
    )
  })
  // Medusa 2.21 (before /:id/options/:option_id, which would take "batch" for an option id).
  .post("/:id/options/batch", async (c) => {
    const body = await validateBody(c, linkOptionsBody)
    await transaction(c.var.scope, (tx) => linkOptions(tx, c.req.param("id"), body))
    return respondProduct(c, c.req.param("id"))
  })
