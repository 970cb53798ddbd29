/** Events of price lists (payload `{ id }`). */
export const PriceListEvents = {
  CREATED: "price_list.created",
  UPDATED: "price_list.updated",
  DELETED: "price_list.deleted",
} as const
