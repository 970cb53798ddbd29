import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core"
import { entityColumns, linkColumns } from "../../core/columns"

export const stockLocationAddress = pgTable("stock_location_address", {
  ...entityColumns(),
  address_1: text("address_1").notNull(),
  address_2: text("address_2"),
  company: text("company"),
  city: text("city"),
  country_code: text("country_code").notNull(),
  phone: text("phone"),
  province: text("province"),
  postal_code: text("postal_code"),
})

export const stockLocation = pgTable("stock_location", {
  ...entityColumns(),
  name: text("name").notNull(),
  address_id: text("address_id").references(() => stockLocationAddress.id, { onDelete: "set null" }),
})

/** Which locations stock a sales channel (Medusa's sales channel ↔ stock location link). */
export const salesChannelStockLocation = pgTable(
  "sales_channel_stock_location",
  {
    sales_channel_id: text("sales_channel_id").notNull(),
    stock_location_id: text("stock_location_id")
      .notNull()
      .references(() => stockLocation.id, { onDelete: "cascade" }),
    ...linkColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.sales_channel_id, t.stock_location_id] }),
    index("sc_sl_location_idx").on(t.stock_location_id),
  ],
)
