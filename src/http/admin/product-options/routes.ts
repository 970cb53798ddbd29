import { Hono, type Context } from "hono"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { parseOrder, validateQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import {
  adminOptionQuery,
  adminOptionValueQuery,
  OPTION_ORDER_FIELDS,
  VALUE_ORDER_FIELDS,
} from "../products/query-config"
import { listOptionsQuery, listOptionValuesQuery, retrieveQuery } from "../products/validators"
import { createSharedOptionBody, updateOptionValueBody, updateSharedOptionBody } from "../../../flows/product/inputs"
import { ProductEvents } from "../../../modules/product/events"
import { createOption, updateOption } from "../../../flows/product/workflows"

const options = (scope: Scope) => scope.resolve("productOptionService")

const values = (scope: Scope) => scope.resolve("productOptionValueService")

function respondValue(c: Context<AppEnv>) {
  const { fields } = validateQuery(c, retrieveQuery)
  return retrieveResponse(c, "product_option_value", adminOptionValueQuery, fields, () =>
    values(c.var.scope).retrieve(c.req.param("id")!, c.req.param("value_id")!),
  )
}

function respondOption(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, retrieveQuery)
  return retrieveResponse(c, "product_option", adminOptionQuery, fields, () => options(c.var.scope).retrieve(id))
}

/** Medusa 2.21's /admin/product-options: every option, shared ones made here to be linked to products. */
export const adminProductOptionRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listOptionsQuery)
    const ordering = parseOrder(order, OPTION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "product_options", adminOptionQuery, { fields, limit, offset }, () =>
      options(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, createSharedOptionBody)
    const id = await transaction(c.var.scope, (tx) => createOption(tx, body))
    return respondOption(c, id)
  })
  .get("/:id", (c) => respondOption(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateSharedOptionBody)
    await transaction(c.var.scope, (tx) => updateOption(tx, c.req.param("id"), body))
    return respondOption(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await options(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, ProductEvents.OPTION_DELETED, { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "product_option", deleted: true })
  })
  // The option's values (2.16+; update and delete 2.17+). As in Medusa's workflows, no events.
  .get("/:id/values", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listOptionValuesQuery)
    const ordering = parseOrder(order, VALUE_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "product_option_values", adminOptionValueQuery, { fields, limit, offset }, () =>
      values(c.var.scope).list(c.req.param("id"), filters, ordering, { limit, offset }),
    )
  })
  .get("/:id/values/:value_id", (c) => respondValue(c))
  .post("/:id/values/:value_id", async (c) => {
    const body = await validateBody(c, updateOptionValueBody)
    await transaction(c.var.scope, (tx) => values(tx).update(c.req.param("id"), c.req.param("value_id"), body))
    return respondValue(c)
  })
  .delete("/:id/values/:value_id", async (c) => {
    await transaction(c.var.scope, (tx) => values(tx).softDelete(c.req.param("id"), c.req.param("value_id")))
    return c.json({ id: c.req.param("value_id"), object: "product_option_value", deleted: true })
  })
