import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { listQuery, oneOrMany, parseOrder } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { QueryConfig } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { adminTagQuery, adminTypeQuery, VALUE_ORDER_FIELDS } from "../products/query-config"
import { type FieldsContext, retrieveQuery } from "../products/validators"
import {
  createProductTagOrType,
  deleteProductTagOrType,
  updateProductTagOrType,
  type ValueKind,
} from "../../../flows/product/tags-types"
import { metadata } from "../../../core/metadata"

const value = z.string().min(1).max(200)
const listValuesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  value: oneOrMany.optional(),
})
const createValueBody = z.strictObject({ value, metadata })
const updateValueBody = z.strictObject({ value: value.optional(), metadata })

/**
 * Medusa's /admin/product-tags or /admin/product-types: the same routes over a value entity.
 * POST / with a value already in use is a 422 duplicate_error, as Medusa's unique index answers it.
 */
function valueRoutes(kind: ValueKind, config: QueryConfig) {
  const singular = `product_${kind}`
  const service = (scope: Scope) => scope.resolve(kind === "tag" ? "productTagService" : "productTypeService")
  const respond = (c: FieldsContext, id: string) =>
    retrieveResponse(c, singular, config, c.req.valid("query").fields, () => service(c.var.scope).retrieve(id))
  return new Hono<AppEnv>()
    .get("/", query(listValuesQuery), async (c) => {
      const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
      const ordering = parseOrder(order, VALUE_ORDER_FIELDS, { field: "value", direction: "asc" })
      return listResponse(c, `${singular}s`, config, { fields, limit, offset }, () =>
        service(c.var.scope).list(filters, ordering, { limit, offset }),
      )
    })
    .post("/", body(createValueBody), query(retrieveQuery), async (c) => {
      const id = await createProductTagOrType(c.var.scope, kind, c.req.valid("json"))
      return respond(c, id)
    })
    .get("/:id", query(retrieveQuery), (c) => respond(c, c.req.param("id")))
    .post("/:id", body(updateValueBody), query(retrieveQuery), async (c) => {
      await updateProductTagOrType(c.var.scope, kind, c.req.param("id"), c.req.valid("json"))
      return respond(c, c.req.param("id"))
    })
    .delete("/:id", async (c) => {
      await deleteProductTagOrType(c.var.scope, kind, c.req.param("id"))
      return c.json({ id: c.req.param("id"), object: singular, deleted: true })
    })
}

export const adminTagRoutes = valueRoutes("tag", adminTagQuery)
export const adminTypeRoutes = valueRoutes("type", adminTypeQuery)
