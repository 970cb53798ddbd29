import { sql } from "drizzle-orm"
import type { Handler } from "hono"
import journal from "../../drizzle/meta/_journal.json"
import type { ErrorBody } from "../core/errors"
import type { AppEnv } from "../core/types"

/** The newest migration this build was made with (drizzle records its `when` as created_at). */
const NEWEST_MIGRATION = Math.max(0, ...journal.entries.map((entry) => entry.when))

/**
 * `GET /health`: 200 `{ status: "ok" }` once Postgres answers and holds every migration this
 * build expects; 503 with the reason otherwise, so a deploy ahead of `npm run migrate` shows.
 */
export const health: Handler<AppEnv> = async (c) => {
  const db = c.var.scope.resolve("manager")
  const schema = c.var.config.projectConfig.database_schema
  const unavailable = (message: string) => c.json({ type: "unexpected_state", message } satisfies ErrorBody, 503)
  try {
    const result = await db.execute<{ applied: string | null }>(
      sql`select max(created_at)::text as applied from ${sql.identifier(schema)}.${sql.identifier("__drizzle_migrations")}`,
    )
    const applied = Number(result.rows[0]?.applied ?? 0)
    if (applied < NEWEST_MIGRATION) {
      const pending = journal.entries.filter((entry) => entry.when > applied).map((entry) => entry.tag)
      return unavailable(`The database is missing migrations ${pending.join(", ")}: run npm run migrate.`)
    }
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === "42P01") {
      return unavailable(`The database has no migrations in schema "${schema}": run npm run migrate.`)
    }
    console.error("health check failed:", error)
    return unavailable("The database is unreachable.")
  }
  return c.json({ status: "ok" })
}
