import { boolean, index, pgTable, text } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

/** Medusa's store: the shop's name and its defaults (region, sales channel, stock location). */
export const store = pgTable("store", {
  ...entityColumns(),
  name: text("name").notNull().default("Medusa Store"),
  default_sales_channel_id: text("default_sales_channel_id"),
  default_region_id: text("default_region_id"),
  default_location_id: text("default_location_id"),
})

export const storeCurrency = pgTable(
  "store_currency",
  {
    ...entityColumns(),
    store_id: text("store_id")
      .notNull()
      .references(() => store.id, { onDelete: "cascade" }),
    currency_code: text("currency_code").notNull(),
    is_default: boolean("is_default").notNull().default(false),
  },
  (t) => [index("store_currency_store_id_idx").on(t.store_id)],
)
