/** Events of the cart domain (payload `{ id }`, plus `customer_id` on a transfer). */
export const CartEvents = {
  CREATED: "cart.created",
  UPDATED: "cart.updated",
  REGION_UPDATED: "cart.region_updated",
  CUSTOMER_TRANSFERRED: "cart.customer_transferred",
} as const
