import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { runMigrations } from "../scripts/lib/migrate"
import { seedIfEmpty } from "../scripts/lib/seed"
import { resolveConfig, searchPathSchema } from "../src/config"
import { startCrashableDatabase, type CrashableDatabase } from "./helpers/crashable-database"
import { address } from "./helpers/shopper"
import { startWorker, type TestWorker } from "./helpers/worker"

/**
 * Postgres dies hard (SIGKILL to the postmaster and every backend) under checkout load: every
 * answer is then a success or a 503 the client can retry, never a 500; started again, the database
 * is consistent (crash recovery keeps each checkout all or nothing) and checkouts complete again.
 * The database is this file's own: the shared test Postgres of the global setup is never touched.
 */

type Json = Record<string, any>
type Phase = "before" | "outage" | "after"

interface Answer {
  phase: Phase
  step: string
  status: number
  body: Json | undefined
  retryAfter: string | null
}

const SHOPPERS = 10
/** completions to reach before the kill */
const COMPLETIONS_BEFORE = 15
/** how long the shoppers keep going against the dead database */
const OUTAGE_MS = 2_500
/** no single request may take longer: a hung request fails the test instead of stalling it */
const REQUEST_TIMEOUT_MS = 20_000

let workDir: string
let database: CrashableDatabase
let worker: TestWorker
let key: string
let region: string
let shippingOption: string
let variants: [string, string]

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "medusa-edge-outage-"))
  chmodSync(workDir, 0o755) // as root, Postgres runs as the "postgres" user and must reach its data dir
  database = await startCrashableDatabase({ dataDir: join(workDir, "postgres"), database: "medusa_outage" })
  await runMigrations(database.url, searchPathSchema(database.url), () => {})
  const config = resolveConfig({ projectConfig: { database_url: database.url } }, database.bindings)
  key = (await seedIfEmpty(config, () => {})).publishableKey!
  await withClient(async (db) => {
    region = (await db.query(`select id from region where name = 'Europe'`)).rows[0].id
    shippingOption = (
      await db.query(
        `select o.id from shipping_option o join service_zone z on z.id = o.service_zone_id where z.name = 'Europe' and o.name = 'Standard Shipping'`,
      )
    ).rows[0].id
    // Two stocked variants, the same for every shopper: their inventory levels are contended rows.
    const { rows } = await db.query(
      `select v.variant_id, l.id as level_id from product_variant_inventory_item v
       join inventory_level l on l.inventory_item_id = v.inventory_item_id order by v.variant_id limit 2`,
    )
    variants = [rows[0].variant_id, rows[1].variant_id]
    await db.query(`update inventory_level set stocked_quantity = 100000 where id = any($1)`, [
      rows.map((r) => r.level_id),
    ])
  })
  // The Worker's own database bindings replace the shared test database's.
  worker = await startWorker(database.bindings)
}, 120_000)

afterAll(async () => {
  await worker?.dispose()
  await database?.stop()
  if (workDir) rmSync(workDir, { recursive: true, force: true })
}, 60_000)

async function withClient<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: database.url })
  await db.connect()
  try {
    return await work(db)
  } finally {
    await db.end()
  }
}

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)),
    ),
  ])
}

/** The Worker's logged request failures (its error handler logs every 5xx), for a failing assertion's message. */
function failures(output: string): string {
  const logged = output.split(/\n(?=\[)/).filter((entry) => / failed:/.test(entry) && !/ 503 /.test(entry))
  return logged.slice(0, 3).join("\n").slice(0, 6_000)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Everything the shoppers were answered, and what their checkouts became. */
const answers: Answer[] = []
const orders = new Map<string, string>() // cart id → order id, as answered
/** carts whose completion was answered with something other than an order: retried after the restart */
const unsettled = new Set<string>()
let phase: Phase = "before"

async function request(step: string, method: string, path: string, body?: unknown): Promise<Json | undefined> {
  const res = await timeout(
    worker.fetch(path, {
      method,
      headers: { "x-publishable-api-key": key, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    REQUEST_TIMEOUT_MS,
    `${method} ${path}`,
  )
  const text = await res.text()
  let json: Json | undefined
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  // Answered after the kill began: an outage answer, whenever the request started.
  answers.push({
    phase,
    step,
    status: res.status,
    body: json ?? { unparsed: text.slice(0, 200) },
    retryAfter: res.headers.get("retry-after"),
  })
  return res.status === 200 ? json : undefined
}

/** One storefront checkout, call by call; gives up at the first call not answered 200. */
async function checkout(): Promise<string | undefined> {
  const created = await request("create cart", "POST", "/store/carts", {
    region_id: region,
    items: [
      { variant_id: variants[0], quantity: 1 },
      { variant_id: variants[1], quantity: 2 },
    ],
  })
  if (!created) return undefined
  const id = created.cart.id as string
  if (
    !(await request("address", "POST", `/store/carts/${id}`, {
      email: "outage@example.com",
      shipping_address: address("de"),
      billing_address: address("de"),
    }))
  )
    return undefined
  if (!(await request("shipping", "POST", `/store/carts/${id}/shipping-methods`, { option_id: shippingOption })))
    return undefined
  const collection = await request("payment collection", "POST", "/store/payment-collections", { cart_id: id })
  if (!collection) return undefined
  const session = await request(
    "payment session",
    "POST",
    `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
    {
      provider_id: "pp_system_default",
    },
  )
  if (!session) return undefined
  const completed = await request("complete", "POST", `/store/carts/${id}/complete`)
  if (completed?.type !== "order") {
    unsettled.add(id)
    return undefined
  }
  orders.set(id, completed.order.id)
  return completed.order.id
}

/** A shopper checking out again and again until told to stop; a failed checkout is abandoned for a new cart. */
async function shopper(stop: () => boolean) {
  while (!stop()) {
    if (!(await checkout())) await sleep(50)
  }
}

const tally = (list: Answer[]) => {
  const counts: Record<string, number> = {}
  for (const a of list) counts[a.status] = (counts[a.status] ?? 0) + 1
  return counts
}

/** The invariants a crash must not break; each query lists the rows that break one (none expected). */
async function inconsistencies(db: pg.Client): Promise<Record<string, unknown[]>> {
  const rows = async (sql: string) => (await db.query(sql)).rows
  return {
    // A completed cart is exactly one order.
    completedCartWithoutOneOrder: await rows(
      `select c.id, count(o.id)::int as orders from cart c left join "order" o on o.cart_id = c.id
       where c.completed_at is not null group by c.id having count(o.id) <> 1`,
    ),
    // An order's cart is completed: no order from a half-finished completion.
    orderOfUncompletedCart: await rows(
      `select o.id from "order" o left join cart c on c.id = o.cart_id where c.completed_at is null`,
    ),
    // Every order has all of its cart's lines, its shipping method and its addresses.
    orderMissingParts: await rows(
      `select o.id from "order" o where
         (select count(*) from order_line_item l where l.order_id = o.id) = 0
         or (select count(*) from order_line_item l where l.order_id = o.id)
            <> (select count(*) from cart_line_item l where l.cart_id = o.cart_id and l.deleted_at is null)
         or (select count(*) from order_shipping_method m where m.order_id = o.id) <> 1
         or o.shipping_address_id is null or o.billing_address_id is null`,
    ),
    // The order's snapshotted totals add up to its lines' and shipping's.
    orderTotalsOff: await rows(
      `select o.id from "order" o where
         (o.totals->>'item_subtotal')::numeric <> (select coalesce(sum((l.totals->>'subtotal')::numeric), 0) from order_line_item l where l.order_id = o.id)
         or (o.totals->>'shipping_subtotal')::numeric <> (select coalesce(sum((m.totals->>'subtotal')::numeric), 0) from order_shipping_method m where m.order_id = o.id)
         or (o.totals->>'total')::numeric <> (o.totals->>'subtotal')::numeric + (o.totals->>'tax_total')::numeric
         or (o.totals->>'total')::numeric <= 0`,
    ),
    // One authorised payment of the order's total per order, and no payment without an order.
    orderPaymentOff: await rows(
      `select o.id from "order" o left join payment p on p.payment_collection_id = o.payment_collection_id
       left join payment_collection pc on pc.id = o.payment_collection_id
       group by o.id, o.totals, pc.status
       having count(p.id) <> 1 or min(p.amount) <> (o.totals->>'total')::numeric or pc.status is distinct from 'authorized'`,
    ),
    paymentWithoutOrder: await rows(
      `select p.id from payment p where not exists (select 1 from "order" o where o.payment_collection_id = p.payment_collection_id)`,
    ),
    // Each inventory level's reserved_quantity is the sum of its reservations.
    reservedQuantityOff: await rows(
      `select l.id, l.reserved_quantity, coalesce(sum(r.quantity), 0)::int as reservations from inventory_level l
       left join reservation_item r on r.inventory_item_id = l.inventory_item_id and r.location_id = l.location_id and r.deleted_at is null
       where l.deleted_at is null group by l.id having l.reserved_quantity <> coalesce(sum(r.quantity), 0)`,
    ),
    // Each order line of a stocked variant holds its quantity in reservations, and every reservation has its line.
    orderLineReservationOff: await rows(
      `select l.id from order_line_item l join product_variant_inventory_item v on v.variant_id = l.variant_id
       left join reservation_item r on r.line_item_id = l.id and r.deleted_at is null
       group by l.id, l.quantity, v.required_quantity having coalesce(sum(r.quantity), 0) <> l.quantity * v.required_quantity`,
    ),
    reservationWithoutLine: await rows(
      `select r.id from reservation_item r where r.line_item_id is not null and not exists (select 1 from order_line_item l where l.id = r.line_item_id)`,
    ),
    // order.placed is in the outbox once per order, committed with it.
    orderPlacedEventOff: await rows(
      `select o.id from "order" o where (select count(*) from event_outbox e where e.name = 'order.placed' and e.data->>'id' = o.id) <> 1`,
    ),
  }
}

const CONSISTENT = {
  completedCartWithoutOneOrder: [],
  orderOfUncompletedCart: [],
  orderMissingParts: [],
  orderTotalsOff: [],
  orderPaymentOff: [],
  paymentWithoutOrder: [],
  reservedQuantityOff: [],
  orderLineReservationOff: [],
  reservationWithoutLine: [],
  orderPlacedEventOff: [],
}

describe("the database killed under checkout load", () => {
  test("503 with Retry-After (never a 500) while it is down; consistent and serving again once restarted", async () => {
    const started = Date.now()
    let stopping = false
    const shoppers = Array.from({ length: SHOPPERS }, () => shopper(() => stopping))
    const running = Promise.all(shoppers)
    running.catch(() => (stopping = true)) // a shopper that threw (a timeout) stops the others

    // 1. Load: checkouts complete until enough of them have.
    const loadDeadline = Date.now() + 60_000
    while (orders.size < COMPLETIONS_BEFORE) {
      if (stopping) await running // rethrows what stopped a shopper
      if (Date.now() > loadDeadline)
        throw new Error(`only ${orders.size} completions in 60 s before the kill: ${JSON.stringify(tally(answers))}`)
      await sleep(20)
    }
    const completionsBefore = orders.size

    // 2. The kill, with requests in flight; the shoppers keep going against the dead database.
    phase = "outage"
    const { killed } = await database.kill()
    const killedAt = Date.now()
    await sleep(OUTAGE_MS)
    stopping = true
    await timeout(running, REQUEST_TIMEOUT_MS * 2, "the shoppers' last requests")
    const outageMs = Date.now() - killedAt
    const completionsDuringOutage = orders.size - completionsBefore

    const before = answers.filter((a) => a.phase === "before")
    const outage = answers.filter((a) => a.phase === "outage")
    const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 503).slice(0, 5)
    // On failure, what the Worker logged for its 5xx answers says why.
    expect(unexpected, unexpected.length ? failures(worker.output()) : undefined).toEqual([])
    expect(before.every((a) => a.status === 200)).toBe(true)
    const unavailable = outage.filter((a) => a.status === 503)
    expect(unavailable.length).toBeGreaterThanOrEqual(SHOPPERS)
    for (const a of unavailable) {
      expect(a.body).toEqual({ type: "unexpected_state", message: expect.any(String) })
      expect(a.retryAfter).toBe("5")
    }
    // A 200 in the outage is a request whose statements ran just before the kill took effect.
    const outageSteps = Object.fromEntries(
      [...new Set(outage.map((a) => a.step))].map((step) => [step, tally(outage.filter((a) => a.step === step))]),
    )

    // 3. Restart on the same data directory: crash recovery, same port, the same stand-in and Worker.
    phase = "after"
    const restartStarted = Date.now()
    await timeout(database.restart(), 60_000, "restarting Postgres")
    const restartMs = Date.now() - restartStarted

    // 4. Consistent as the crash left it, and no order that was answered is lost.
    const afterCrash = await withClient(async (db) => {
      expect(await inconsistencies(db)).toEqual(CONSISTENT)
      const stored = await db.query(`select cart_id, id from "order"`)
      return new Map(stored.rows.map((r) => [r.cart_id as string, r.id as string]))
    })
    for (const [cart, order] of orders) expect(afterCrash.get(cart)).toBe(order)

    // 5. Serving again: health, the completions the outage interrupted, and new checkouts.
    const health = await worker.fetch("/health")
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }])
    let committedUnanswered = 0
    for (const cart of unsettled) {
      if (afterCrash.has(cart)) committedUnanswered++
      // Completing again settles it: the order it already became, or a new one.
      const retried = await request("complete (retry)", "POST", `/store/carts/${cart}/complete`)
      expect(retried?.type).toBe("order")
      if (afterCrash.has(cart)) expect(retried!.order.id).toBe(afterCrash.get(cart))
      orders.set(cart, retried!.order.id)
    }
    const beforeNew = orders.size
    const fresh = await Promise.all(Array.from({ length: SHOPPERS }, () => checkout()))
    expect(fresh.every((id) => typeof id === "string")).toBe(true)
    const completionsAfter = orders.size - beforeNew
    expect(answers.filter((a) => a.phase === "after").every((a) => a.status === 200)).toBe(true)

    // 6. Still consistent with the new orders; every order answered exists, one per cart.
    await withClient(async (db) => {
      expect(await inconsistencies(db)).toEqual(CONSISTENT)
      const stored = await db.query(`select cart_id, id from "order" where cart_id = any($1)`, [[...orders.keys()]])
      expect(new Map(stored.rows.map((r) => [r.cart_id, r.id]))).toEqual(orders)
      const levels = await db.query(
        `select l.reserved_quantity from inventory_level l join product_variant_inventory_item v on v.inventory_item_id = l.inventory_item_id
         where v.variant_id = any($1) order by v.variant_id`,
        [variants],
      )
      // Each order reserved 1 of the first variant and 2 of the second.
      expect(levels.rows.map((r) => r.reserved_quantity)).toEqual([orders.size, 2 * orders.size])
    })

    console.log(
      `[database-outage] ${SHOPPERS} shoppers; ${completionsBefore} completions before the kill (${before.length} answers, all 200); ` +
        `${killed} Postgres processes SIGKILLed; outage ${outageMs} ms: ${outage.length} answers ${JSON.stringify(tally(outage))} ` +
        `by step ${JSON.stringify(outageSteps)}, ${completionsDuringOutage} completions answered in it; ` +
        `restart ${restartMs} ms; ${unsettled.size} interrupted completions retried (${committedUnanswered} had committed unanswered); ` +
        `${completionsAfter} new completions after; ${orders.size} orders in all; ` +
        `test ${Date.now() - started} ms`,
    )
  }, 110_000)
})
