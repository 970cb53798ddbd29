import { sql } from "drizzle-orm"
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns, linkColumns } from "../../core/columns"

/**
 * Publishable keys (`pk_…`, sent by storefronts) and secret keys (`sk_…`). A secret key's
 * token is kept only as a SHA-256 hash; a publishable one is public by design.
 */
export const apiKey = pgTable(
  "api_key",
  {
    ...entityColumns(),
    token: text("token").notNull(),
    redacted: text("redacted").notNull(),
    title: text("title").notNull(),
    type: text("type", { enum: ["publishable", "secret"] }).notNull(),
    last_used_at: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    created_by: text("created_by").notNull().default(""),
    revoked_by: text("revoked_by"),
    revoked_at: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("api_key_token_uq").on(t.token).where(sql`deleted_at is null`)],
)

export const publishableApiKeySalesChannel = pgTable(
  "publishable_api_key_sales_channel",
  {
    publishable_key_id: text("publishable_key_id")
      .notNull()
      .references(() => apiKey.id, { onDelete: "cascade" }),
    sales_channel_id: text("sales_channel_id").notNull(),
    ...linkColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.publishable_key_id, t.sales_channel_id] }),
    index("pak_sc_sales_channel_idx").on(t.sales_channel_id),
  ],
)
