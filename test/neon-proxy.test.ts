import { neon, neonConfig, NeonDbError } from "@neondatabase/serverless"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { startNeonProxy, type NeonProxy } from "../scripts/lib/neon-proxy"

// The unmodified neon() client, pointed at the local stand-in of Neon's HTTP endpoint.
let proxy: NeonProxy
let db: pg.Client
const url = inject("databaseUrl")

beforeAll(async () => {
  const target = new URL(url)
  proxy = await startNeonProxy({ host: target.hostname, port: Number(target.port) })
  neonConfig.fetchEndpoint = `http://${proxy.address}/sql`
  db = new pg.Client({ connectionString: url })
  await db.connect()
  await db.query("create table if not exists neon_proxy_probe (id text primary key, amount numeric(20, 4) not null, at timestamptz not null default now(), tags jsonb)")
})
afterAll(async () => {
  await db?.query("drop table if exists neon_proxy_probe")
  await db?.end()
  await proxy?.close()
})

describe("the local stand-in for Neon's HTTP SQL endpoint", () => {
  test("parameters and types come back as Neon's client parses them; numerics stay exact", async () => {
    const sql = neon(url)
    const id = `p_${Date.now()}`
    await sql`insert into neon_proxy_probe (id, amount, tags) values (${id}, ${"12345678901234.5678"}, ${JSON.stringify({ a: [1, 2] })})`
    const [row] = (await sql`select id, amount, at, tags, 2::int4 as two, true as yes, null::text as nothing from neon_proxy_probe where id = ${id}`) as Record<string, unknown>[]
    expect(row).toEqual({ id, amount: "12345678901234.5678", at: expect.any(Date), tags: { a: [1, 2] }, two: 2, yes: true, nothing: null })
    const full = await sql.query("select $1::text as echoed", ["it's"], { fullResults: true, arrayMode: true })
    expect(full).toMatchObject({ command: "SELECT", rowCount: 1, rows: [["it's"]] })
    expect(full.fields.map((field) => field.name)).toEqual(["echoed"])
  })

  test("a Postgres error is Neon's 400 with its SQLSTATE and detail; the connection stays usable", async () => {
    const sql = neon(url)
    const id = `dup_${Date.now()}`
    await sql`insert into neon_proxy_probe (id, amount) values (${id}, 1)`
    const error = await sql`insert into neon_proxy_probe (id, amount) values (${id}, 1)`.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NeonDbError)
    expect(error).toMatchObject({ code: "23505", constraint: "neon_proxy_probe_pkey", detail: expect.stringContaining(id) })
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }])
  })

  test("a batch is one transaction: all of it or none", async () => {
    const sql = neon(url)
    const [a, b] = [`ba_${Date.now()}`, `bb_${Date.now()}`]
    const results = await sql.transaction([sql`insert into neon_proxy_probe (id, amount) values (${a}, 1) returning id`, sql`select count(*)::int as n from neon_proxy_probe where id = ${a}`])
    expect(results).toEqual([[{ id: a }], [{ n: 1 }]])
    const failed = await sql.transaction([sql`insert into neon_proxy_probe (id, amount) values (${b}, 1)`, sql`insert into neon_proxy_probe (id, amount) values (${a}, 1)`]).catch((e: unknown) => e)
    expect(failed).toMatchObject({ code: "23505" })
    expect((await db.query("select count(*)::int as n from neon_proxy_probe where id = $1", [b])).rows[0].n).toBe(0)
    const readOnly = await sql.transaction([sql`insert into neon_proxy_probe (id, amount) values (${b}, 1)`], { readOnly: true }).catch((e: unknown) => e)
    expect(readOnly).toMatchObject({ code: "25006" })
  })

  test("queries share pooled connections: no login per query", async () => {
    const sql = neon(url)
    await Promise.all(Array.from({ length: 4 }, () => sql`select 1`))
    const opened = proxy.httpConnections
    await Promise.all(Array.from({ length: 40 }, (_, i) => sql`select ${i}::int as i`))
    for (let i = 0; i < 20; i++) await sql`select 1`
    expect(proxy.httpConnections).toBeLessThanOrEqual(Math.max(opened, 16))
    expect(proxy.httpConnections).toBeGreaterThan(0)
  })

  test("it serves only its own Postgres, and refuses malformed requests with a 400", async () => {
    const elsewhere = await neon("postgres://u:p@10.255.255.1:5432/x")`select 1`.catch((e: unknown) => e)
    expect(String(elsewhere)).toMatch(/not proxied/)
    const res = await fetch(`http://${proxy.address}/sql`, { method: "POST", headers: { "neon-connection-string": url }, body: "{not json" })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/malformed body/)
  })
})
