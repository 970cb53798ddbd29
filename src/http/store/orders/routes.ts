import { Hono, type Context } from "hono"
import { z } from "zod"
import { authenticate } from "../../../core/auth/middleware"
import { MedusaError } from "../../../core/errors"
import { listQuery, oneOrMany, parseOrder, validateQuery } from "../../../core/query/params"
import { selectJson } from "../../../core/query/select-json"
import type { AppEnv } from "../../../core/types"
import { ordersJson } from "../../../flows/order/order-view"
import type { Order } from "../../../modules/order/service"

const listOrdersQuery = z.object({ ...listQuery, status: oneOrMany.optional() })
const DEFAULT_LIST_FIELDS = "id,status,summary,display_id,total,currency_code,created_at"

/**
 * An order placed by a registered customer is theirs alone; a guest's (its customer has no
 * account) is readable by whoever holds its id.
 */
export async function assertOrderAccess(c: Context<AppEnv>, order: Order) {
  if (!order.customer_id || order.customer_id === c.var.auth?.actor_id) return
  const [customer] = await c.var.scope.resolve("customerService").byIds([order.customer_id])
  if (customer?.has_account !== false) throw new MedusaError("not_found", `Order with id: ${order.id} was not found`)
}

export const storeOrderRoutes = new Hono<AppEnv>()
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .get("/", async (c) => {
    if (!c.var.auth) return c.json({ type: "unauthorized", message: "Unauthorized" }, 401)
    const { limit = 50, offset = 0, order, fields, ...filters } = validateQuery(c, listOrdersQuery)
    const ordering = parseOrder(order, ["created_at", "updated_at", "display_id", "id"], {
      field: "created_at",
      direction: "desc",
    })
    const service = c.var.scope.resolve("orderService")
    const { rows, count } = await service.listForCustomer(c.var.auth.actor_id, filters, ordering, { limit, offset })
    const orders = (await ordersJson(c.var.scope, rows)).map((json) =>
      selectJson(json, fields?.trim() ? fields : DEFAULT_LIST_FIELDS),
    )
    return c.json({ orders, count, offset, limit })
  })
  .get("/:id", async (c) => {
    const { fields } = validateQuery(c, z.object({ fields: z.string().optional() }))
    const order = await c.var.scope.resolve("orderService").retrieve(c.req.param("id"))
    await assertOrderAccess(c, order)
    const [json] = await ordersJson(c.var.scope, [order])
    return c.json({ order: selectJson(json!, fields) })
  })
