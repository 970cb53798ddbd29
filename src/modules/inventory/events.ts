/** Events of the inventory domain (payload `{ id }`). */
export const InventoryEvents = {
  ITEM_CREATED: "inventory-item.created",
  ITEM_UPDATED: "inventory-item.updated",
  ITEM_DELETED: "inventory-item.deleted",
  RESERVATION_CREATED: "reservation-item.created",
  RESERVATION_UPDATED: "reservation-item.updated",
  RESERVATION_DELETED: "reservation-item.deleted",
} as const
