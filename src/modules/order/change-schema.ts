import { sql } from "drizzle-orm"
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core"
import { entityColumns, linkColumns } from "../../core/columns"
import { order } from "./schema"

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" })
const orderRef = () =>
  text("order_id")
    .notNull()
    .references(() => order.id, { onDelete: "cascade" })

/** Medusa's order change: a return, exchange, claim, edit or transfer, made of actions, confirmed at once. */
export const orderChange = pgTable(
  "order_change",
  {
    ...entityColumns(),
    order_id: orderRef(),
    /** the order version it makes when confirmed (the order's version + 1 when it began) */
    version: integer("version").notNull(),
    change_type: text("change_type", {
      enum: ["return_request", "return_receive", "exchange", "claim", "edit", "transfer"],
    }).notNull(),
    status: text("status", { enum: ["pending", "requested", "confirmed", "declined", "canceled"] })
      .notNull()
      .default("pending"),
    return_id: text("return_id"),
    exchange_id: text("exchange_id"),
    claim_id: text("claim_id"),
    description: text("description"),
    internal_note: text("internal_note"),
    created_by: text("created_by"),
    requested_by: text("requested_by"),
    requested_at: at("requested_at"),
    confirmed_by: text("confirmed_by"),
    confirmed_at: at("confirmed_at"),
    declined_by: text("declined_by"),
    declined_reason: text("declined_reason"),
    declined_at: at("declined_at"),
    canceled_by: text("canceled_by"),
    canceled_at: at("canceled_at"),
  },
  (t) => [
    // One change in progress per order, as Medusa allows.
    uniqueIndex("order_change_active_uq").on(t.order_id).where(sql`status in ('pending', 'requested')`),
    index("order_change_return_idx").on(t.return_id),
  ],
)

/** One step of an order change; `amount` is what it adds to (or, for deductions, takes off) the order's total. */
export const orderChangeAction = pgTable(
  "order_change_action",
  {
    id: text("id").primaryKey(),
    order_change_id: text("order_change_id")
      .notNull()
      .references(() => orderChange.id, { onDelete: "cascade" }),
    order_id: text("order_id").notNull(),
    version: integer("version").notNull(),
    ordering: serial("ordering").notNull(),
    action: text("action").notNull(),
    reference: text("reference"),
    reference_id: text("reference_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    amount: numeric("amount"),
    internal_note: text("internal_note"),
    applied: boolean("applied").notNull().default(false),
    return_id: text("return_id"),
    exchange_id: text("exchange_id"),
    claim_id: text("claim_id"),
    created_at: at("created_at").notNull().defaultNow(),
    updated_at: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("order_change_action_change_idx").on(t.order_change_id)],
)

/** A return of some of an order's units to a stock location. */
export const orderReturn = pgTable(
  "return",
  {
    ...entityColumns(),
    order_id: orderRef(),
    exchange_id: text("exchange_id"),
    claim_id: text("claim_id"),
    display_id: serial("display_id").notNull(),
    order_version: integer("order_version").notNull(),
    status: text("status", { enum: ["open", "requested", "received", "partially_received", "canceled"] })
      .notNull()
      .default("open"),
    location_id: text("location_id"),
    no_notification: boolean("no_notification").notNull().default(false),
    refund_amount: numeric("refund_amount"),
    created_by: text("created_by"),
    requested_at: at("requested_at"),
    received_at: at("received_at"),
    canceled_at: at("canceled_at"),
  },
  (t) => [index("return_order_idx").on(t.order_id)],
)

export const returnItem = pgTable(
  "return_item",
  {
    ...entityColumns(),
    return_id: text("return_id")
      .notNull()
      .references(() => orderReturn.id, { onDelete: "cascade" }),
    item_id: text("item_id").notNull(),
    quantity: integer("quantity").notNull(),
    received_quantity: integer("received_quantity").notNull().default(0),
    damaged_quantity: integer("damaged_quantity").notNull().default(0),
    reason_id: text("reason_id"),
    note: text("note"),
  },
  (t) => [index("return_item_return_idx").on(t.return_id)],
)

export const returnReason = pgTable(
  "return_reason",
  {
    ...entityColumns(),
    value: text("value").notNull(),
    label: text("label").notNull(),
    description: text("description"),
    parent_return_reason_id: text("parent_return_reason_id"),
  },
  (t) => [uniqueIndex("return_reason_value_uq").on(t.value).where(sql`deleted_at is null`)],
)

/** An exchange: units coming back (its return) and new ones going out. */
export const orderExchange = pgTable(
  "order_exchange",
  {
    ...entityColumns(),
    order_id: orderRef(),
    return_id: text("return_id"),
    display_id: serial("display_id").notNull(),
    order_version: integer("order_version").notNull(),
    no_notification: boolean("no_notification").notNull().default(false),
    allow_backorder: boolean("allow_backorder").notNull().default(false),
    difference_due: numeric("difference_due"),
    created_by: text("created_by"),
    canceled_at: at("canceled_at"),
  },
  (t) => [index("order_exchange_order_idx").on(t.order_id)],
)

/** A claim: units reported damaged or missing, refunded or replaced. */
export const orderClaim = pgTable(
  "order_claim",
  {
    ...entityColumns(),
    order_id: orderRef(),
    return_id: text("return_id"),
    display_id: serial("display_id").notNull(),
    order_version: integer("order_version").notNull(),
    type: text("type", { enum: ["refund", "replace"] }).notNull(),
    no_notification: boolean("no_notification").notNull().default(false),
    refund_amount: numeric("refund_amount"),
    created_by: text("created_by"),
    canceled_at: at("canceled_at"),
  },
  (t) => [index("order_claim_order_idx").on(t.order_id)],
)

export const orderClaimItem = pgTable(
  "order_claim_item",
  {
    ...entityColumns(),
    claim_id: text("claim_id")
      .notNull()
      .references(() => orderClaim.id, { onDelete: "cascade" }),
    item_id: text("item_id").notNull(),
    is_additional_item: boolean("is_additional_item").notNull().default(false),
    reason: text("reason", { enum: ["missing_item", "wrong_item", "production_failure", "other"] }),
    quantity: integer("quantity").notNull(),
    note: text("note"),
  },
  (t) => [index("order_claim_item_claim_idx").on(t.claim_id)],
)

/** Payment collections of an order beyond the one it was placed with (an edit's or exchange's difference). */
export const orderPaymentCollection = pgTable(
  "order_payment_collection",
  {
    order_id: orderRef(),
    payment_collection_id: text("payment_collection_id").notNull(),
    ...linkColumns(),
  },
  (t) => [primaryKey({ columns: [t.order_id, t.payment_collection_id] })],
)
