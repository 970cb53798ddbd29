import { isNull } from "drizzle-orm"
import { integer, jsonb, text, timestamp } from "drizzle-orm/pg-core"

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

/** Customs and shipping attributes shared by variants and inventory items. */
export const physicalColumns = () => ({
  hs_code: text("hs_code"),
  origin_country: text("origin_country"),
  mid_code: text("mid_code"),
  material: text("material"),
  weight: integer("weight"),
  length: integer("length"),
  height: integer("height"),
  width: integer("width"),
})

/** Rows of an entity table that are not soft-deleted. */
export const live = <T extends { deleted_at: unknown }>(table: T) => isNull(table.deleted_at as never)
