import { execFile } from "node:child_process"
import { promisify } from "node:util"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { ROOT } from "../scripts/lib/build"
import { startNeonProxy, type NeonProxy } from "../scripts/lib/neon-proxy"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { shopper } from "./helpers/shopper"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

// A stand-in of its own, so that its counters see only this file's Worker.
let proxy: NeonProxy
let worker: TestWorker
let fx: CheckoutFixture
let db: pg.Client

beforeAll(async () => {
  fx = await createCheckoutFixture({
    limitedStock: 1000,
    countries: { euro: ["cr", "sv"], won: "ni", noPayment: "do" },
  })
  const target = new URL(inject("databaseUrl"))
  proxy = await startNeonProxy({ host: target.hostname, port: Number(target.port) }, { pooled: true })
  worker = await startWorker({ DATABASE_WS_PROXY: proxy.address })
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
})
afterAll(async () => {
  await worker?.dispose()
  await proxy?.close()
  await db?.end()
})

/** A Store call; its statement count is required, so a missing header fails the test. */
async function counted(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await worker.fetch(path, {
    method,
    headers: { "x-publishable-api-key": fx.key, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const statements = res.headers.get("x-sql-statements")
  if (statements === null) throw new Error(`${method} ${path}: no x-sql-statements header`)
  expect(Number.isInteger(Number(statements))).toBe(true)
  return { status: res.status, body: (await res.json()) as Json, statements: Number(statements) }
}

/** The storefront's checkout, call by call: the statements of each, and the order. */
async function checkout() {
  const steps: number[] = []
  const step = async (method: string, path: string, body?: unknown) => {
    const result = await counted(method, path, body)
    expect([path, result.status]).toEqual([path, 200])
    steps.push(result.statements)
    return result.body
  }
  const address = {
    first_name: "A",
    last_name: "B",
    address_1: "Calle 1",
    city: "San José",
    country_code: "cr",
    postal_code: "10101",
  }
  const { cart } = await step("POST", "/store/carts", {
    region_id: fx.regions.euro,
    items: [{ variant_id: fx.variants.tee, quantity: 2 }],
  })
  await step("POST", `/store/carts/${cart.id}`, { email: "paths@example.com", shipping_address: address })
  const { shipping_options } = await step("GET", `/store/shipping-options?cart_id=${cart.id}`)
  await step("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await step("POST", "/store/payment-collections", { cart_id: cart.id })
  await step("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const result = await step("POST", `/store/carts/${cart.id}/complete`)
  expect(result.type).toBe("order")
  return { steps, order: result.order as Json }
}

describe("the database paths: reads over HTTP, transactions on a Pool", () => {
  test("a storefront checkout (7 calls) costs at most 60 SQL statements once the catalog is cached; the order is stored", async () => {
    await checkout()
    const { steps, order } = await checkout()
    expect(steps).toHaveLength(7)
    expect(steps.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(60)
    expect(order).toMatchObject({
      email: "paths@example.com",
      item_subtotal: 19.98,
      // Exact decimals, not a float sum: 19.98 × 1.2 = 23.976 and 4.90 × 1.2 = 5.88 make 29.856.
      item_total: 23.976,
      shipping_total: 5.88,
      total: 29.856,
    })
    const { rows } = await db.query(
      `select o.id, count(l.id)::int as lines from "order" o join order_line_item l on l.order_id = o.id where o.id = $1 group by o.id`,
      [order.id],
    )
    expect(rows).toEqual([{ id: order.id, lines: 1 }])
  })

  test("reads log in to nothing: no Pool connection per request; each transaction opens exactly one, and no new backend", async () => {
    const before = proxy.wsConnections
    for (let i = 0; i < 20; i++) {
      // no-cache: each read goes to Postgres (over HTTP), not to the catalog cache
      const res = await counted("GET", `/store/products?limit=5&offset=${i % 3}`, undefined, {
        "cache-control": "no-cache",
      })
      expect(res.status).toBe(200)
      expect(res.statements).toBeGreaterThan(0)
    }
    const regions = await counted("GET", "/store/regions", undefined, { "cache-control": "no-cache" })
    expect(regions.status).toBe(200)
    expect(proxy.wsConnections).toBe(before)
    const pooled = proxy.httpConnections
    expect(pooled).toBeGreaterThan(0)
    expect(pooled).toBeLessThanOrEqual(16)

    const created = await counted("POST", "/store/carts", { region_id: fx.regions.euro })
    expect(created.status).toBe(200)
    expect(proxy.wsConnections).toBe(before + 1)
    const read = await counted("GET", `/store/carts/${created.body.cart.id}`)
    expect(read.status).toBe(200)
    expect(proxy.wsConnections).toBe(before + 1)
    // Ten more transactions, one after another: the pooled endpoint reuses its Postgres connections.
    const backends = proxy.pooledConnections
    for (let i = 0; i < 10; i++) {
      expect((await counted("POST", `/store/carts/${created.body.cart.id}`, { metadata: { step: i } })).status).toBe(
        200,
      )
    }
    expect(proxy.wsConnections).toBe(before + 11)
    expect(proxy.pooledConnections).toBe(backends)
  })

  test("a refused cart changes nothing; the next checkout still completes", async () => {
    const carts = Number((await db.query("select count(*) from cart")).rows[0].count)
    const refused = await counted("POST", "/store/carts", {
      region_id: fx.regions.euro,
      items: [{ variant_id: "variant_missing", quantity: 1 }],
    })
    expect(refused.status).toBe(400)
    expect(Number((await db.query("select count(*) from cart")).rows[0].count)).toBe(carts)
    const { readyCart, post } = shopper(worker, fx.key, {
      region: fx.regions.euro,
      country: "cr",
      shippingOption: fx.options.standard,
    })
    const id = await readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])
    expect((await post(`/store/carts/${id}/complete`)).body.type).toBe("order")
  })
})

describe("npm run migrate, user and seed against a local DATABASE_URL, with no npm run dev running", () => {
  const run = promisify(execFile)
  const script = (name: string, args: string[] = []) =>
    run(`${ROOT}node_modules/.bin/tsx`, [`scripts/${name}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), DATABASE_WS_PROXY: "" },
      timeout: 60_000,
    })

  test("each one works and says what it did", async () => {
    expect((await script("migrate")).stdout).toMatch(/up to date|applied/)
    const email = `script-${Date.now()}@example.com`
    expect((await script("user", ["-e", email, "-p", "secret-pw"])).stdout).toMatch(
      new RegExp(`admin user ${email} created`),
    )
    expect((await db.query(`select count(*)::int as n from "user" where email = $1`, [email])).rows[0].n).toBe(1)
    await expect(script("seed")).resolves.toBeDefined()
  }, 120_000)
})
