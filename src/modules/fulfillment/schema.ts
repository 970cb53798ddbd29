import { sql } from "drizzle-orm"
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns, linkColumns } from "../../core/columns"

export const shippingProfile = pgTable(
  "shipping_profile",
  { ...entityColumns(), name: text("name").notNull(), type: text("type").notNull().default("default") },
  (t) => [uniqueIndex("shipping_profile_name_uq").on(t.name).where(sql`deleted_at is null`)],
)

export const fulfillmentProvider = pgTable("fulfillment_provider", {
  id: text("id").primaryKey(),
  is_enabled: boolean("is_enabled").notNull().default(true),
})

export const fulfillmentSet = pgTable("fulfillment_set", {
  ...entityColumns(),
  name: text("name").notNull(),
  type: text("type", { enum: ["shipping", "pickup"] }).notNull(),
})

export const serviceZone = pgTable(
  "service_zone",
  {
    ...entityColumns(),
    name: text("name").notNull(),
    fulfillment_set_id: text("fulfillment_set_id")
      .notNull()
      .references(() => fulfillmentSet.id, { onDelete: "cascade" }),
  },
  (t) => [index("service_zone_fulfillment_set_idx").on(t.fulfillment_set_id)],
)

export const geoZone = pgTable(
  "geo_zone",
  {
    ...entityColumns(),
    type: text("type", { enum: ["country", "province", "city", "zip"] })
      .notNull()
      .default("country"),
    country_code: text("country_code").notNull(),
    province_code: text("province_code"),
    city: text("city"),
    postal_expression: jsonb("postal_expression"),
    service_zone_id: text("service_zone_id")
      .notNull()
      .references(() => serviceZone.id, { onDelete: "cascade" }),
  },
  (t) => [index("geo_zone_service_zone_idx").on(t.service_zone_id), index("geo_zone_country_idx").on(t.country_code)],
)

export const shippingOptionType = pgTable("shipping_option_type", {
  ...entityColumns(),
  label: text("label").notNull(),
  description: text("description"),
  code: text("code").notNull(),
})

export const shippingOption = pgTable(
  "shipping_option",
  {
    ...entityColumns(),
    name: text("name").notNull(),
    price_type: text("price_type", { enum: ["flat", "calculated"] })
      .notNull()
      .default("flat"),
    service_zone_id: text("service_zone_id")
      .notNull()
      .references(() => serviceZone.id, { onDelete: "cascade" }),
    shipping_profile_id: text("shipping_profile_id").references(() => shippingProfile.id, { onDelete: "set null" }),
    provider_id: text("provider_id").references(() => fulfillmentProvider.id),
    shipping_option_type_id: text("shipping_option_type_id").references(() => shippingOptionType.id),
    data: jsonb("data").$type<Record<string, unknown> | null>(),
  },
  (t) => [index("shipping_option_service_zone_idx").on(t.service_zone_id)],
)

export const shippingOptionRule = pgTable(
  "shipping_option_rule",
  {
    ...entityColumns(),
    attribute: text("attribute").notNull(),
    operator: text("operator", { enum: ["in", "eq", "ne", "gt", "gte", "lt", "lte", "nin"] }).notNull(),
    value: jsonb("value"),
    shipping_option_id: text("shipping_option_id")
      .notNull()
      .references(() => shippingOption.id, { onDelete: "cascade" }),
  },
  (t) => [index("shipping_option_rule_option_idx").on(t.shipping_option_id)],
)

/** Links of a stock location: its fulfillment sets and the providers it ships with. */
export const locationFulfillmentSet = pgTable(
  "location_fulfillment_set",
  {
    stock_location_id: text("stock_location_id").notNull(),
    fulfillment_set_id: text("fulfillment_set_id")
      .notNull()
      .references(() => fulfillmentSet.id, { onDelete: "cascade" }),
    ...linkColumns(),
  },
  (t) => [primaryKey({ columns: [t.stock_location_id, t.fulfillment_set_id] })],
)

export const locationFulfillmentProvider = pgTable(
  "location_fulfillment_provider",
  {
    stock_location_id: text("stock_location_id").notNull(),
    fulfillment_provider_id: text("fulfillment_provider_id")
      .notNull()
      .references(() => fulfillmentProvider.id),
    ...linkColumns(),
  },
  (t) => [primaryKey({ columns: [t.stock_location_id, t.fulfillment_provider_id] })],
)
