/** Events of the order domain and its fulfillments. */
export const OrderEvents = {
  PLACED: "order.placed",
  UPDATED: "order.updated",
  CANCELED: "order.canceled",
  COMPLETED: "order.completed",
  ARCHIVED: "order.archived",
  FULFILLMENT_CREATED: "order.fulfillment_created",
  FULFILLMENT_CANCELED: "order.fulfillment_canceled",
  /** payload `{ id: fulfillment id, no_notification }` */
  SHIPMENT_CREATED: "shipment.created",
  DELIVERY_CREATED: "delivery.created",
} as const

/** Events of order changes, and Medusa's named ones for returns, exchanges, claims and edits. */
export const OrderChangeEvents = {
  CREATED: "order_change.created",
  CONFIRMED: "order_change.confirmed",
  CANCELED: "order_change.canceled",
  DECLINED: "order_change.declined",
  RETURN_REQUESTED: "order.return_requested",
  RETURN_RECEIVED: "order.return_received",
  EXCHANGE_CREATED: "order.exchange_created",
  CLAIM_CREATED: "order.claim_created",
  EDIT_REQUESTED: "order-edit.requested",
  EDIT_CONFIRMED: "order-edit.confirmed",
  EDIT_CANCELED: "order-edit.canceled",
  TRANSFER_REQUESTED: "order.transfer_requested",
} as const
