/** Events of the store domain (payload `{ id }`). */
export const StoreEvents = {
  UPDATED: "store.updated",
} as const
