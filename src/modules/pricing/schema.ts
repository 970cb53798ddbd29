import { sql } from "drizzle-orm"
import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns, linkColumns } from "../../core/columns"

export const priceSet = pgTable("price_set", { ...entityColumns() })

/** Medusa's price lists: prices that replace (override) or undercut (sale) the default ones, for a time and for whom its rules say. */
export const priceList = pgTable("price_list", {
  ...entityColumns(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  status: text("status", { enum: ["active", "draft"] })
    .notNull()
    .default("draft"),
  type: text("type", { enum: ["sale", "override"] })
    .notNull()
    .default("sale"),
  starts_at: timestamp("starts_at", { withTimezone: true, mode: "date" }),
  ends_at: timestamp("ends_at", { withTimezone: true, mode: "date" }),
  rules_count: integer("rules_count").notNull().default(0),
})

/** A condition of a price list: the context's value of `attribute` (e.g. customer.groups.id) must be one of `value`. */
export const priceListRule = pgTable(
  "price_list_rule",
  {
    ...entityColumns(),
    price_list_id: text("price_list_id")
      .notNull()
      .references(() => priceList.id, { onDelete: "cascade" }),
    attribute: text("attribute").notNull(),
    value: jsonb("value").$type<string[]>().notNull(),
  },
  (t) => [index("price_list_rule_price_list_id_idx").on(t.price_list_id)],
)

/** An amount in major units (numeric: exact), optionally limited by rules such as region_id. */
export const price = pgTable(
  "price",
  {
    ...entityColumns(),
    title: text("title"),
    price_set_id: text("price_set_id")
      .notNull()
      .references(() => priceSet.id, { onDelete: "cascade" }),
    currency_code: text("currency_code").notNull(),
    amount: numeric("amount").notNull(),
    min_quantity: integer("min_quantity"),
    max_quantity: integer("max_quantity"),
    rules_count: integer("rules_count").notNull().default(0),
    price_list_id: text("price_list_id").references(() => priceList.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("price_price_set_id_idx").on(t.price_set_id, t.currency_code).where(sql`deleted_at is null`),
    index("price_price_list_id_idx").on(t.price_list_id).where(sql`price_list_id is not null`),
  ],
)

export const priceRule = pgTable(
  "price_rule",
  {
    ...entityColumns(),
    price_id: text("price_id")
      .notNull()
      .references(() => price.id, { onDelete: "cascade" }),
    attribute: text("attribute").notNull(),
    operator: text("operator", { enum: ["eq", "gt", "gte", "lt", "lte"] })
      .notNull()
      .default("eq"),
    value: text("value").notNull(),
    priority: integer("priority").notNull().default(0),
  },
  (t) => [index("price_rule_price_id_idx").on(t.price_id)],
)

/** Whether prices for a region or currency include tax (Medusa's price preferences). */
export const pricePreference = pgTable(
  "price_preference",
  {
    ...entityColumns(),
    attribute: text("attribute", { enum: ["region_id", "currency_code"] }).notNull(),
    value: text("value").notNull(),
    is_tax_inclusive: boolean("is_tax_inclusive").notNull().default(false),
  },
  (t) => [uniqueIndex("price_preference_attribute_value_uq").on(t.attribute, t.value).where(sql`deleted_at is null`)],
)

/** Links: a variant's prices, a shipping option's prices. */
export const productVariantPriceSet = pgTable("product_variant_price_set", {
  variant_id: text("variant_id").primaryKey(),
  price_set_id: text("price_set_id")
    .notNull()
    .references(() => priceSet.id, { onDelete: "cascade" }),
  ...linkColumns(),
})

export const shippingOptionPriceSet = pgTable("shipping_option_price_set", {
  shipping_option_id: text("shipping_option_id").primaryKey(),
  price_set_id: text("price_set_id")
    .notNull()
    .references(() => priceSet.id, { onDelete: "cascade" }),
  ...linkColumns(),
})
