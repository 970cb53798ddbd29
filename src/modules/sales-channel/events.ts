/** Events of the sales channel domain (payload `{ id }`). */
export const SalesChannelEvents = {
  CREATED: "sales-channel.created",
  UPDATED: "sales-channel.updated",
  DELETED: "sales-channel.deleted",
} as const
