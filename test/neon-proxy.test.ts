import { neon, neonConfig, NeonDbError, Pool } from "@neondatabase/serverless"
import ws from "ws"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { startNeonProxy, type NeonProxy } from "../scripts/lib/neon-proxy"

// The unmodified neon() client, pointed at the local stand-in of Neon's HTTP endpoint.
let proxy: NeonProxy
let pooled: NeonProxy
let db: pg.Client
const url = inject("databaseUrl")

beforeAll(async () => {
  const target = new URL(url)
  proxy = await startNeonProxy({ host: target.hostname, port: Number(target.port) })
  neonConfig.fetchEndpoint = `http://${proxy.address}/sql`
  pooled = await startNeonProxy({ host: target.hostname, port: Number(target.port) }, { pooled: true })
  neonConfig.webSocketConstructor = ws
  neonConfig.wsProxy = (host, port) => `${pooled.address}/v2?address=${host}:${port}`
  neonConfig.useSecureWebSocket = false
  neonConfig.pipelineTLS = false
  neonConfig.pipelineConnect = "password"
  db = new pg.Client({ connectionString: url })
  await db.connect()
  await db.query(
    "create table if not exists neon_proxy_probe (id text primary key, amount numeric(20, 4) not null, at timestamptz not null default now(), tags jsonb)",
  )
})
afterAll(async () => {
  await db?.query("drop table if exists neon_proxy_probe")
  await db?.end()
  await proxy?.close()
  await pooled?.close()
})

describe("the local stand-in for Neon's HTTP SQL endpoint", () => {
  test("parameters and types come back as Neon's client parses them; numerics stay exact", async () => {
    const sql = neon(url)
    const id = `p_${Date.now()}`
    await sql`insert into neon_proxy_probe (id, amount, tags) values (${id}, ${"12345678901234.5678"}, ${JSON.stringify({ a: [1, 2] })})`
    const [row] =
      (await sql`select id, amount, at, tags, 2::int4 as two, true as yes, null::text as nothing from neon_proxy_probe where id = ${id}`) as Record<
        string,
        unknown
      >[]
    expect(row).toEqual({
      id,
      amount: "12345678901234.5678",
      at: expect.any(Date),
      tags: { a: [1, 2] },
      two: 2,
      yes: true,
      nothing: null,
    })
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
    expect(error).toMatchObject({
      code: "23505",
      constraint: "neon_proxy_probe_pkey",
      detail: expect.stringContaining(id),
    })
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }])
  })

  test("a batch is one transaction: all of it or none", async () => {
    const sql = neon(url)
    const [a, b] = [`ba_${Date.now()}`, `bb_${Date.now()}`]
    const results = await sql.transaction([
      sql`insert into neon_proxy_probe (id, amount) values (${a}, 1) returning id`,
      sql`select count(*)::int as n from neon_proxy_probe where id = ${a}`,
    ])
    expect(results).toEqual([[{ id: a }], [{ n: 1 }]])
    const failed = await sql
      .transaction([
        sql`insert into neon_proxy_probe (id, amount) values (${b}, 1)`,
        sql`insert into neon_proxy_probe (id, amount) values (${a}, 1)`,
      ])
      .catch((e: unknown) => e)
    expect(failed).toMatchObject({ code: "23505" })
    expect((await db.query("select count(*)::int as n from neon_proxy_probe where id = $1", [b])).rows[0].n).toBe(0)
    const readOnly = await sql
      .transaction([sql`insert into neon_proxy_probe (id, amount) values (${b}, 1)`], { readOnly: true })
      .catch((e: unknown) => e)
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
    const res = await fetch(`http://${proxy.address}/sql`, {
      method: "POST",
      headers: { "neon-connection-string": url },
      body: "{not json",
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/malformed body/)
  })
})

describe("the stand-in's WebSocket path, pooled in transaction mode as Neon's pooled endpoint", () => {
  /** A Worker request's Pool: one connection, used for a transaction, then ended. */
  async function inPoolTransaction<T>(
    work: (client: import("@neondatabase/serverless").PoolClient) => Promise<T>,
  ): Promise<T> {
    const pool = new Pool({ connectionString: url })
    const client = await pool.connect()
    try {
      await client.query("begin")
      const result = await work(client)
      await client.query("commit")
      return result
    } catch (error) {
      await client.query("rollback").catch(() => {})
      throw error
    } finally {
      client.release()
      await pool.end()
    }
  }

  test("twenty transactions, each on a Pool of its own, start at most a few Postgres backends", async () => {
    const started = pooled.pooledConnections
    for (let i = 0; i < 20; i++) {
      const id = `tx_${Date.now()}_${i}`
      await inPoolTransaction(async (client) => {
        await client.query("insert into neon_proxy_probe (id, amount) values ($1, $2)", [id, "1.5"])
        expect((await client.query("select amount from neon_proxy_probe where id = $1", [id])).rows).toEqual([
          { amount: "1.5000" },
        ])
      })
    }
    expect(pooled.wsConnections).toBeGreaterThanOrEqual(20)
    expect(pooled.pooledConnections - started).toBeLessThanOrEqual(2)
  })

  test("concurrent transactions get separate connections; a failed one is rolled back and its connection is clean", async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `c_${Date.now()}_${i}`)
    await Promise.all(
      ids.map((id) =>
        inPoolTransaction((client) => client.query("insert into neon_proxy_probe (id, amount) values ($1, 1)", [id])),
      ),
    )
    expect(
      (await db.query("select count(*)::int as n from neon_proxy_probe where id = any($1)", [ids])).rows[0].n,
    ).toBe(8)

    const lost = `lost_${Date.now()}`
    const failed = await inPoolTransaction(async (client) => {
      await client.query("insert into neon_proxy_probe (id, amount) values ($1, 1)", [lost])
      await client.query("insert into neon_proxy_probe (id, amount) values ($1, 1)", [ids[0]])
    }).catch((e: unknown) => e)
    expect(failed).toMatchObject({ code: "23505" })
    expect((await db.query("select count(*)::int as n from neon_proxy_probe where id = $1", [lost])).rows[0].n).toBe(0)
    // The next transactions on the same pooled connections are not inside an aborted one.
    for (let i = 0; i < 3; i++)
      expect((await inPoolTransaction((client) => client.query("select 1 as one"))).rows).toEqual([{ one: 1 }])
  })

  test("a client gone in the middle of a transaction leaves nothing behind", async () => {
    const id = `gone_${Date.now()}`
    const pool = new Pool({ connectionString: url })
    const client = await pool.connect()
    await client.query("begin")
    await client.query("insert into neon_proxy_probe (id, amount) values ($1, 1)", [id])
    client.release(true) // destroys the connection: its WebSocket closes with the transaction open
    await pool.end()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await db.query("select count(*)::int as n from neon_proxy_probe where id = $1", [id])).rows[0].n).toBe(0)
    expect(
      (await inPoolTransaction((c) => c.query("select count(*)::int as n from neon_proxy_probe where id = $1", [id])))
        .rows,
    ).toEqual([{ n: 0 }])
  })

  test("a wrong password is refused", async () => {
    const wrong = new URL(url)
    wrong.password = "not-the-password"
    const pool = new Pool({ connectionString: wrong.toString() })
    await expect(pool.query("select 1")).rejects.toThrow(/password/)
    await pool.end()
  })
})
