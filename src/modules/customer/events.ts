/** Events of the customer domain (payload `{ id }`). */
export const CustomerEvents = {
  CREATED: "customer.created",
  UPDATED: "customer.updated",
  DELETED: "customer.deleted",
} as const
