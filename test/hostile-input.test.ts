import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { adminToken } from "./helpers/admin"
import { startNeonProxy, type NeonProxy } from "../scripts/lib/neon-proxy"
import { freePort } from "../scripts/lib/ports"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

let worker: TestWorker
let token: string
let db: pg.Client
const key = () => inject("demoKey")

beforeAll(async () => {
  worker = await startWorker()
  token = await adminToken(worker, `hostile-${Date.now()}@example.com`)
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await worker.fetch(path, {
    method,
    headers: {
      "x-publishable-api-key": key(),
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json }
}
const count = async (table: string) => Number((await db.query(`select count(*) from "${table}"`)).rows[0].count)

describe("hostile input is a clear 4xx that changes nothing", () => {
  test("a NUL character in a body, a query or a path is a 400 naming where it is", async () => {
    const carts = await count("cart")
    const body = await send("POST", "/store/carts", { region_id: "a\u0000b" })
    expect(body).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "body region_id must not contain a NUL character (\\u0000)" },
    })
    const nested = await send("POST", "/store/carts", {
      shipping_address: { first_name: "x", metadata: { "k\u0000": 1 } },
    })
    expect(nested.status).toBe(400)
    expect(nested.body.message).toMatch(/^body shipping_address\.metadata\.k/)
    expect(await count("cart")).toBe(carts)
    for (const path of ["/store/products?q=%00", "/admin/products?q=a%00b", "/admin/customers?q=%00"]) {
      const res = await send("GET", path)
      expect([path, res.status, res.body.type]).toEqual([path, 400, "invalid_data"])
      expect(res.body.message).toMatch(/query parameter q must not contain a NUL character/)
    }
    const inPath = await send("GET", "/store/carts/cart_%00x")
    expect(inPath).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "The path must not contain a NUL character (%00)" },
    })
  })

  test("an unknown filter operator is a 400 naming it; Medusa's own operators pass", async () => {
    for (const path of [
      "/admin/products?created_at[$foo]=1",
      "/admin/orders?created_at[$gte]=2026-01-01&updated_at[$drop]=x",
      "/store/products?id[$regex]=a",
    ]) {
      const res = await send("GET", path)
      expect([path, res.status, res.body.type]).toEqual([path, 400, "invalid_data"])
      expect(res.body.message).toMatch(/^Unknown filter operator \$\w+ in (created_at|updated_at|id)$/)
    }
    expect((await send("GET", "/admin/orders?created_at[$gte]=2026-01-01")).status).toBe(200)
  })

  test("fields naming Object.prototype's own members are unknown fields, not a 500", async () => {
    for (const path of ["/store/products", "/store/regions", "/admin/products", "/admin/customers"]) {
      for (const fields of ["__proto__", "constructor.prototype", "toString", "*__proto__", "+hasOwnProperty"]) {
        const res = await send("GET", `${path}?fields=${encodeURIComponent(fields)}&limit=1`)
        expect([path, fields, res.status]).toEqual([path, fields, 200])
        const rows = Object.values(res.body).find(Array.isArray) as Json[]
        for (const row of rows) expect(Object.hasOwn(row, "constructor") || Object.hasOwn(row, "toString")).toBe(false)
      }
    }
  })

  test("a body over 1 MiB is a 413 before it is read, and nothing is stored", async () => {
    const carts = await count("cart")
    const res = await send("POST", "/store/carts", JSON.stringify({ metadata: { blob: "x".repeat(1024 * 1024 + 1) } }))
    expect(res).toMatchObject({
      status: 413,
      body: { type: "invalid_data", message: "The request body is larger than 1048576 bytes" },
    })
    expect(await count("cart")).toBe(carts)
    const large = await send("POST", "/store/carts", { metadata: { blob: "x".repeat(900 * 1024) } })
    expect(large).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "metadata: must be at most 65536 bytes as JSON" },
    })
    expect(await count("cart")).toBe(carts)
  })

  test("metadata is bounded in keys, key length and size everywhere it is taken; within bounds it is stored whole", async () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]))
    const cases: [unknown, string][] = [
      [manyKeys, "metadata: must have at most 100 keys"],
      [{ ["k".repeat(201)]: 1 }, `metadata: key ${"k".repeat(40)}… is longer than 200 characters`],
      [{ blob: "é".repeat(40 * 1024) }, "metadata: must be at most 65536 bytes as JSON"],
    ]
    const carts = await count("cart")
    const products = (await send("GET", "/admin/products?limit=1&fields=id,metadata")).body.products[0]
    for (const [metadata, message] of cases) {
      expect(await send("POST", "/store/carts", { metadata })).toMatchObject({
        status: 400,
        body: { type: "invalid_data", message },
      })
      expect(await send("POST", `/admin/products/${products.id}`, { metadata })).toMatchObject({
        status: 400,
        body: { type: "invalid_data", message },
      })
      expect(
        await send("POST", "/admin/customers", { email: `meta-${Date.now()}@example.com`, metadata }),
      ).toMatchObject({ status: 400, body: { message } })
    }
    expect(await count("cart")).toBe(carts)
    expect((await send("GET", `/admin/products/${products.id}?fields=id,metadata`)).body.product.metadata).toEqual(
      products.metadata,
    )
    const fits = {
      ...Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`k${i}`, i])),
      blob: "x".repeat(60 * 1024),
    }
    const cart = await send("POST", "/store/carts", { metadata: fits })
    expect(cart.status).toBe(200)
    expect(cart.body.cart.metadata).toEqual(fits)
  })
})

describe("an unreachable database is a 503 with Retry-After", () => {
  let offline: TestWorker
  let proxy: NeonProxy
  beforeAll(async () => {
    // The local Neon stand-in in front of a port where no Postgres listens: both of its endpoints fail to connect.
    const url = new URL(inject("databaseUrl"))
    url.port = String(await freePort())
    proxy = await startNeonProxy({ host: url.hostname, port: Number(url.port) }, { pooled: true })
    offline = await startWorker({ DATABASE_URL: url.toString(), DATABASE_WS_PROXY: proxy.address })
  })
  afterAll(async () => {
    await offline?.dispose()
    await proxy?.close()
  })

  test("reads and writes alike", async () => {
    for (const [method, path] of [
      ["GET", "/store/regions"],
      ["POST", "/store/carts"],
      ["GET", "/admin/products"],
    ] as const) {
      const res = await offline.fetch(path, {
        method,
        headers: {
          "x-publishable-api-key": key(),
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
        },
        body: method === "POST" ? "{}" : undefined,
      })
      expect([path, res.status]).toEqual([path, 503])
      expect(res.headers.get("retry-after")).toBe("5")
      expect(await res.json()).toEqual({
        type: "unexpected_state",
        message: "The database is unavailable right now. Try again in a few seconds.",
      })
    }
  })
})
