import { sql } from "drizzle-orm"
import { boolean, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns } from "../../core/columns"

/** An admin of the store. */
export const user = pgTable(
  "user",
  {
    ...entityColumns(),
    email: text("email").notNull(),
    first_name: text("first_name"),
    last_name: text("last_name"),
    avatar_url: text("avatar_url"),
  },
  (t) => [uniqueIndex("user_email_uq").on(t.email).where(sql`deleted_at is null`)],
)

/** An invitation to become an admin, accepted with its token. */
export const invite = pgTable(
  "invite",
  {
    ...entityColumns(),
    email: text("email").notNull(),
    accepted: boolean("accepted").notNull().default(false),
    token: text("token").notNull(),
    expires_at: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("invite_email_uq").on(t.email).where(sql`deleted_at is null`)],
)
