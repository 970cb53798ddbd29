import { Hono } from "hono"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { AppEnv } from "../../../core/types"
import {
  adminOptionQuery,
  adminOptionValueQuery,
  OPTION_ORDER_FIELDS,
  VALUE_ORDER_FIELDS,
} from "../products/query-config"
import { type FieldsContext, listOptionsQuery, listOptionValuesQuery, retrieveQuery } from "../products/validators"
import { createSharedOptionBody, updateOptionValueBody, updateSharedOptionBody } from "../../../flows/product/inputs"
import {
  createProductOption,
  deleteProductOption,
  deleteProductOptionValue,
  updateProductOption,
  updateProductOptionValue,
} from "../../../flows/product/options"

const options = (scope: Scope) => scope.resolve("productOptionService")

const values = (scope: Scope) => scope.resolve("productOptionValueService")

function respondValue(c: FieldsContext) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "product_option_value", adminOptionValueQuery, fields, () =>
    values(c.var.scope).retrieve(c.req.param("id")!, c.req.param("value_id")!),
  )
}

function respondOption(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "product_option", adminOptionQuery, fields, () => options(c.var.scope).retrieve(id))
}

/** Medusa 2.21's /admin/product-options: every option, shared ones made here to be linked to products. */
export const adminProductOptionRoutes = new Hono<AppEnv>()
  .get("/", query(listOptionsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, OPTION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "product_options", adminOptionQuery, { fields, limit, offset }, () =>
      options(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createSharedOptionBody), query(retrieveQuery), async (c) => {
    const id = await createProductOption(c.var.scope, c.req.valid("json"))
    return respondOption(c, id)
  })
  .get("/:id", query(retrieveQuery), (c) => respondOption(c, c.req.param("id")))
  .post("/:id", body(updateSharedOptionBody), query(retrieveQuery), async (c) => {
    await updateProductOption(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondOption(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteProductOption(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "product_option", deleted: true })
  })
  // The option's values (2.16+; update and delete 2.17+).
  .get("/:id/values", query(listOptionValuesQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, VALUE_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "product_option_values", adminOptionValueQuery, { fields, limit, offset }, () =>
      values(c.var.scope).list(c.req.param("id"), filters, ordering, { limit, offset }),
    )
  })
  .get("/:id/values/:value_id", query(retrieveQuery), (c) => respondValue(c))
  .post("/:id/values/:value_id", body(updateOptionValueBody), query(retrieveQuery), async (c) => {
    await updateProductOptionValue(c.var.scope, c.req.param("id"), c.req.param("value_id"), c.req.valid("json"))
    return respondValue(c)
  })
  .delete("/:id/values/:value_id", async (c) => {
    await deleteProductOptionValue(c.var.scope, c.req.param("id"), c.req.param("value_id"))
    return c.json({ id: c.req.param("value_id"), object: "product_option_value", deleted: true })
  })
