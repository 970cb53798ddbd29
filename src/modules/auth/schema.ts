import { sql } from "drizzle-orm"
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

/** Who someone is to the auth module; `app_metadata` names the customer and/or user they are. */
export const authIdentity = pgTable("auth_identity", {
  ...entityColumns(),
  app_metadata: jsonb("app_metadata").$type<{ customer_id?: string; user_id?: string }>().notNull().default({}),
})

/** How they prove it: for emailpass, the email and a password hash. */
export const providerIdentity = pgTable(
  "provider_identity",
  {
    ...entityColumns(),
    entity_id: text("entity_id").notNull(),
    provider: text("provider").notNull(),
    auth_identity_id: text("auth_identity_id")
      .notNull()
      .references(() => authIdentity.id, { onDelete: "cascade" }),
    provider_metadata: jsonb("provider_metadata").$type<{ password?: string }>().notNull().default({}),
    user_metadata: jsonb("user_metadata").$type<Record<string, unknown> | null>(),
  },
  (t) => [
    uniqueIndex("provider_identity_entity_provider_uq").on(t.entity_id, t.provider).where(sql`deleted_at is null`),
    index("provider_identity_auth_identity_idx").on(t.auth_identity_id),
  ],
)

/** Single-use tokens (password reset) already spent, kept until they would have expired anyway. */
export const spentToken = pgTable("auth_spent_token", {
  jti: text("jti").primaryKey(),
  expires_at: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
})
