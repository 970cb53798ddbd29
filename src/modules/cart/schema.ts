import { boolean, index, jsonb, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core"
import { addressColumns, adjustmentColumns, lineItemColumns } from "../../core/document-columns"
import { entityColumns } from "../../core/columns"

export const cartAddress = pgTable("cart_address", { ...entityColumns(), ...addressColumns() })

export const cart = pgTable(
  "cart",
  {
    ...entityColumns(),
    region_id: text("region_id"),
    customer_id: text("customer_id"),
    sales_channel_id: text("sales_channel_id"),
    email: text("email"),
    currency_code: text("currency_code").notNull(),
    locale: text("locale"),
    shipping_address_id: text("shipping_address_id").references(() => cartAddress.id, { onDelete: "set null" }),
    billing_address_id: text("billing_address_id").references(() => cartAddress.id, { onDelete: "set null" }),
    payment_collection_id: text("payment_collection_id"),
    completed_at: timestamp("completed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("cart_customer_idx").on(t.customer_id)],
)

/** A cart line: the variant and what it costs, snapshotted when added (re-priced on region change). */
export const cartLineItem = pgTable(
  "cart_line_item",
  {
    ...entityColumns(),
    cart_id: text("cart_id")
      .notNull()
      .references(() => cart.id, { onDelete: "cascade" }),
    ...lineItemColumns(),
    is_custom_price: boolean("is_custom_price").notNull().default(false),
    unit_price: numeric("unit_price").notNull(),
  },
  (t) => [index("cart_line_item_cart_idx").on(t.cart_id)],
)

export const cartShippingMethod = pgTable(
  "cart_shipping_method",
  {
    ...entityColumns(),
    cart_id: text("cart_id")
      .notNull()
      .references(() => cart.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: jsonb("description"),
    amount: numeric("amount").notNull(),
    is_tax_inclusive: boolean("is_tax_inclusive").notNull().default(false),
    shipping_option_id: text("shipping_option_id"),
    shipping_profile_id: text("shipping_profile_id"),
    data: jsonb("data").$type<Record<string, unknown> | null>(),
  },
  (t) => [index("cart_shipping_method_cart_idx").on(t.cart_id)],
)

export const cartLineItemAdjustment = pgTable(
  "cart_line_item_adjustment",
  {
    ...entityColumns(),
    item_id: text("item_id")
      .notNull()
      .references(() => cartLineItem.id, { onDelete: "cascade" }),
    ...adjustmentColumns(),
  },
  (t) => [index("cart_line_item_adjustment_item_idx").on(t.item_id)],
)

export const cartShippingMethodAdjustment = pgTable(
  "cart_shipping_method_adjustment",
  {
    ...entityColumns(),
    shipping_method_id: text("shipping_method_id")
      .notNull()
      .references(() => cartShippingMethod.id, { onDelete: "cascade" }),
    ...adjustmentColumns(),
  },
  (t) => [index("cart_shipping_method_adjustment_method_idx").on(t.shipping_method_id)],
)

/** The codes a shopper applied (Medusa's cart ↔ promotion link); automatic promotions need no row. */
export const cartPromotion = pgTable(
  "cart_promotion",
  {
    cart_id: text("cart_id")
      .notNull()
      .references(() => cart.id, { onDelete: "cascade" }),
    promotion_id: text("promotion_id").notNull(),
    created_at: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cart_id, t.promotion_id] })],
)
