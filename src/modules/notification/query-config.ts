import type { QueryConfig } from "../../core/query/shape"

// Medusa's admin/notifications/query-config.ts: its defaults; the other columns on request (`fields=+status`).
const DEFAULTS = [
  "id",
  "to",
  "channel",
  "template",
  "data",
  "trigger_type",
  "resource_id",
  "resource_type",
  "receiver_id",
  "created_at",
  "updated_at",
]

export const adminNotificationQuery: QueryConfig = {
  graph: {
    fields: [
      ...DEFAULTS.slice(1),
      "from",
      "content",
      "status",
      "provider_id",
      "external_id",
      "original_notification_id",
      "idempotency_key",
      "metadata",
      "deleted_at",
    ],
    relations: {},
  },
  defaults: DEFAULTS,
  maxDepth: 1,
}
