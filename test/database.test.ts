import pg from "pg"
import { afterAll, describe, expect, inject, test } from "vitest"
import journal from "../drizzle/meta/_journal.json"
import { runMigrations } from "../scripts/lib/migrate"
import { startWorker, type TestWorker } from "./helpers/worker"

const databaseUrl = inject("databaseUrl")
const withSearchPath = (schema: string) => {
  const url = new URL(databaseUrl)
  url.searchParams.set("options", `-c search_path=${schema}`)
  return url.toString()
}

const workers: TestWorker[] = []
afterAll(() => Promise.all(workers.map((worker) => worker.dispose())))
async function workerFor(url: string) {
  const worker = await startWorker({ DATABASE_URL: url })
  workers.push(worker)
  return worker
}

async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(text, params)).rows
  } finally {
    await client.end()
  }
}

describe("database_url with ?options=-c search_path=NAME", () => {
  const schema = `tenant_${Date.now().toString(36)}`

  test("migrations create the tables in that schema, not in public", async () => {
    const lines: string[] = []
    const { applied } = await runMigrations(withSearchPath(schema), schema, (line) => lines.push(line))
    expect(applied).toBe(journal.entries.length)
    expect(lines.slice(0, -1)).toEqual(journal.entries.map((entry) => `migrations: applying ${entry.tag}`))
    expect(lines.at(-1)).toMatch(new RegExp(`^migrations: ${applied} applied to schema "${schema}" in \\d+ ms$`))
    const tables = await query<{ table_schema: string }>(
      "select table_schema from information_schema.tables where table_name = 'store' order by table_schema",
    )
    expect(tables.map((t) => t.table_schema)).toContain(schema)
    const bookkeeping = await query(
      "select 1 from information_schema.tables where table_schema = $1 and table_name = '__drizzle_migrations'",
      [schema],
    )
    expect(bookkeeping).toHaveLength(1)
  })

  test("running them again applies nothing", async () => {
    const lines: string[] = []
    expect(await runMigrations(withSearchPath(schema), schema, (line) => lines.push(line))).toEqual({ applied: 0 })
    expect(lines).toEqual([`migrations: schema "${schema}" is up to date (${journal.entries.length} applied)`])
  })

  test("the Worker reads that schema: healthy when migrated there", async () => {
    const worker = await workerFor(withSearchPath(schema))
    const res = await worker.fetch("/health")
    expect(await res.json()).toEqual({ status: "ok" })
  })

  test("a schema without migrations makes /health answer 503 with the reason", async () => {
    const worker = await workerFor(withSearchPath("never_migrated"))
    const res = await worker.fetch("/health")
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      type: "unexpected_state",
      message: 'The database has no migrations in schema "never_migrated": run npm run migrate.',
    })
  })
})

describe("an unreachable database", () => {
  test("/health answers 503 and does not hang", async () => {
    const url = new URL(databaseUrl)
    url.port = "1" // nothing listens there
    const worker = await workerFor(url.toString())
    const res = await worker.fetch("/health")
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ type: "unexpected_state", message: "The database is unreachable." })
  })
})
