import { Hono } from "hono"
import { emitEvent } from "../../infra/event-outbox-service"
import { z } from "zod"
import { toJsonNumber } from "../../core/money"
import { validateBody } from "../../core/body"
import { dateRange, listQuery, oneOrMany, parseOrder, validateQuery } from "../../core/query/params"
import { selectJson } from "../../core/query/select-json"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import type { InventoryService } from "../inventory/service"
import type { PaymentService } from "../payment/service"
import { OrderEvents } from "./events"
import { orderJson, ordersJson } from "./order-view"
import type { OrderService } from "./service"

const listOrdersQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  status: oneOrMany.optional(),
  customer_id: oneOrMany.optional(),
  region_id: oneOrMany.optional(),
  created_at: dateRange.optional(),
  updated_at: dateRange.optional(),
})

/** Medusa's /admin/orders: list, read, cancel (stock given back, payment canceled). */
export const adminOrderRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 15, offset = 0, order, fields, ...filters } = validateQuery(c, listOrdersQuery)
    const ordering = parseOrder(order, ["created_at", "updated_at", "display_id", "id"], { field: "created_at", direction: "desc" })
    const { rows, count } = await c.var.scope.resolve<OrderService>("orderService").list(filters, ordering, { limit, offset })
    const orders = (await ordersJson(c.var.scope, rows)).map((json) => selectJson(json, fields))
    return c.json({ orders, count, offset, limit })
  })
  .get("/:id", async (c) => {
    const { fields } = validateQuery(c, z.object({ fields: z.string().optional() }))
    return c.json({ order: selectJson(await orderJson(c.var.scope, c.req.param("id")), fields) })
  })
  .post("/:id/fulfillments", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({
        items: z.array(z.strictObject({ id: z.string().min(1), quantity: z.number().int().positive({ error: "must be 1 or more" }) })).min(1).max(500),
        location_id: z.string().optional(),
        no_notification: z.boolean().optional(),
        metadata: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    await transaction(c.var.scope, async (tx) => {
      const fulfillment = await tx.resolve<OrderService>("orderService").createFulfillment(c.req.param("id"), body)
      for (const item of body.items) await tx.resolve<InventoryService>("inventoryService").consumeReservation(item.id, item.quantity)
      await emitEvent(tx, OrderEvents.FULFILLMENT_CREATED, {
        order_id: c.req.param("id"),
        fulfillment_id: fulfillment.id,
        no_notification: body.no_notification ?? false,
      })
    })
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
  .post("/:id/cancel", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      const orders = tx.resolve<OrderService>("orderService")
      const canceled = await orders.cancel(c.req.param("id"))
      if (canceled.payment_collection_id) await tx.resolve<PaymentService>("paymentService").cancelCollection(canceled.payment_collection_id)
      const lines = await orders.items([canceled.id])
      await tx.resolve<InventoryService>("inventoryService").releaseReservations(lines.map((line) => line.id))
      await emitEvent(tx, OrderEvents.CANCELED, { id: canceled.id })
    })
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })

/** POST /admin/payments/:id/capture */
export const adminPaymentRoutes = new Hono<AppEnv>().post("/:id/capture", async (c) => {
  const captured = await transaction(c.var.scope, async (tx) => {
    const payment = await tx.resolve<PaymentService>("paymentService").capture(c.req.param("id"))
    await emitEvent(tx, "payment.captured", { id: payment.id })
    return payment
  })
  return c.json({ payment: { ...captured, amount: toJsonNumber(captured.amount) } })
})
