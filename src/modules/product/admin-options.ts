import { Hono, type Context } from "hono"
import type { Scope } from "../../core/container"
import { validateBody } from "../../core/body"
import { parseOrder, validateQuery } from "../../core/query/params"
import { listResponse, retrieveResponse } from "../../core/query/route"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import { adminOptionQuery, OPTION_ORDER_FIELDS } from "./admin-query-config"
import { createSharedOptionBody, listOptionsQuery, retrieveQuery, updateSharedOptionBody } from "./admin-validators"
import { ProductEvents } from "./events"
import type { ProductOptionService } from "./option-service"
import { createOption, updateOption } from "./workflows"

const options = (scope: Scope) => scope.resolve<ProductOptionService>("productOptionService")

function respondOption(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, retrieveQuery)
  return retrieveResponse(c, "product_option", adminOptionQuery, fields, () => options(c.var.scope).retrieve(id))
}

/** Medusa 2.21's /admin/product-options: every option, shared ones made here to be linked to products. */
export const adminProductOptionRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listOptionsQuery)
    const ordering = parseOrder(order, OPTION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "product_options", adminOptionQuery, { fields, limit, offset }, () => options(c.var.scope).list(filters, ordering, { limit, offset }))
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
