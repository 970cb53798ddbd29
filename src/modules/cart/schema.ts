import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core"
import { addressColumns } from "../../core/address-columns"
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
    cart_id: text("cart_id").notNull().references(() => cart.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    subtitle: text("subtitle"),
    thumbnail: text("thumbnail"),
    quantity: integer("quantity").notNull(),
    variant_id: text("variant_id"),
    product_id: text("product_id"),
    product_title: text("product_title"),
    product_description: text("product_description"),
    product_subtitle: text("product_subtitle"),
    product_handle: text("product_handle"),
    product_collection: text("product_collection"),
    product_type: text("product_type"),
    variant_sku: text("variant_sku"),
    variant_barcode: text("variant_barcode"),
    variant_title: text("variant_title"),
    variant_option_values: jsonb("variant_option_values").$type<Record<string, string> | null>(),
    requires_shipping: boolean("requires_shipping").notNull().default(true),
    is_discountable: boolean("is_discountable").notNull().default(true),
    is_tax_inclusive: boolean("is_tax_inclusive").notNull().default(false),
    is_custom_price: boolean("is_custom_price").notNull().default(false),
    unit_price: numeric("unit_price").notNull(),
  },
  (t) => [index("cart_line_item_cart_idx").on(t.cart_id)],
)

export const cartShippingMethod = pgTable(
  "cart_shipping_method",
  {
    ...entityColumns(),
    cart_id: text("cart_id").notNull().references(() => cart.id, { onDelete: "cascade" }),
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
