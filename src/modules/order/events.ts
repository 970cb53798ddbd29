/** Events of the order domain (payload `{ id }`). */
export const OrderEvents = {
  PLACED: "order.placed",
  CANCELED: "order.canceled",
  FULFILLMENT_CREATED: "order.fulfillment_created",
} as const
