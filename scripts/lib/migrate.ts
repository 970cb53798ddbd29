import { drizzle } from "drizzle-orm/node-postgres"
import { migrate } from "drizzle-orm/node-postgres/migrator"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import pg from "pg"

const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url))

interface JournalEntry {
  tag: string
  when: number
}

/**
 * Applies the SQL migrations in drizzle/ to `schema` (the URL's search_path), printing each
 * one. The bookkeeping table lives in the same schema, so two schemas in one database are
 * migrated independently, and an advisory lock keeps two runs from racing.
 */
export async function runMigrations(databaseUrl: string, schema: string, log: (line: string) => void = console.log) {
  const started = Date.now()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [`medusa-edge:migrate:${schema}`])
    await client.query(`create schema if not exists "${schema.replace(/"/g, '""')}"`)
    const applied = await newestApplied(client, schema)
    const journal: { entries: JournalEntry[] } = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8"))
    const pending = journal.entries.filter((entry) => entry.when > applied)
    if (pending.length === 0) {
      log(`migrations: schema "${schema}" is up to date (${journal.entries.length} applied)`)
      return { applied: 0 }
    }
    for (const entry of pending) log(`migrations: applying ${entry.tag}`)
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: schema })
    log(`migrations: ${pending.length} applied to schema "${schema}" in ${Date.now() - started} ms`)
    return { applied: pending.length }
  } finally {
    await client.end()
  }
}

async function newestApplied(client: pg.Client, schema: string): Promise<number> {
  const exists = await client.query("select to_regclass($1) as table", [`"${schema}".__drizzle_migrations`])
  if (!exists.rows[0]?.table) return 0
  const result = await client.query(`select max(created_at)::text as applied from "${schema}".__drizzle_migrations`)
  return Number(result.rows[0]?.applied ?? 0)
}
