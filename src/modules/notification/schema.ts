import { index, jsonb, text, uniqueIndex } from "drizzle-orm/pg-core"
import { pgTable } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

/** Medusa's notification: one message to one recipient on one channel, as its provider was asked to send it. */
export const notification = pgTable(
  "notification",
  {
    ...entityColumns(),
    to: text("to").notNull(),
    from: text("from"),
    channel: text("channel").notNull(),
    template: text("template").notNull(),
    data: jsonb("data").$type<Record<string, unknown> | null>(),
    /** subject, text and html when the sender rendered them */
    content: jsonb("content").$type<{ subject?: string; text?: string; html?: string } | null>(),
    /** the event that caused it (order.placed, …) */
    trigger_type: text("trigger_type"),
    resource_id: text("resource_id"),
    resource_type: text("resource_type"),
    receiver_id: text("receiver_id"),
    original_notification_id: text("original_notification_id"),
    /** (event, template, recipient): a redelivered event finds its notification instead of sending again */
    idempotency_key: text("idempotency_key"),
    /** the provider's own id of the message */
    external_id: text("external_id"),
    provider_id: text("provider_id"),
    status: text("status", { enum: ["pending", "success", "failure"] })
      .notNull()
      .default("pending"),
  },
  (t) => [
    uniqueIndex("notification_idempotency_key_unique").on(t.idempotency_key),
    index("notification_receiver_idx").on(t.receiver_id),
  ],
)
