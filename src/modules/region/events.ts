/** Events of the region domain (payload `{ id }`). */
export const RegionEvents = {
  CREATED: "region.created",
  UPDATED: "region.updated",
  DELETED: "region.deleted",
} as const
