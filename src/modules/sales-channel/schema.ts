import { boolean, pgTable, text } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

export const salesChannel = pgTable("sales_channel", {
  ...entityColumns(),
  name: text("name").notNull(),
  description: text("description"),
  is_disabled: boolean("is_disabled").notNull().default(false),
})
