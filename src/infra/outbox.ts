import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core"
import { generateId } from "../core/ids"
import { beforeCommit, type Db } from "./db"

/**
 * Domain events, written in the same transaction as the change they describe: a rolled-back
 * change leaves no event, and a committed one is never lost (published after commit).
 */
export const eventOutbox = pgTable(
  "event_outbox",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    created_at: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    published_at: timestamp("published_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("event_outbox_unpublished_idx").on(t.created_at)],
)

export interface DomainEvent {
  name: string
  data: Record<string, unknown>
}

type OutboxRow = typeof eventOutbox.$inferInsert
const buffered = new WeakMap<Db, OutboxRow[]>()

/**
 * Appends events to the outbox through `db` (the caller's transaction); returns their ids. In a
 * request's transaction they are buffered and written in one statement as it commits.
 */
export async function appendEvents(
  db: Db,
  events: DomainEvent[],
  options: { subscribed?: (name: string) => boolean } = {},
): Promise<string[]> {
  if (events.length === 0) return []
  // An event no subscriber listens to is delivered once written: stored as published, it needs no publishing step.
  const unheard = (name: string) => options.subscribed !== undefined && !options.subscribed(name)
  const rows = events.map((event) => ({
    id: generateId("evt"),
    name: event.name,
    data: event.data,
    published_at: unheard(event.name) ? new Date() : null,
  }))
  const pending = buffered.get(db)
  if (pending) pending.push(...rows)
  else if (beforeCommit(db, () => flush(db))) buffered.set(db, rows)
  else await db.insert(eventOutbox).values(rows)
  return rows.filter((row) => row.published_at === null).map((row) => row.id)
}

async function flush(db: Db) {
  const rows = buffered.get(db) ?? []
  buffered.delete(db)
  if (rows.length > 0) await db.insert(eventOutbox).values(rows)
}
