import { boolean, index, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core"
import { addressColumns, lineItemColumns } from "../../core/document-columns"
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
