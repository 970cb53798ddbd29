// Columns that carts, orders and customers share: addresses and line snapshots.
import { boolean, integer, jsonb, numeric, text } from "drizzle-orm/pg-core"

/** The address fields Medusa's carts, orders and customers share. */
export const addressColumns = () => ({
  customer_id: text("customer_id"),
  company: text("company"),
  first_name: text("first_name"),
  last_name: text("last_name"),
  address_1: text("address_1"),
  address_2: text("address_2"),
  city: text("city"),
  country_code: text("country_code"),
  province: text("province"),
  postal_code: text("postal_code"),
  phone: text("phone"),
})

/** What a cart line and an order line snapshot of the variant they sell. */
export const lineItemColumns = () => ({
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
})

/** A promotion's discount on one cart line or shipping method, as Medusa's adjustments store it. */
export const adjustmentColumns = () => ({
  code: text("code"),
  description: text("description"),
  /** the discount, a decimal in the cart's currency, never rounded (Medusa keeps full precision) */
  amount: numeric("amount").notNull(),
  is_tax_inclusive: boolean("is_tax_inclusive").notNull().default(false),
  promotion_id: text("promotion_id"),
  provider_id: text("provider_id"),
})
