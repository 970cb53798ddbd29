import { sql } from "drizzle-orm"
import {
  boolean,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

// Medusa's promotion module, table for table (packages/modules/promotion/src/models).

export const promotionCampaign = pgTable(
  "promotion_campaign",
  {
    ...entityColumns(),
    name: text("name").notNull(),
    description: text("description"),
    campaign_identifier: text("campaign_identifier").notNull(),
    starts_at: timestamp("starts_at", { withTimezone: true, mode: "date" }),
    ends_at: timestamp("ends_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("promotion_campaign_identifier_uq").on(t.campaign_identifier).where(sql`deleted_at is null`)],
)

export const promotionCampaignBudget = pgTable(
  "promotion_campaign_budget",
  {
    ...entityColumns(),
    type: text("type").$type<"spend" | "usage">().notNull(),
    campaign_id: text("campaign_id")
      .notNull()
      .references(() => promotionCampaign.id, { onDelete: "cascade" }),
    currency_code: text("currency_code"),
    limit: numeric("limit"),
    used: numeric("used").notNull().default("0"),
  },
  (t) => [uniqueIndex("promotion_campaign_budget_campaign_uq").on(t.campaign_id).where(sql`deleted_at is null`)],
)

export const promotion = pgTable(
  "promotion",
  {
    ...entityColumns(),
    code: text("code").notNull(),
    campaign_id: text("campaign_id").references(() => promotionCampaign.id, { onDelete: "set null" }),
    is_automatic: boolean("is_automatic").notNull().default(false),
    is_tax_inclusive: boolean("is_tax_inclusive").notNull().default(false),
    type: text("type").$type<"standard" | "buyget">().notNull(),
    status: text("status").$type<"draft" | "active" | "inactive">().notNull().default("draft"),
    limit: integer("limit"),
    used: integer("used").notNull().default(0),
  },
  (t) => [
    // Codes are matched ignoring case (a shopper types "summer10" for "SUMMER10").
    uniqueIndex("promotion_code_uq").on(sql`lower(${t.code})`).where(sql`deleted_at is null`),
    index("promotion_campaign_idx").on(t.campaign_id),
  ],
)

export const promotionApplicationMethod = pgTable(
  "promotion_application_method",
  {
    ...entityColumns(),
    promotion_id: text("promotion_id")
      .notNull()
      .references(() => promotion.id, { onDelete: "cascade" }),
    description: text("description"),
    value: numeric("value").notNull(),
    currency_code: text("currency_code"),
    max_quantity: integer("max_quantity"),
    apply_to_quantity: integer("apply_to_quantity"),
    buy_rules_min_quantity: integer("buy_rules_min_quantity"),
    type: text("type").$type<"fixed" | "percentage">().notNull(),
    target_type: text("target_type").$type<"order" | "shipping_methods" | "items">().notNull(),
    allocation: text("allocation").$type<"each" | "across" | "once">(),
  },
  (t) => [uniqueIndex("promotion_application_method_promotion_uq").on(t.promotion_id)],
)

export const promotionRule = pgTable("promotion_rule", {
  ...entityColumns(),
  description: text("description"),
  attribute: text("attribute").notNull(),
  operator: text("operator").$type<"gte" | "lte" | "gt" | "lt" | "eq" | "ne" | "in">().notNull(),
})

export const promotionRuleValue = pgTable(
  "promotion_rule_value",
  {
    ...entityColumns(),
    promotion_rule_id: text("promotion_rule_id")
      .notNull()
      .references(() => promotionRule.id, { onDelete: "cascade" }),
    value: text("value").notNull(),
  },
  (t) => [index("promotion_rule_value_rule_idx").on(t.promotion_rule_id)],
)

export const promotionPromotionRule = pgTable(
  "promotion_promotion_rule",
  {
    promotion_id: text("promotion_id")
      .notNull()
      .references(() => promotion.id, { onDelete: "cascade" }),
    promotion_rule_id: text("promotion_rule_id")
      .notNull()
      .references(() => promotionRule.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.promotion_id, t.promotion_rule_id] })],
)

export const applicationMethodTargetRules = pgTable(
  "application_method_target_rules",
  {
    application_method_id: text("application_method_id")
      .notNull()
      .references(() => promotionApplicationMethod.id, { onDelete: "cascade" }),
    promotion_rule_id: text("promotion_rule_id")
      .notNull()
      .references(() => promotionRule.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "application_method_target_rules_pk", columns: [t.application_method_id, t.promotion_rule_id] }),
  ],
)

export const applicationMethodBuyRules = pgTable(
  "application_method_buy_rules",
  {
    application_method_id: text("application_method_id")
      .notNull()
      .references(() => promotionApplicationMethod.id, { onDelete: "cascade" }),
    promotion_rule_id: text("promotion_rule_id")
      .notNull()
      .references(() => promotionRule.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "application_method_buy_rules_pk", columns: [t.application_method_id, t.promotion_rule_id] }),
  ],
)
