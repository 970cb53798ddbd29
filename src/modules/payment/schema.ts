import { sql } from "drizzle-orm"
import { index, jsonb, numeric, pgTable, text, timestamp, boolean, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

export const paymentProvider = pgTable("payment_provider", {
  id: text("id").primaryKey(),
  is_enabled: boolean("is_enabled").notNull().default(true),
})

export const paymentCollection = pgTable("payment_collection", {
  ...entityColumns(),
  currency_code: text("currency_code").notNull(),
  amount: numeric("amount").notNull(),
  authorized_amount: numeric("authorized_amount"),
  captured_amount: numeric("captured_amount"),
  refunded_amount: numeric("refunded_amount"),
  region_id: text("region_id"),
  status: text("status", {
    enum: ["not_paid", "awaiting", "authorized", "partially_authorized", "canceled", "failed", "completed"],
  })
    .notNull()
    .default("not_paid"),
  completed_at: timestamp("completed_at", { withTimezone: true, mode: "date" }),
})

export const paymentSession = pgTable(
  "payment_session",
  {
    ...entityColumns(),
    payment_collection_id: text("payment_collection_id")
      .notNull()
      .references(() => paymentCollection.id, { onDelete: "cascade" }),
    currency_code: text("currency_code").notNull(),
    amount: numeric("amount").notNull(),
    provider_id: text("provider_id").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    context: jsonb("context").$type<Record<string, unknown> | null>(),
    status: text("status", { enum: ["pending", "authorized", "captured", "requires_more", "error", "canceled"] })
      .notNull()
      .default("pending"),
    authorized_at: timestamp("authorized_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("payment_session_collection_idx").on(t.payment_collection_id)],
)

export const payment = pgTable(
  "payment",
  {
    ...entityColumns(),
    payment_collection_id: text("payment_collection_id")
      .notNull()
      .references(() => paymentCollection.id, { onDelete: "cascade" }),
    payment_session_id: text("payment_session_id").notNull(),
    amount: numeric("amount").notNull(),
    currency_code: text("currency_code").notNull(),
    provider_id: text("provider_id").notNull(),
    data: jsonb("data").$type<Record<string, unknown> | null>(),
    captured_at: timestamp("captured_at", { withTimezone: true, mode: "date" }),
    canceled_at: timestamp("canceled_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("payment_collection_idx").on(t.payment_collection_id)],
)

/** Money given back from a captured payment; the sum never exceeds what was captured. */
export const refund = pgTable(
  "refund",
  {
    ...entityColumns(),
    payment_id: text("payment_id")
      .notNull()
      .references(() => payment.id, { onDelete: "cascade" }),
    amount: numeric("amount").notNull(),
    refund_reason_id: text("refund_reason_id"),
    note: text("note"),
    created_by: text("created_by"),
  },
  (t) => [index("refund_payment_idx").on(t.payment_id)],
)

/**
 * Why money was given back (Medusa's refund_reason). A refund keeps the reason's id as plain text,
 * not a foreign key: a reason is soft-deleted and the refunds made with it still read.
 * A code is unique among the live reasons.
 */
export const refundReason = pgTable(
  "refund_reason",
  {
    ...entityColumns(),
    label: text("label").notNull(),
    code: text("code").notNull(),
    description: text("description"),
  },
  (t) => [uniqueIndex("refund_reason_code_uq").on(t.code).where(sql`deleted_at is null`)],
)

/**
 * A provider's webhook event, recorded under its own id before it is applied: a retried delivery
 * finds the row and changes nothing (each event applied once).
 */
export const paymentWebhookEvent = pgTable("payment_webhook_event", {
  id: text("id").primaryKey(),
  provider_id: text("provider_id").notNull(),
  event_type: text("event_type").notNull(),
  /** the provider's object the event is about (a PaymentIntent id) */
  object_id: text("object_id"),
  /** what applying it did: "authorized", "captured", "failed", "not_supported", … */
  action: text("action"),
  received_at: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
})
