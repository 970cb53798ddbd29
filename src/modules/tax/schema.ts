import { sql } from "drizzle-orm"
import { boolean, index, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

/** Where a tax applies: a country, or a province inside one (parent_id). */
export const taxRegion = pgTable(
  "tax_region",
  {
    ...entityColumns(),
    country_code: text("country_code").notNull(),
    province_code: text("province_code"),
    parent_id: text("parent_id"),
    /** the tax provider that calculates here (Medusa's `tp_system`); only the built-in one exists */
    provider_id: text("provider_id"),
  },
  (t) => [
    uniqueIndex("tax_region_country_province_uq")
      .on(t.country_code, sql`coalesce(${t.province_code}, '')`)
      .where(sql`deleted_at is null`),
  ],
)

/** A rate in percent (20 = 20 %); the default rate of a tax region applies when no other matches. */
export const taxRate = pgTable(
  "tax_rate",
  {
    ...entityColumns(),
    tax_region_id: text("tax_region_id")
      .notNull()
      .references(() => taxRegion.id, { onDelete: "cascade" }),
    rate: numeric("rate").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    is_default: boolean("is_default").notNull().default(false),
    is_combinable: boolean("is_combinable").notNull().default(false),
  },
  (t) => [
    index("tax_rate_tax_region_id_idx").on(t.tax_region_id),
    // As Medusa's IDX_single_default_region: one default rate per region, so which applies is never a guess.
    uniqueIndex("tax_rate_single_default_uq").on(t.tax_region_id).where(sql`is_default and deleted_at is null`),
  ],
)
