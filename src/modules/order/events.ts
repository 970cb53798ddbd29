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
