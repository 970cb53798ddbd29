import { jsonb, text, timestamp } from "drizzle-orm/pg-core"

/** Columns every Medusa entity has: a prefixed id, metadata and soft-delete timestamps. */
export const entityColumns = () => ({
  id: text("id").primaryKey(),
  metadata: jsonb("metadata").$type<Record<string, unknown> | null>(),
  created_at: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updated_at: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  deleted_at: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
})

/** Columns of a link between two domains' entities (Medusa's module links). */
export const linkColumns = () => ({
  created_at: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
})
