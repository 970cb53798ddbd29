import { Hono } from "hono"
import { z } from "zod"
import { body, noBody, query } from "../../../core/input"
import { dateFilters, listQuery, oneOrMany, parseOrder } from "../../../core/query/params"
import { selectJson } from "../../../core/query/select-json"
import type { AppEnv } from "../../../core/types"
import { addressBody } from "../../store/carts/validators"
import { adminOrderFulfillmentRoutes } from "./fulfillments"
import { adminOrderTransferRoutes } from "./transfers"
import { adminOrderShippingOptionRoutes } from "../shipping-options/routes"
import { archiveOrder, cancelOrder, updateOrder } from "../../../flows/order/orders"
import { orderJson, ordersJson } from "../../../flows/order/order-view"
import { changesJson, orderPreviewJson } from "../../../flows/order/change-view"
import { metadata } from "../../../core/metadata"

/**
 * `fields` applied to an admin order. payment_status and fulfillment_status are always there,
 * whatever `fields` asks for, as Medusa's getOrderDetailWorkflow and getOrdersListWorkflow add them.
 */
function adminOrderFields(json: Record<string, unknown>, fields: string | undefined) {
  return {
    ...selectJson(json, fields),
    payment_status: json.payment_status,
    fulfillment_status: json.fulfillment_status,
  }
}

/** What GET /admin/orders (and its export) may be ordered by. */
export const ORDER_LIST_ORDER_FIELDS = ["created_at", "updated_at", "display_id", "id"] as const

/** Medusa's AdminGetOrdersParams: what GET /admin/orders and its export filter on. */
export const listOrdersQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  status: oneOrMany.optional(),
  customer_id: oneOrMany.optional(),
  region_id: oneOrMany.optional(),
  sales_channel_id: oneOrMany.optional(),
  ...dateFilters,
})
const fieldsQuery = z.object({ fields: z.string().optional() })
const lineItemsQuery = z.object({
  fields: z.string().optional(),
  item_id: oneOrMany.optional(),
  version: z.coerce.number().int().min(1).optional(),
})
const listChangesQuery = z.object({ ...listQuery, change_type: oneOrMany.optional(), status: oneOrMany.optional() })
const updateOrderBody = z.strictObject({
  email: z.email({ error: "email must be an email address" }).max(320).optional(),
  shipping_address: addressBody.optional(),
  billing_address: addressBody.optional(),
  metadata,
})

/** Medusa's /admin/orders: list, read, cancel (stock given back, payment canceled); fulfillments and completion. */
export const adminOrderRoutes = new Hono<AppEnv>()
  .route("/", adminOrderFulfillmentRoutes)
  .route("/", adminOrderTransferRoutes)
  .route("/", adminOrderShippingOptionRoutes)
  .get("/", query(listOrdersQuery), async (c) => {
    const { limit = 15, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ORDER_LIST_ORDER_FIELDS, { field: "created_at", direction: "desc" })
    const { rows, count } = await c.var.scope.resolve("orderService").list(filters, ordering, { limit, offset })
    const orders = (await ordersJson(c.var.scope, rows)).map((json) => adminOrderFields(json, fields))
    return c.json({ orders, count, offset, limit })
  })
  .get("/:id", query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return c.json({ order: adminOrderFields(await orderJson(c.var.scope, c.req.param("id")), fields) })
  })
  // Medusa's previewOrderChange: the order with its change in progress applied.
  .get("/:id/preview", query(fieldsQuery), async (c) =>
    c.json({ order: await orderPreviewJson(c.var.scope, c.req.param("id")) }),
  )
  // Medusa's order items: each line's counts beside the line itself (the order page draws changed and removed lines).
  .get("/:id/line-items", query(lineItemsQuery), async (c) => {
    const { item_id } = c.req.valid("query")
    const order = await orderJson(c.var.scope, c.req.param("id"))
    const lines = (order.items as Record<string, unknown>[]).filter(
      (line) => !item_id || item_id.includes(line.id as string),
    )
    const order_items = lines.map((line) => ({
      ...(line.detail as Record<string, unknown>),
      item_id: line.id,
      version: order.version,
      history: { version: { from: order.version, to: order.version } },
      item: line,
    }))
    return c.json({ order_items })
  })
  .get("/:id/changes", query(listChangesQuery), async (c) => {
    const { change_type, status } = c.req.valid("query")
    await c.var.scope.resolve("orderService").retrieve(c.req.param("id"))
    const changes = await c.var.scope.resolve("orderChangeService").list(c.req.param("id"), { change_type, status })
    return c.json({ order_changes: await changesJson(c.var.scope, changes) })
  })
  .post("/:id", body(updateOrderBody), query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    await updateOrder(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return c.json({ order: adminOrderFields(await orderJson(c.var.scope, c.req.param("id")), fields) })
  })
  .post("/:id/cancel", noBody, async (c) => {
    await cancelOrder(c.var.scope, c.req.param("id"))
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
  .post("/:id/archive", noBody, async (c) => {
    await archiveOrder(c.var.scope, c.req.param("id"))
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
