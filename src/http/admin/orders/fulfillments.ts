import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { OrderEvents } from "../../../modules/order/events"
import { orderJson } from "../../../flows/order/order-view"
import { metadata } from "../../../core/metadata"

const fulfillments = (scope: Scope) => scope.resolve("orderFulfillmentService")
const inventory = (scope: Scope) => scope.resolve("inventoryService")

const items = z
  .array(
    z.strictObject({
      id: z.string().min(1),
      quantity: z.number().int({ error: "must be a whole number" }).positive({ error: "must be 1 or more" }),
    }),
  )
  .min(1)
  .max(500)
const url = z.string().min(1).max(2000)
const noNotification = { no_notification: z.boolean().optional() }

/** One order-changing command: its writes and event in one transaction, then the order as it is now. */
async function orderCommand(c: Context<AppEnv>, work: (tx: Scope, orderId: string) => Promise<unknown>) {
  const orderId = c.req.param("id")!
  await transaction(c.var.scope, (tx) => work(tx, orderId))
  return c.json({ order: await orderJson(c.var.scope, orderId) })
}

/** Medusa's fulfillment routes of /admin/orders/:id: fulfill, ship, deliver, cancel a fulfillment. */
export const adminOrderFulfillmentRoutes = new Hono<AppEnv>()
  .post("/:id/fulfillments", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({
        items,
        location_id: z.string().nullish(),
        // Medusa's option for the fulfillment's provider; every fulfillment here is the manual provider's.
        shipping_option_id: z.string().min(1).optional(),
        requires_shipping: z.boolean().optional(),
        ...noNotification,
        metadata,
        additional_data: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    return orderCommand(c, async (tx, orderId) => {
      const fulfillment = await fulfillments(tx).createFulfillment(orderId, {
        items: body.items,
        location_id: body.location_id ?? undefined,
      })
      // Reserved units leave the warehouse now; what left where is kept for a cancellation.
      for (const item of body.items) {
        await fulfillments(tx).recordStockMoves(
          fulfillment.id,
          item.id,
          await inventory(tx).consumeReservation(item.id, item.quantity),
        )
      }
      await emitEvent(tx, OrderEvents.FULFILLMENT_CREATED, {
        order_id: orderId,
        fulfillment_id: fulfillment.id,
        no_notification: body.no_notification ?? false,
      })
    })
  })
  .post("/:id/fulfillments/:fulfillment_id/shipments", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({
        items,
        // Not strict, as Medusa's: the dashboard sends the fulfillment's existing labels back whole.
        labels: z
          .array(z.object({ tracking_number: z.string().min(1).max(200), tracking_url: url, label_url: url }))
          .max(50)
          .default([]),
        ...noNotification,
        metadata,
        additional_data: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    return orderCommand(c, async (tx, orderId) => {
      await fulfillments(tx).createShipment(orderId, c.req.param("fulfillment_id"), body)
      await emitEvent(tx, OrderEvents.SHIPMENT_CREATED, {
        id: c.req.param("fulfillment_id"),
        no_notification: body.no_notification ?? false,
      })
    })
  })
  .post("/:id/fulfillments/:fulfillment_id/mark-as-delivered", async (c) => {
    const body = await validateBody(c, z.strictObject(noNotification))
    return orderCommand(c, async (tx, orderId) => {
      await fulfillments(tx).markDelivered(orderId, c.req.param("fulfillment_id"))
      await emitEvent(tx, OrderEvents.DELIVERY_CREATED, {
        id: c.req.param("fulfillment_id"),
        no_notification: body.no_notification ?? false,
      })
    })
  })
  .post("/:id/fulfillments/:fulfillment_id/cancel", async (c) => {
    const body = await validateBody(c, z.strictObject(noNotification))
    return orderCommand(c, async (tx, orderId) => {
      const canceled = await fulfillments(tx).cancelFulfillment(orderId, c.req.param("fulfillment_id"))
      for (const item of canceled) await inventory(tx).restoreReservation(item.line_item_id, item.stock)
      await emitEvent(tx, OrderEvents.FULFILLMENT_CANCELED, {
        order_id: orderId,
        fulfillment_id: c.req.param("fulfillment_id"),
        no_notification: body.no_notification ?? false,
      })
    })
  })
  .post("/:id/complete", async (c) => {
    // Medusa's workflow-hook payload; there are no hooks here to hand it to.
    await validateBody(c, z.strictObject({ additional_data: z.record(z.string(), z.unknown()).optional() }))
    return orderCommand(c, async (tx, orderId) => {
      if (await fulfillments(tx).complete(orderId)) await emitEvent(tx, OrderEvents.COMPLETED, { id: orderId })
    })
  })
