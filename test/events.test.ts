import { createHash } from "node:crypto"
import { createServer, type Server } from "node:http"
import { SignJWT } from "jose"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { freePort } from "../scripts/lib/ports"
import { closeServer } from "./helpers/close-server"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { startQStashStandIn, type QStashStandIn } from "./helpers/qstash"
import type { EventOutboxService } from "../src/infra/event-outbox-service"
import { withServices } from "./helpers/services"
import { shopper } from "./helpers/shopper"
import { startWorker, type TestWorker } from "./helpers/worker"

const SUBSCRIBER = "order-placed-logger"
let fx: CheckoutFixture
let qstash: QStashStandIn
let worker: TestWorker
let gateway: { url: string; failFirst: boolean; close(): Promise<void> }
let db: pg.Client

/**
 * In front of the Worker, where QStash delivers: with failFirst, the first attempt of each
 * message gets a 500 (a transient failure), later attempts pass through.
 */
async function startGateway(target: () => string) {
  const failed = new Set<string>()
  const state = { failFirst: false }
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", async () => {
      const messageId = String(req.headers["upstash-message-id"])
      if (state.failFirst && !failed.has(messageId)) {
        failed.add(messageId)
        return res.writeHead(500).end("forced failure")
      }
      try {
        const forwarded = await fetch(`${target()}${req.url}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "upstash-signature": String(req.headers["upstash-signature"]),
          },
          body,
        })
        res.writeHead(forwarded.status, { "content-type": "application/json" }).end(await forwarded.text())
      } catch {
        res.writeHead(502).end("the Worker is not answering")
      }
    })
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))
  return Object.assign(state, { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) })
}

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 10, countries: { euro: ["ee", "lv"], won: "lt", noPayment: "lu" } })
  qstash = await startQStashStandIn()
  const port = await freePort()
  gateway = await startGateway(() => `http://127.0.0.1:${port}`)
  worker = await startWorker(
    {
      QSTASH_TOKEN: qstash.token,
      QSTASH_URL: qstash.url,
      QSTASH_CURRENT_SIGNING_KEY: qstash.currentSigningKey,
      QSTASH_NEXT_SIGNING_KEY: qstash.nextSigningKey,
      PUBLIC_URL: gateway.url,
    },
    { port },
  )
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
}, 120_000)
afterAll(async () => {
  await worker?.dispose()
  await gateway?.close()
  await qstash?.stop()
  await db?.end()
})

const api = () =>
  shopper(worker, fx.key, { region: fx.regions.euro, country: "ee", shippingOption: fx.options.standard })

async function placeOrder(): Promise<string> {
  const cart = await api().readyCart([{ variant_id: fx.variants.unmanaged, quantity: 1 }])
  const completed = await api().post(`/store/carts/${cart}/complete`)
  expect(completed.body.type).toBe("order")
  return completed.body.order.id
}

async function placedEvent(orderId: string) {
  const { rows } = await db.query(
    "select id, published_at from event_outbox where name = 'order.placed' and data->>'id' = $1",
    [orderId],
  )
  return rows[0] as { id: string; published_at: Date | null }
}

async function delivery(eventId: string) {
  const { rows } = await db.query(
    "select status, attempts from event_delivery where event_id = $1 and subscriber_id = $2",
    [eventId, SUBSCRIBER],
  )
  return rows[0] as { status: string; attempts: number } | undefined
}

// Other subscribers (the built-in mails) get their own deliveries of the same event.
const ofLogger = (d: { destination: string; body: string }, eventId: string) =>
  d.destination.endsWith(`/hooks/subscribers/${SUBSCRIBER}`) && d.body.includes(eventId)

const completedFor = (eventId: string) =>
  expect.poll(() => delivery(eventId), { timeout: 10_000, interval: 100 }).toEqual({ status: "completed", attempts: 1 })
const logLines = (orderId: string) =>
  worker
    .output()
    .split("\n")
    .filter((line) => line.includes(`order.placed: order ${orderId} `)).length

describe("order.placed over QStash", () => {
  test("an order placed in workerd reaches its subscriber once, through a signed delivery", async () => {
    const orderId = await placeOrder()
    const event = await placedEvent(orderId)
    await completedFor(event.id)
    expect((await placedEvent(orderId)).published_at).not.toBeNull()
    // The stand-in records a delivery once the webhook's answer is read, which can be after the claim is stored.
    await expect.poll(() => qstash.deliveries.filter((d) => ofLogger(d, event.id)).length).toBeGreaterThan(0)
    const attempts = qstash.deliveries.filter((d) => ofLogger(d, event.id))
    expect(attempts.map((d) => [d.destination, d.status])).toEqual([
      [`${gateway.url}/hooks/subscribers/${SUBSCRIBER}`, 200],
    ])
    expect(JSON.parse(attempts[0]!.body)).toEqual({ id: event.id, name: "order.placed", data: { id: orderId } })
    await expect.poll(() => logLines(orderId)).toBe(1)
  })

  test("a forced 500 is retried, then the handler runs once", async () => {
    gateway.failFirst = true
    try {
      const orderId = await placeOrder()
      const event = await placedEvent(orderId)
      await completedFor(event.id)
      await qstash.idle()
      expect(qstash.deliveries.filter((d) => ofLogger(d, event.id)).map((d) => d.status)).toEqual([500, 200])
      expect(logLines(orderId)).toBe(1)
    } finally {
      gateway.failFirst = false
    }
  })

  test("a duplicate delivery runs nothing", async () => {
    const orderId = await placeOrder()
    const event = await placedEvent(orderId)
    await completedFor(event.id)
    const original = qstash.deliveries.find((d) => ofLogger(d, event.id) && d.status === 200)!
    const again = await fetch(original.destination, {
      method: "POST",
      headers: { "content-type": "application/json", "upstash-signature": original.signature },
      body: original.body,
    })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ status: "duplicate" })
    expect(await delivery(event.id)).toEqual({ status: "completed", attempts: 1 })
    expect(logLines(orderId)).toBe(1)
  })

  test("unsigned, forged, tampered and misaddressed deliveries are refused and run nothing", async () => {
    const body = JSON.stringify({ id: `evt_forged_${Date.now()}`, name: "order.placed", data: { id: "order_x" } })
    const url = `${gateway.url}/hooks/subscribers/${SUBSCRIBER}`
    const sign = (key: string, subject: string, signedBody: string) =>
      new SignJWT({ body: createHash("sha256").update(signedBody).digest("base64url") })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer("Upstash")
        .setSubject(subject)
        .setIssuedAt()
        .setNotBefore("0s")
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(key))
    const post = (signature: string | undefined, payload = body, path = `/hooks/subscribers/${SUBSCRIBER}`) =>
      worker.fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...(signature ? { "upstash-signature": signature } : {}) },
        body: payload,
      })
    expect((await post(undefined)).status).toBe(401)
    expect((await post(await sign("not-the-signing-key", url, body))).status).toBe(401)
    expect(
      (await post(await sign(qstash.currentSigningKey, url, body), body.replace("order_x", "order_y"))).status,
    ).toBe(401)
    expect(
      (await post(await sign(qstash.currentSigningKey, `${gateway.url}/hooks/subscribers/other`, body))).status,
    ).toBe(401)
    expect(
      (await post(await sign(qstash.currentSigningKey, url, body), body, "/hooks/subscribers/no-such-subscriber"))
        .status,
    ).toBe(404)
    // Signed, but not JSON: refused as not an event, never a 500.
    const broken = await post(await sign(qstash.currentSigningKey, url, "{not json"), "{not json")
    expect(broken.status).toBe(400)
    expect(await broken.json()).toEqual({ type: "invalid_data", message: "The message is not an event" })
    const { rows } = await db.query("select 1 from event_delivery where event_id like 'evt_forged_%'")
    expect(rows).toEqual([])
  })

  test("an event committed but never published (a crash) is published by the repair job", async () => {
    const orderId = await placeOrder()
    const lost = `evt_lost_${Date.now()}`
    await db.query(
      "insert into event_outbox (id, name, data, created_at) values ($1, 'order.placed', $2, now() - interval '2 minutes')",
      [lost, JSON.stringify({ id: orderId })],
    )
    await worker.scheduled("* * * * *")
    await completedFor(lost)
    const { rows } = await db.query("select published_at from event_outbox where id = $1", [lost])
    expect(rows[0].published_at).not.toBeNull()
  })
})

describe("the local event bus (development)", () => {
  test("the same subscriber runs in-process after the response, once, through the dedup table", async () => {
    const local = await startWorker()
    try {
      const api = shopper(local, fx.key, {
        region: fx.regions.euro,
        country: "ee",
        shippingOption: fx.options.standard,
      })
      const cart = await api.readyCart([{ variant_id: fx.variants.unmanaged, quantity: 1 }])
      const orderId = (await api.post(`/store/carts/${cart}/complete`)).body.order.id
      const event = await placedEvent(orderId)
      await completedFor(event.id)
      // Marked published just after its deliveries complete.
      await expect.poll(async () => (await placedEvent(orderId)).published_at).not.toBeNull()
      expect(qstash.deliveries.some((d) => d.body.includes(event.id))).toBe(false)
      await expect
        .poll(
          () =>
            local
              .output()
              .split("\n")
              .filter((line) => line.includes(`order.placed: order ${orderId} `)).length,
        )
        .toBe(1)
    } finally {
      await local.dispose()
    }
  })

  test("a rolled-back change emits nothing", async () => {
    const marker = `rollback-${Date.now()}`
    const failed = withServices(async (scope) => {
      await scope.resolve<EventOutboxService>("eventOutboxService").emit({ name: "cart.updated", data: { id: marker } })
      expect((await db.query("select 1 from event_outbox where data->>'id' = $1", [marker])).rows).toEqual([]) // not visible before commit
      throw new Error("the change fails after emitting")
    })
    await expect(failed).rejects.toThrow("the change fails after emitting")
    expect((await db.query("select 1 from event_outbox where data->>'id' = $1", [marker])).rows).toEqual([])
  })
})

describe("load", () => {
  test("200 orders placed concurrently → exactly 200 handler completions", async () => {
    // The carts are made 50 at a time; the 200 completions are what runs at once.
    const carts: string[] = []
    for (let batch = 0; batch < 4; batch++) {
      carts.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, () => api().readyCart([{ variant_id: fx.variants.unmanaged, quantity: 1 }])),
        )),
      )
    }
    const results = await Promise.all(carts.map((cart) => api().post(`/store/carts/${cart}/complete`)))
    const orderIds = results.map((r) => r.body.order.id as string)
    expect(new Set(orderIds).size).toBe(200)
    const count = async () => {
      const { rows } = await db.query(
        `select count(*)::int as completed, coalesce(max(d.attempts), 0)::int as max_attempts from event_outbox o
         join event_delivery d on d.event_id = o.id and d.subscriber_id = $2
         where o.name = 'order.placed' and o.data->>'id' = any($1) and d.status = 'completed'`,
        [orderIds, SUBSCRIBER],
      )
      return rows[0]
    }
    await expect.poll(count, { timeout: 60_000, interval: 250 }).toEqual({ completed: 200, max_attempts: 1 })
    const { rows } = await db.query(
      "select count(*)::int as n from event_outbox where name = 'order.placed' and data->>'id' = any($1) and published_at is null",
      [orderIds],
    )
    expect(rows[0].n).toBe(0)
  }, 180_000)
})
