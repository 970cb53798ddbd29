import { drizzle } from "drizzle-orm/node-postgres"
import { migrate } from "drizzle-orm/node-postgres/migrator"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { pluginDir } from "./generate-registry"

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
export async function runMigrations(
  databaseUrl: string,
  schema: string,
  log: (line: string) => void = console.log,
  plugins: string[] = [],
): Promise<{ applied: number }> {
  const started = Date.now()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [`medusa-edge:migrate:${schema}`])
    await client.query(`create schema if not exists "${schema.replace(/"/g, '""')}"`)
    const applied = await newestApplied(client, schema)
    const journal: { entries: JournalEntry[] } = JSON.parse(
      readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8"),
    )
    const pending = journal.entries.filter((entry) => entry.when > applied)
    if (pending.length === 0) {
      log(`migrations: schema "${schema}" is up to date (${journal.entries.length} applied)`)
    } else {
      for (const entry of pending) log(`migrations: applying ${entry.tag}`)
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: schema })
      log(`migrations: ${pending.length} applied to schema "${schema}" in ${Date.now() - started} ms`)
    }
    const fromPlugins = await runPluginMigrations(client, schema, plugins, log)
    return { applied: pending.length + fromPlugins }
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

/**
 * A plugin's `migrations/*.sql`, in file-name order, each in its own transaction, recorded in
 * "<schema>".plugin_migrations so that each runs once.
 */
async function runPluginMigrations(
  client: pg.Client,
  schema: string,
  plugins: string[],
  log: (line: string) => void,
): Promise<number> {
  if (plugins.length === 0) return 0
  const table = `"${schema.replace(/"/g, '""')}".plugin_migrations`
  await client.query(
    `create table if not exists ${table} (plugin text not null, name text not null, applied_at timestamptz not null default now(), primary key (plugin, name))`,
  )
  let applied = 0
  for (const plugin of plugins) {
    const folder = join(pluginDir(plugin), "migrations")
    if (!existsSync(folder)) continue
    const done = new Set(
      (await client.query(`select name from ${table} where plugin = $1`, [plugin])).rows.map(
        (row) => row.name as string,
      ),
    )
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith(".sql"))
      .sort()) {
      if (done.has(file)) continue
      log(`migrations: applying plugin ${plugin} ${file}`)
      await client.query("begin")
      try {
        await client.query(readFileSync(join(folder, file), "utf8"))
        await client.query(`insert into ${table} (plugin, name) values ($1, $2)`, [plugin, file])
        await client.query("commit")
      } catch (error) {
        await client.query("rollback")
        throw new Error(`migration ${file} of plugin ${plugin} failed: ${(error as Error).message}`)
      }
      applied++
    }
  }
  return applied
}
