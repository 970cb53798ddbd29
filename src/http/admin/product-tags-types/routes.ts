import { Hono } from "hono"
import { z } from "zod"
import { validateBody } from "../../../core/body"
import type { Scope } from "../../../core/container"
import { listQuery, oneOrMany, parseOrder, validateQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { QueryConfig } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { adminTagQuery, adminTypeQuery, VALUE_ORDER_FIELDS } from "../products/query-config"
import { retrieveQuery } from "../products/validators"
import { createTagOrType } from "../../../flows/product/workflows"
import { metadata } from "../../../core/metadata"

const value = z.string().min(1).max(200)
const listValuesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  value: oneOrMany.optional(),
})

/**
 * Medusa's /admin/product-tags or /admin/product-types: the same routes over a value entity.
 * POST / with a value already in use is a 422 duplicate_error, as Medusa's unique index answers it.
 */
function valueRoutes(kind: "tag" | "type", config: QueryConfig) {
  const singular = `product_${kind}`
  const service = (scope: Scope) => scope.resolve(kind === "tag" ? "productTagService" : "productTypeService")
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listValuesQuery)
      const ordering = parseOrder(order, VALUE_ORDER_FIELDS, { field: "value", direction: "asc" })
      return listResponse(c, `${singular}s`, config, { fields, limit, offset }, () =>
        service(c.var.scope).list(filters, ordering, { limit, offset }),
      )
    })
    .post("/", async (c) => {
      const body = await validateBody(c, z.strictObject({ value, metadata }))
      const id = await transaction(c.var.scope, (tx) => createTagOrType(tx, kind, body.value, body.metadata))
      const { fields } = validateQuery(c, retrieveQuery)
      return retrieveResponse(c, singular, config, fields, () => service(c.var.scope).retrieve(id))
    })
    .get("/:id", (c) => {
      const { fields } = validateQuery(c, retrieveQuery)
      return retrieveResponse(c, singular, config, fields, () => service(c.var.scope).retrieve(c.req.param("id")))
    })
    .post("/:id", async (c) => {
      const body = await validateBody(c, z.strictObject({ value: value.optional(), metadata }))
      await transaction(c.var.scope, async (tx) => {
        await service(tx).update(c.req.param("id"), body)
        await emitEvent(tx, `product-${kind}.updated`, { id: c.req.param("id") })
      })
      const { fields } = validateQuery(c, retrieveQuery)
      return retrieveResponse(c, singular, config, fields, () => service(c.var.scope).retrieve(c.req.param("id")))
    })
    .delete("/:id", async (c) => {
      await transaction(c.var.scope, async (tx) => {
        await service(tx).softDelete(c.req.param("id"))
        await emitEvent(tx, `product-${kind}.deleted`, { id: c.req.param("id") })
      })
      return c.json({ id: c.req.param("id"), object: singular, deleted: true })
    })
}

export const adminTagRoutes = valueRoutes("tag", adminTagQuery)
export const adminTypeRoutes = valueRoutes("type", adminTypeQuery)
