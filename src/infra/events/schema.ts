import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core"

/**
 * One row per (event, subscriber): claimed with a lease before the handler runs and marked
 * completed after, so a redelivered message never runs a handler twice to completion.
 */
export const eventDelivery = pgTable(
  "event_delivery",
  {
    event_id: text("event_id").notNull(),
    subscriber_id: text("subscriber_id").notNull(),
    status: text("status", { enum: ["running", "completed", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    lease_until: timestamp("lease_until", { withTimezone: true, mode: "date" }).notNull(),
    completed_at: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    last_error: text("last_error"),
  },
  (t) => [primaryKey({ columns: [t.event_id, t.subscriber_id] })],
)
