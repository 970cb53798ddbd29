import { Hono, type Context } from "hono"
import { createMiddleware } from "hono/factory"
import { z } from "zod"
import { authenticate } from "../../middlewares/authenticate"
import { MedusaError } from "../../../core/errors"
import { query } from "../../../core/input"
import { listQuery, oneOrMany, parseOrder } from "../../../core/query/params"
import { selectJson } from "../../../core/query/select-json"
import type { AppEnv } from "../../../core/types"
import { ordersJson } from "../../../flows/order/order-view"
import type { Order } from "../../../modules/order/service"
import { storeOrderTransferRoutes } from "./transfers"

const listOrdersQuery = z.object({ ...listQuery, status: oneOrMany.optional() })
const DEFAULT_LIST_FIELDS = "id,status,summary,display_id,total,currency_code,created_at"

/**
 * An order placed by a registered customer is theirs alone; a guest's (its customer has no
 * account) is readable by whoever holds its id.
 */
export async function assertOrderAccess(c: Context<AppEnv>, order: Order) {
  // A draft is the merchant's until it is converted: no storefront sees it.
  if (order.is_draft_order) throw new MedusaError("not_found", `Order with id: ${order.id} was not found`)
  if (!order.customer_id || order.customer_id === c.var.auth?.actor_id) return
  const [customer] = await c.var.scope.resolve("customerService").byIds([order.customer_id])
  if (customer?.has_account !== false) throw new MedusaError("not_found", `Order with id: ${order.id} was not found`)
}

/** A customer's own orders need the customer: a guest is refused before the query is read. */
const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.auth) throw new MedusaError("unauthorized", "Unauthorized")
  await next()
})

export const storeOrderRoutes = new Hono<AppEnv>()
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .route("/", storeOrderTransferRoutes)
  .get("/", signedIn, query(listOrdersQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["created_at", "updated_at", "display_id", "id"], {
      field: "created_at",
      direction: "desc",
    })
    const service = c.var.scope.resolve("orderService")
    const { rows, count } = await service.listForCustomer(c.var.auth!.actor_id, filters, ordering, { limit, offset })
    const orders = (await ordersJson(c.var.scope, rows)).map((json) =>
      selectJson(json, fields?.trim() ? fields : DEFAULT_LIST_FIELDS),
    )
    return c.json({ orders, count, offset, limit })
  })
  .get("/:id", query(z.object({ fields: z.string().optional() })), async (c) => {
    const { fields } = c.req.valid("query")
    const order = await c.var.scope.resolve("orderService").retrieve(c.req.param("id"))
    await assertOrderAccess(c, order)
    const [json] = await ordersJson(c.var.scope, [order])
    return c.json({ order: selectJson(json!, fields) })
  })
