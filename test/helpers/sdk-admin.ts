import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, expect, inject } from "vitest"
import { createAdminUser } from "../../scripts/lib/create-user"
import type { CheckoutFixture } from "./checkout-fixture"
import { testConfig } from "./services"
import { shopper } from "./shopper"
import { startWorker, type TestWorker } from "./worker"

type Json = Record<string, any>

/**
 * A test file's Worker (listening, for the sdk), a Postgres client and @medusajs/js-sdk logged in as a new admin.
 * `bindings` are read after `prepare` (a stand-in's address it started).
 */
export function sdkAdminSession(
  email: string,
  prepare: () => Promise<unknown>,
  bindings: () => Record<string, string> = () => ({}),
) {
  const session = {} as { worker: TestWorker; db: pg.Client; admin: Medusa }
  beforeAll(async () => {
    await prepare()
    session.worker = await startWorker(bindings(), { listen: true })
    session.db = new pg.Client({ connectionString: inject("databaseUrl") })
    await session.db.connect()
    await createAdminUser(testConfig(), { email, password: "admin-pw" })
    session.admin = new Medusa({ baseUrl: session.worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
    await session.admin.auth.login("user", "emailpass", { email, password: "admin-pw" })
  })
  afterAll(async () => {
    await session.worker?.dispose()
    await session.db?.end()
  })
  return session
}

/**
 * A guest order in the fixture's 20 % country, its payment captured and every unit fulfilled
 * from the fixture's warehouse (what a return, exchange or claim starts from).
 */
export async function fulfilledOrder(
  session: { worker: TestWorker; admin: Medusa },
  fx: CheckoutFixture,
  country: string,
  lines: { variant_id: string; quantity: number }[],
) {
  const api = shopper(session.worker, fx.key, { region: fx.regions.euro, country, shippingOption: fx.options.standard })
  const placed = await api.post(`/store/carts/${await api.readyCart(lines)}/complete`)
  expect(placed.status).toBe(200)
  const order = placed.body.order as Json
  const payment = order.payment_collections[0].payments[0].id as string
  await session.admin.admin.payment.capture(payment, {})
  await session.admin.admin.order.createFulfillment(order.id, {
    items: (order.items as Json[]).map((item) => ({ id: item.id, quantity: item.quantity })),
    location_id: fx.location,
  })
  return { order, payment }
}

/** The request's refusal: the sdk's error with its status and Medusa's message. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as { status: number; message: string }
  }
  throw new Error("expected the request to be refused")
}

/** Stocked and reserved units of a variant's inventory item at a location. */
export async function stockAt(session: { db: pg.Client; admin: Medusa }, variantId: string, locationId: string) {
  const link = await session.db.query(
    "select inventory_item_id from product_variant_inventory_item where variant_id = $1",
    [variantId],
  )
  const level = (
    await session.admin.admin.inventoryItem.listLevels(link.rows[0].inventory_item_id)
  ).inventory_levels.find((l: Json) => l.location_id === locationId)
  return { stocked: level.stocked_quantity as number, reserved: level.reserved_quantity as number }
}
