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
import { addressColumns, lineItemColumns } from "../../core/document-columns"
import { entityColumns } from "../../core/columns"
import type { StockMove } from "../../core/stock-move"

export const orderAddress = pgTable("order_address", { ...entityColumns(), ...addressColumns() })

/** An order; its totals are snapshotted at completion so that later price or tax changes never alter it. */
export const order = pgTable(
  "order",
  {
    ...entityColumns(),
    display_id: serial("display_id").notNull(),
    /** the cart it was placed from: unique, so one cart can never become two orders */
    cart_id: text("cart_id"),
    region_id: text("region_id"),
    customer_id: text("customer_id"),
    sales_channel_id: text("sales_channel_id"),
    email: text("email"),
    currency_code: text("currency_code").notNull(),
    locale: text("locale"),
    status: text("status", { enum: ["pending", "completed", "draft", "archived", "canceled", "requires_action"] })
      .notNull()
      .default("pending"),
    shipping_address_id: text("shipping_address_id").references(() => orderAddress.id),
    billing_address_id: text("billing_address_id").references(() => orderAddress.id),
    payment_collection_id: text("payment_collection_id"),
    totals: jsonb("totals").$type<Record<string, string>>().notNull(),
    /** the promotions the cart carried at completion: { id, code, is_automatic, application_method } */
    promotions: jsonb("promotions").$type<Record<string, unknown>[]>().notNull().default([]),
    canceled_at: text("canceled_at"),
    /** raised by one each time an order change (return, exchange, claim, edit) is confirmed */
    version: integer("version").notNull().default(1),
    /** totals as order changes moved them: { original_order_total, current_order_total } (null: never changed) */
    summary: jsonb("summary").$type<{ original_order_total: string; current_order_total: string } | null>(),
    is_draft_order: boolean("is_draft_order").notNull().default(false),
  },
  (t) => [
    uniqueIndex("order_cart_id_uq").on(t.cart_id).where(sql`cart_id is not null`),
    index("order_customer_idx").on(t.customer_id),
    uniqueIndex("order_display_id_uq").on(t.display_id),
  ],
)

export const orderLineItem = pgTable(
  "order_line_item",
  {
    ...entityColumns(),
    order_id: text("order_id")
      .notNull()
      .references(() => order.id, { onDelete: "cascade" }),
    ...lineItemColumns(),
    unit_price: numeric("unit_price").notNull(),
    /** the tax rate in percent applied at completion */
    tax_rate: numeric("tax_rate").notNull().default("0"),
    /** line totals at completion (decimal strings) */
    totals: jsonb("totals").$type<Record<string, string>>().notNull(),
    /** the promotions' adjustments at completion, as the cart's were */
    adjustments: jsonb("adjustments").$type<Record<string, unknown>[]>().notNull().default([]),
    // Units on their way back, back, back damaged, and written off (Medusa's order item detail).
    return_requested_quantity: integer("return_requested_quantity").notNull().default(0),
    return_received_quantity: integer("return_received_quantity").notNull().default(0),
    return_dismissed_quantity: integer("return_dismissed_quantity").notNull().default(0),
    written_off_quantity: integer("written_off_quantity").notNull().default(0),
  },
  (t) => [index("order_line_item_order_idx").on(t.order_id)],
)

export const orderShippingMethod = pgTable(
  "order_shipping_method",
  {
    ...entityColumns(),
    order_id: text("order_id")
      .notNull()
      .references(() => order.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    amount: numeric("amount").notNull(),
    is_tax_inclusive: boolean("is_tax_inclusive").notNull().default(false),
    shipping_option_id: text("shipping_option_id"),
    tax_rate: numeric("tax_rate").notNull().default("0"),
    totals: jsonb("totals").$type<Record<string, string>>().notNull(),
    adjustments: jsonb("adjustments").$type<Record<string, unknown>[]>().notNull().default([]),
    data: jsonb("data").$type<Record<string, unknown> | null>(),
    /** a return's inbound shipping, or an exchange's or claim's outbound one */
    return_id: text("return_id"),
    exchange_id: text("exchange_id"),
    claim_id: text("claim_id"),
  },
  (t) => [index("order_shipping_method_order_idx").on(t.order_id)],
)

/** A shipment of some of an order's lines from one location. */
export const orderFulfillment = pgTable(
  "order_fulfillment",
  {
    ...entityColumns(),
    order_id: text("order_id")
      .notNull()
      .references(() => order.id, { onDelete: "cascade" }),
    location_id: text("location_id"),
    provider_id: text("provider_id").notNull().default("manual_manual"),
    shipped_at: timestamp("shipped_at", { withTimezone: true, mode: "date" }),
    delivered_at: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    canceled_at: timestamp("canceled_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("order_fulfillment_order_idx").on(t.order_id)],
)

export const orderFulfillmentItem = pgTable(
  "order_fulfillment_item",
  {
    fulfillment_id: text("fulfillment_id")
      .notNull()
      .references(() => orderFulfillment.id, { onDelete: "cascade" }),
    line_item_id: text("line_item_id").notNull(),
    quantity: integer("quantity").notNull(),
    /** what the fulfillment took out of stock for the line, given back if it is canceled */
    stock: jsonb("stock").$type<StockMove[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.fulfillment_id, t.line_item_id] }),
    index("order_fulfillment_item_line_idx").on(t.line_item_id),
  ],
)

/** A shipment's tracking label (Medusa's fulfillment labels). */
export const orderFulfillmentLabel = pgTable(
  "order_fulfillment_label",
  {
    ...entityColumns(),
    fulfillment_id: text("fulfillment_id")
      .notNull()
      .references(() => orderFulfillment.id, { onDelete: "cascade" }),
    tracking_number: text("tracking_number").notNull(),
    tracking_url: text("tracking_url").notNull(),
    label_url: text("label_url").notNull(),
  },
  (t) => [index("order_fulfillment_label_fulfillment_idx").on(t.fulfillment_id)],
)

/** Idempotency-Key of a completion: the same key always answers with the same order. */
export const idempotencyKey = pgTable("idempotency_key", {
  key: text("key").primaryKey(),
  cart_id: text("cart_id").notNull(),
  order_id: text("order_id"),
  created_at: text("created_at").notNull().default(sql`now()`),
})
