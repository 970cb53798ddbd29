/** Events of the order domain (payload `{ id }`). */
export const OrderEvents = {
  PLACED: "order.placed",
  CANCELED: "order.canceled",
} as const
