import { Hono, type Context } from "hono"
import { z } from "zod"
import { body } from "../../../core/input"
import type { AppEnv } from "../../../core/types"
import {
  cancelOrderFulfillment,
  createOrderFulfillment,
  createOrderShipment,
  markOrderFulfillmentAsDelivered,
} from "../../../flows/order/fulfillments"
import { completeOrder } from "../../../flows/order/orders"
import { orderJson } from "../../../flows/order/order-view"
import { metadata } from "../../../core/metadata"

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

const createFulfillmentBody = z.strictObject({
  items,
  location_id: z.string().nullish(),
  // Medusa's option for the fulfillment's provider; every fulfillment here is the manual provider's.
  shipping_option_id: z.string().min(1).optional(),
  requires_shipping: z.boolean().optional(),
  ...noNotification,
  metadata,
  additional_data: z.record(z.string(), z.unknown()).optional(),
})
const createShipmentBody = z.strictObject({
  items,
  // Not strict, as Medusa's: the dashboard sends the fulfillment's existing labels back whole.
  labels: z
    .array(z.object({ tracking_number: z.string().min(1).max(200), tracking_url: url, label_url: url }))
    .max(50)
    .default([]),
  ...noNotification,
  metadata,
  additional_data: z.record(z.string(), z.unknown()).optional(),
})
const notificationBody = z.strictObject(noNotification)
// Medusa's workflow-hook payload; there are no hooks here to hand it to.
const completeBody = z.strictObject({ additional_data: z.record(z.string(), z.unknown()).optional() })

/** `{ order }` as it is now, after the command. */
const respondOrder = async (c: Context<AppEnv>, orderId: string) =>
  c.json({ order: await orderJson(c.var.scope, orderId) })

/** Medusa's fulfillment routes of /admin/orders/:id: fulfill, ship, deliver, cancel a fulfillment. */
export const adminOrderFulfillmentRoutes = new Hono<AppEnv>()
  .post("/:id/fulfillments", body(createFulfillmentBody), async (c) => {
    await createOrderFulfillment(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondOrder(c, c.req.param("id"))
  })
  .post("/:id/fulfillments/:fulfillment_id/shipments", body(createShipmentBody), async (c) => {
    const { id, fulfillment_id } = c.req.param()
    await createOrderShipment(c.var.scope, id, fulfillment_id, c.req.valid("json"))
    return respondOrder(c, id)
  })
  .post("/:id/fulfillments/:fulfillment_id/mark-as-delivered", body(notificationBody), async (c) => {
    const { id, fulfillment_id } = c.req.param()
    await markOrderFulfillmentAsDelivered(c.var.scope, id, fulfillment_id, c.req.valid("json"))
    return respondOrder(c, id)
  })
  .post("/:id/fulfillments/:fulfillment_id/cancel", body(notificationBody), async (c) => {
    const { id, fulfillment_id } = c.req.param()
    await cancelOrderFulfillment(c.var.scope, id, fulfillment_id, c.req.valid("json"))
    return respondOrder(c, id)
  })
  .post("/:id/complete", body(completeBody), async (c) => {
    await completeOrder(c.var.scope, c.req.param("id"))
    return respondOrder(c, c.req.param("id"))
  })
