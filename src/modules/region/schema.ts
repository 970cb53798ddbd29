import { sql } from "drizzle-orm"
import { boolean, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

export const region = pgTable(
  "region",
  {
    ...entityColumns(),
    name: text("name").notNull(),
    currency_code: text("currency_code").notNull(),
    automatic_taxes: boolean("automatic_taxes").notNull().default(true),
  },
  (t) => [index("region_deleted_at_idx").on(t.deleted_at)],
)

/** Every ISO 3166 country (filled by a migration); `region_id` says which region sells there. */
export const regionCountry = pgTable(
  "region_country",
  {
    iso_2: text("iso_2").primaryKey(),
    iso_3: text("iso_3").notNull(),
    num_code: text("num_code").notNull(),
    name: text("name").notNull(),
    display_name: text("display_name").notNull(),
    region_id: text("region_id").references(() => region.id, { onDelete: "set null" }),
  },
  (t) => [index("region_country_region_id_idx").on(t.region_id).where(sql`region_id is not null`)],
)

/** Which payment providers a region offers (Medusa's region ↔ payment provider link). */
export const regionPaymentProvider = pgTable(
  "region_payment_provider",
  {
    region_id: text("region_id")
      .notNull()
      .references(() => region.id, { onDelete: "cascade" }),
    payment_provider_id: text("payment_provider_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.region_id, t.payment_provider_id] })],
)
