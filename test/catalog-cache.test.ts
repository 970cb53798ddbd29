import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { MEMORY_TTL_MS } from "../src/infra/catalog-cache"
import { adminToken } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { shopper } from "./helpers/shopper"
import { startUpstashStandIn, type UpstashStandIn } from "./helpers/upstash-redis"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

// Two Workers are two isolates; the Upstash stand-in on redis-server is the tier they share.
let upstash: UpstashStandIn
let a: TestWorker
let b: TestWorker
let fx: CheckoutFixture
let token: string
let db: pg.Client
const STOCK_FIELDS = "id,title,*variants,+variants.inventory_quantity"

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 1, countries: { euro: ["uy", "bo"], won: "ec", noPayment: "ve" } })
  upstash = await startUpstashStandIn()
  const shared = { REDIS_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstash.token }
  ;[a, b] = await Promise.all([startWorker(shared), startWorker(shared)])
  token = await adminToken(a, `cache-${Date.now()}@example.com`)
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
})
afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()])
  await upstash?.stop()
  await db?.end()
})

async function storeGet(worker: TestWorker, path: string, key = fx.key) {
  const res = await worker.fetch(path, { headers: { "x-publishable-api-key": key } })
  return {
    status: res.status,
    body: (await res.json()) as Json,
    tier: res.headers.get("x-catalog-cache"),
    statements: res.headers.get("x-sql-statements"),
  }
}

async function admin(method: string, path: string, body?: unknown) {
  const res = await a.fetch(path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}

const productOf = (body: Json, variantId: string) =>
  body.products.find((p: Json) => p.variants.some((v: Json) => v.id === variantId))

/** Reads until `done` holds; returns how long after `since` it first did. */
async function visibleAfter(since: number, read: () => Promise<boolean>): Promise<number> {
  while (!(await read())) {
    if (Date.now() - since > 10_000) throw new Error("not visible after 10 s")
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return Date.now() - since
}

describe("the Store catalog cache: isolate memory, then Upstash Redis, invalidated by what commits", () => {
  test("a repeated read is answered from memory without SQL; another isolate finds it in the shared tier", async () => {
    const path = `/store/regions?id=${fx.regions.euro}`
    const first = await storeGet(a, path)
    expect(first.status).toBe(200)
    expect(first.tier).toBe("miss")
    expect(Number(first.statements)).toBeGreaterThan(0)
    const again = await storeGet(a, path)
    expect(again).toMatchObject({ tier: "memory", statements: "0", body: first.body })
    const elsewhere = await storeGet(b, path)
    expect(elsewhere).toMatchObject({ tier: "shared", body: first.body })
    expect(elsewhere.statements).not.toBeNull()
    expect(await upstash.redis.keys("catalog:*")).not.toHaveLength(0)
  })

  test("an admin's change is seen at once in its isolate and within the memory bound in the other; its event is in the outbox", async () => {
    const path = `/store/products?fields=id,title,*variants&limit=50`
    const before = await storeGet(b, path)
    const product = productOf(before.body, fx.variants.tee)
    expect((await storeGet(b, path)).tier).toBe("memory")
    await storeGet(a, path)

    const title = `Tee ${Date.now()}`
    const changed = Date.now()
    expect((await admin("POST", `/admin/products/${product.id}`, { title })).status).toBe(200)
    const mine = await storeGet(a, path)
    expect(productOf(mine.body, fx.variants.tee).title).toBe(title)
    const lag = await visibleAfter(
      changed,
      async () => productOf((await storeGet(b, path)).body, fx.variants.tee).title === title,
    )
    expect(lag).toBeLessThanOrEqual(MEMORY_TTL_MS + 1000)

    const { rows } = await db.query(
      "select id, data from event_outbox where name = 'catalog.invalidated' and created_at >= to_timestamp($1 / 1000.0) - interval '1 second'",
      [changed],
    )
    expect(rows.map((row) => row.data.tags)).toContainEqual(["products"])
    // Done before the answer, the event is only marked published: nothing is delivered again.
    const event = rows.find((row) => JSON.stringify(row.data.tags) === '["products"]')!.id
    await visibleAfter(
      Date.now(),
      async () =>
        (await db.query("select published_at from event_outbox where id = $1", [event])).rows[0].published_at !== null,
    )
    expect(
      (await db.query("select count(*)::int as n from event_delivery where event_id = $1", [event])).rows[0].n,
    ).toBe(0)
    // A refused change changes nothing and invalidates nothing.
    const events = Number(
      (await db.query("select count(*) from event_outbox where name = 'catalog.invalidated'")).rows[0].count,
    )
    expect((await admin("POST", `/admin/products/${product.id}`, { title: 42 })).status).toBe(400)
    expect(["memory", "shared"]).toContain((await storeGet(a, path)).tier)
    expect(
      Number((await db.query("select count(*) from event_outbox where name = 'catalog.invalidated'")).rows[0].count),
    ).toBe(events)
  })

  test("a stale stock figure never sells stock that is gone: completion checks Postgres", async () => {
    const path = `/store/products?fields=${encodeURIComponent(STOCK_FIELDS)}&limit=50`
    const variantOf = (body: Json) =>
      productOf(body, fx.variants.limited).variants.find((v: Json) => v.id === fx.variants.limited)
    expect(variantOf((await storeGet(b, path)).body).inventory_quantity).toBe(1)
    expect((await storeGet(b, path)).tier).toBe("memory")

    const defaults = { region: fx.regions.euro, country: "uy", shippingOption: fx.options.standard }
    const buyer = shopper(a, fx.key, defaults)
    const late = shopper(b, fx.key, defaults)
    const [first, second] = [
      await buyer.readyCart([{ variant_id: fx.variants.limited, quantity: 1 }]),
      await late.readyCart([{ variant_id: fx.variants.limited, quantity: 1 }]),
    ]
    const sold = Date.now()
    expect((await buyer.post(`/store/carts/${first}/complete`)).body.type).toBe("order")
    // b may still show 1 in stock for a moment; its checkout asks Postgres and is refused.
    const refused = await late.post(`/store/carts/${second}/complete`)
    expect(refused.body.type).toBe("cart")
    expect(refused.body.error.message).toMatch(/inventory|stock/i)
    expect(
      Number(
        (
          await db.query(
            `select count(*) from "order" where id in (select id from "order" where created_at >= to_timestamp($1 / 1000.0) - interval '1 second') and email = 'ada@example.com'`,
            [sold],
          )
        ).rows[0].count,
      ),
    ).toBeGreaterThanOrEqual(1)
    const lag = await visibleAfter(sold, async () => variantOf((await storeGet(b, path)).body).inventory_quantity === 0)
    expect(lag).toBeLessThanOrEqual(MEMORY_TTL_MS + 3000)
  })

  test("a new shipping price reaches the cart's options and the shipping method in every isolate within the bound", async () => {
    const defaults = { region: fx.regions.euro, country: "uy", shippingOption: fx.options.standard }
    const cartId = await shopper(b, fx.key, defaults).readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])
    const amountOf = async () =>
      (await storeGet(b, `/store/shipping-options?cart_id=${cartId}`)).body.shipping_options.find(
        (o: Json) => o.id === fx.options.standard,
      ).amount
    expect(await amountOf()).toBe(4.9)
    const changed = Date.now()
    expect(
      (
        await admin("POST", `/admin/shipping-options/${fx.options.standard}`, {
          prices: [
            { currency_code: "eur", amount: 5.5 },
            { currency_code: "krw", amount: 3000 },
          ],
        })
      ).status,
    ).toBe(200)
    expect(await visibleAfter(changed, async () => (await amountOf()) === 5.5)).toBeLessThanOrEqual(
      MEMORY_TTL_MS + 1000,
    )
    const method = await shopper(b, fx.key, defaults).post(`/store/carts/${cartId}/shipping-methods`, {
      option_id: fx.options.standard,
    })
    expect(method.body.cart.shipping_methods[0].amount).toBe(5.5)
  })

  test("a revoked publishable key is refused by every isolate within the bound", async () => {
    const created = await admin("POST", "/admin/api-keys", { title: "revoke me", type: "publishable" })
    const key = created.body.api_key
    expect((await admin("POST", `/admin/api-keys/${key.id}/sales-channels`, { add: [fx.channel] })).status).toBe(200)
    expect((await storeGet(b, "/store/regions", key.token)).status).toBe(200)
    expect((await storeGet(b, "/store/regions", key.token)).tier).toBe("memory")
    const revoked = Date.now()
    expect((await admin("POST", `/admin/api-keys/${key.id}/revoke`, {})).status).toBe(200)
    expect((await storeGet(a, "/store/regions", key.token)).status).toBe(400)
    const lag = await visibleAfter(revoked, async () => (await storeGet(b, "/store/regions", key.token)).status === 400)
    expect(lag).toBeLessThanOrEqual(MEMORY_TTL_MS + 1000)
  })
})
