import { Hono } from "hono"
import { emitEvent } from "../../../infra/event-outbox-service"
import { z } from "zod"
import { validateBody } from "../../../core/body"
import { MedusaError } from "../../../core/errors"
import { dateFilters, listQuery, oneOrMany, parseOrder, validateQuery } from "../../../core/query/params"
import { selectJson } from "../../../core/query/select-json"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { addressBody } from "../../store/carts/validators"
import { adminOrderFulfillmentRoutes } from "./fulfillments"
import { OrderEvents } from "../../../modules/order/events"
import { orderJson, ordersJson } from "../../../flows/order/order-view"
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

const listOrdersQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  status: oneOrMany.optional(),
  customer_id: oneOrMany.optional(),
  region_id: oneOrMany.optional(),
  sales_channel_id: oneOrMany.optional(),
  ...dateFilters,
})

/** Medusa's /admin/orders: list, read, cancel (stock given back, payment canceled); fulfillments and completion. */
export const adminOrderRoutes = new Hono<AppEnv>()
  .route("/", adminOrderFulfillmentRoutes)
  .get("/", async (c) => {
    const { limit = 15, offset = 0, order, fields, ...filters } = validateQuery(c, listOrdersQuery)
    const ordering = parseOrder(order, ["created_at", "updated_at", "display_id", "id"], {
      field: "created_at",
      direction: "desc",
    })
    const { rows, count } = await c.var.scope.resolve("orderService").list(filters, ordering, { limit, offset })
    const orders = (await ordersJson(c.var.scope, rows)).map((json) => adminOrderFields(json, fields))
    return c.json({ orders, count, offset, limit })
  })
  .get("/:id", async (c) => {
    const { fields } = validateQuery(c, z.object({ fields: z.string().optional() }))
    return c.json({ order: adminOrderFields(await orderJson(c.var.scope, c.req.param("id")), fields) })
  })
  // Medusa's previewOrderChange: the order with its pending change applied. Orders here are
  // never edited, returned or exchanged, so there is none: the order itself, order_change null.
  .get("/:id/preview", async (c) => {
    validateQuery(c, z.object({ fields: z.string().optional() }))
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
  // The order's changes (edits, returns, claims, exchanges): none can be made here.
  .get("/:id/changes", async (c) => {
    validateQuery(c, z.object({ ...listQuery, change_type: oneOrMany.optional(), status: oneOrMany.optional() }))
    await c.var.scope.resolve("orderService").retrieve(c.req.param("id"))
    return c.json({ order_changes: [] })
  })
  .post("/:id", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({
        email: z.email({ error: "email must be an email address" }).max(320).optional(),
        shipping_address: addressBody.optional(),
        billing_address: addressBody.optional(),
        metadata,
      }),
    )
    const { fields } = validateQuery(c, z.object({ fields: z.string().optional() }))
    await transaction(c.var.scope, async (tx) => {
      await tx.resolve("orderService").updateDetails(c.req.param("id"), body)
      await emitEvent(tx, OrderEvents.UPDATED, { id: c.req.param("id") })
    })
    return c.json({ order: adminOrderFields(await orderJson(c.var.scope, c.req.param("id")), fields) })
  })
  .post("/:id/cancel", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      const orders = tx.resolve("orderService")
      // The update locks the order row, so no fulfillment can be created between it and this check.
      const canceled = await orders.cancel(c.req.param("id"))
      const fulfilled = await tx.resolve("orderFulfillmentService").fulfilledQuantities([canceled.id])
      if (fulfilled.size > 0)
        throw new MedusaError("not_allowed", "All fulfillments must be canceled before canceling an order")
      if (canceled.payment_collection_id)
        await tx.resolve("paymentService").cancelCollection(canceled.payment_collection_id)
      const lines = await orders.items([canceled.id])
      await tx.resolve("inventoryService").releaseReservations(lines.map((line) => line.id))
      await emitEvent(tx, OrderEvents.CANCELED, { id: canceled.id })
    })
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
  .post("/:id/archive", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      const archived = await tx.resolve("orderService").archive(c.req.param("id"))
      await emitEvent(tx, OrderEvents.ARCHIVED, { id: archived.id })
    })
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
