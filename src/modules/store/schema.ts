import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core"

/** Medusa's store: the shop's name and its defaults (region, sales channel, stock location). */
export const store = pgTable("store", {
  id: text("id").primaryKey(),
  name: text("name").notNull().default("Medusa Store"),
  default_sales_channel_id: text("default_sales_channel_id"),
  default_region_id: text("default_region_id"),
  default_location_id: text("default_location_id"),
  metadata: jsonb("metadata").$type<Record<string, unknown>>(),
  created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updated_at: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  deleted_at: timestamp("deleted_at", { withTimezone: true }),
})
