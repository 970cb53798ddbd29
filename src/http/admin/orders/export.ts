import { Hono } from "hono"
import { noBody, query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import type { AppEnv } from "../../../core/types"
import { ordersJson } from "../../../flows/order/order-view"
import { exportOrders } from "../../../flows/order/exports"
import { fileContext } from "../uploads/routes"
import { listOrdersQuery, ORDER_LIST_ORDER_FIELDS } from "./routes"

/** Medusa's POST /admin/orders/export: the orders GET /admin/orders would list (never drafts), as a CSV on the feed. */
export const adminOrderExportRoutes = new Hono<AppEnv>().post("/export", noBody, query(listOrdersQuery), async (c) => {
  const { limit: _limit, offset: _offset, order, fields: _fields, ...filters } = c.req.valid("query")
  const ordering = parseOrder(order, ORDER_LIST_ORDER_FIELDS, { field: "created_at", direction: "asc" })
  const orders = c.var.scope.resolve("orderService")
  const exported = await exportOrders(
    c.var.scope,
    async (page) => ordersJson(c.var.scope, (await orders.list(filters, ordering, page)).rows),
    fileContext(c),
  )
  return c.json(exported, 202)
})
