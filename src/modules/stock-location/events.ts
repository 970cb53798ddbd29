/** Events of the stock location domain (payload `{ id }`). */
export const StockLocationEvents = {
  CREATED: "stock-location.created",
  UPDATED: "stock-location.updated",
  DELETED: "stock-location.deleted",
} as const
