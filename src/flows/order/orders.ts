import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { OrderEvents } from "../../modules/order/events"
import type { OrderService } from "../../modules/order/service"

// The admin's order commands: each one transaction, its event included.

/** Medusa's updateOrderWorkflow: email, addresses, metadata. */
export function updateOrder(scope: Scope, id: string, input: Parameters<OrderService["updateDetails"]>[1]) {
  return transaction(scope, async (tx) => {
    await tx.resolve("orderService").updateDetails(id, input)
    await emitEvent(tx, OrderEvents.UPDATED, { id })
  })
}

/** Medusa's cancelOrderWorkflow: the order canceled, its payment canceled, its reserved stock given back. */
export function cancelOrder(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    const orders = tx.resolve("orderService")
    // The update locks the order row, so no fulfillment can be created between it and this check.
    const canceled = await orders.cancel(id)
    const fulfilled = await tx.resolve("orderFulfillmentService").fulfilledQuantities([canceled.id])
    if (fulfilled.size > 0)
      throw new MedusaError("not_allowed", "All fulfillments must be canceled before canceling an order")
    if (canceled.payment_collection_id)
      await tx.resolve("paymentService").cancelCollection(canceled.payment_collection_id)
    const lines = await orders.items([canceled.id])
    await tx.resolve("inventoryService").releaseReservations(lines.map((line) => line.id))
    await emitEvent(tx, OrderEvents.CANCELED, { id: canceled.id })
  })
}

/** Medusa's archiveOrderWorkflow. */
export function archiveOrder(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    const archived = await tx.resolve("orderService").archive(id)
    await emitEvent(tx, OrderEvents.ARCHIVED, { id: archived.id })
  })
}

/** Medusa's completeOrderWorkflow: `order.completed` only when the order was not complete already. */
export function completeOrder(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    if (await tx.resolve("orderFulfillmentService").complete(id)) await emitEvent(tx, OrderEvents.COMPLETED, { id })
  })
}
