/** Events of the customer domain (payload `{ id }`). */
export const CustomerEvents = {
  CREATED: "customer.created",
  UPDATED: "customer.updated",
  DELETED: "customer.deleted",
} as const

/** Events of customer groups (payload `{ id }`). */
export const CustomerGroupEvents = {
  CREATED: "customer_group.created",
  UPDATED: "customer_group.updated",
  DELETED: "customer_group.deleted",
} as const
