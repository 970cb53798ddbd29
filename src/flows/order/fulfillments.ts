import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { OrderEvents } from "../../modules/order/events"
import type { OrderFulfillmentService } from "../../modules/order/fulfillment-service"

// An order's fulfillments: each command one transaction, its stock moves and event included.

const fulfillments = (tx: Scope) => tx.resolve("orderFulfillmentService")
const inventory = (tx: Scope) => tx.resolve("inventoryService")

/** Whether the customer is told; Medusa's `no_notification`, carried in each event. */
type Notification = { no_notification?: boolean }
type ShipmentInput = Parameters<OrderFulfillmentService["createShipment"]>[2]

/** Medusa's createOrderFulfillmentWorkflow: the units fulfilled, their reserved stock taken from the warehouse. */
export function createOrderFulfillment(
  scope: Scope,
  orderId: string,
  input: { items: { id: string; quantity: number }[]; location_id?: string | null } & Notification,
) {
  return transaction(scope, async (tx) => {
    const fulfillment = await fulfillments(tx).createFulfillment(orderId, {
      items: input.items,
      location_id: input.location_id ?? undefined,
    })
    // Reserved units leave the warehouse now; what left where is kept for a cancellation.
    for (const item of input.items) {
      await fulfillments(tx).recordStockMoves(
        fulfillment.id,
        item.id,
        await inventory(tx).consumeReservation(item.id, item.quantity),
      )
    }
    await emitEvent(tx, OrderEvents.FULFILLMENT_CREATED, {
      order_id: orderId,
      fulfillment_id: fulfillment.id,
      no_notification: input.no_notification ?? false,
    })
    return fulfillment
  })
}

/** Medusa's createOrderShipmentWorkflow: the fulfillment shipped, with its labels. */
export function createOrderShipment(
  scope: Scope,
  orderId: string,
  fulfillmentId: string,
  input: ShipmentInput & Notification,
) {
  return transaction(scope, async (tx) => {
    await fulfillments(tx).createShipment(orderId, fulfillmentId, input)
    await emitEvent(tx, OrderEvents.SHIPMENT_CREATED, {
      id: fulfillmentId,
      no_notification: input.no_notification ?? false,
    })
  })
}

/** Medusa's markOrderFulfillmentAsDeliveredWorkflow. */
export function markOrderFulfillmentAsDelivered(
  scope: Scope,
  orderId: string,
  fulfillmentId: string,
  input: Notification,
) {
  return transaction(scope, async (tx) => {
    await fulfillments(tx).markDelivered(orderId, fulfillmentId)
    await emitEvent(tx, OrderEvents.DELIVERY_CREATED, {
      id: fulfillmentId,
      no_notification: input.no_notification ?? false,
    })
  })
}

/** Medusa's cancelOrderFulfillmentWorkflow: the stock that left goes back to its reservations. */
export function cancelOrderFulfillment(scope: Scope, orderId: string, fulfillmentId: string, input: Notification) {
  return transaction(scope, async (tx) => {
    const canceled = await fulfillments(tx).cancelFulfillment(orderId, fulfillmentId)
    for (const item of canceled) await inventory(tx).restoreReservation(item.line_item_id, item.stock)
    await emitEvent(tx, OrderEvents.FULFILLMENT_CANCELED, {
      order_id: orderId,
      fulfillment_id: fulfillmentId,
      no_notification: input.no_notification ?? false,
    })
  })
}
