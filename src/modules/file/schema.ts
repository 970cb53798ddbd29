import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

/** An uploaded file: what the provider stored under `key` and the URL it is served at. */
export const file = pgTable(
  "file",
  {
    ...entityColumns(),
    /** the provider's key of the stored object (what DELETE /admin/uploads/:id names) */
    key: text("key").notNull(),
    filename: text("filename").notNull(),
    mime_type: text("mime_type").notNull(),
    size: integer("size").notNull(),
    provider_id: text("provider_id").notNull(),
    url: text("url").notNull(),
    /** private files (exports) are served only to a signed link */
    access: text("access").notNull().default("public"),
  },
  (t) => [uniqueIndex("file_key_unique").on(t.key), index("file_created_at_idx").on(t.created_at)],
)

/** The bytes of a file the local provider keeps (base64), in Postgres: runs anywhere, with no bucket. */
export const fileBlob = pgTable("file_blob", {
  key: text("key").primaryKey(),
  content_base64: text("content_base64").notNull(),
})
