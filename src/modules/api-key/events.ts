/** Events of the API key domain (payload `{ id }`). */
export const ApiKeyEvents = {
  CREATED: "api-key.created",
  UPDATED: "api-key.updated",
  DELETED: "api-key.deleted",
  REVOKED: "api-key.revoked",
} as const
