import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { refusal } from "./helpers/sdk-admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { testConfig } from "./helpers/services"
import { shopper } from "./helpers/shopper"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

// Order transfers through Medusa's own clients: a guest order moved to the account of the
// customer who asks, once the token mailed to the order's email comes back.
// This file's countries: jm, tt (EUR), bb (KRW), bs.
const run = Date.now().toString(36)
let fx: CheckoutFixture
let admin: Medusa
let adminId: string
const session = {} as { worker: TestWorker; db: pg.Client }

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 20, countries: { euro: ["jm", "tt"], won: "bb", noPayment: "bs" } })
  session.worker = await startWorker({}, { listen: true })
  session.db = new pg.Client({ connectionString: inject("databaseUrl") })
  await session.db.connect()
  const email = `transfers-${run}@example.com`
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  admin = new Medusa({ baseUrl: session.worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  await admin.auth.login("user", "emailpass", { email, password: "admin-pw" })
  adminId = (await admin.admin.user.me()).user.id
})
afterAll(async () => {
  await session.worker?.dispose()
  await session.db?.end()
})

const storeClient = () =>
  new Medusa({
    baseUrl: session.worker.url,
    publishableKey: fx.key,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })

/** A registered customer, logged in on their own client. */
async function customer(who: string) {
  const sdk = storeClient()
  const email = `${who}-${run}@example.com`
  await sdk.auth.register("customer", "emailpass", { email, password: "s3cret-enough" })
  const { customer: created } = await sdk.store.customer.create({ email, first_name: who })
  await sdk.auth.login("customer", "emailpass", { email, password: "s3cret-enough" })
  return { sdk, id: created.id }
}

/** A guest order (its customer has no account), placed through the Store API. */
async function guestOrder() {
  const api = shopper(session.worker, fx.key, {
    region: fx.regions.euro,
    country: "jm",
    shippingOption: fx.options.standard,
  })
  const placed = await api.post(
    `/store/carts/${await api.readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])}/complete`,
  )
  expect(placed.status).toBe(200)
  return placed.body.order as Json
}

/** The token of the order's transfer in progress, as the mail to the original email carries it. */
async function tokenOf(orderId: string) {
  const { rows } = await session.db.query(
    `select a.details->>'token' as token from order_change_action a join order_change c on c.id = a.order_change_id
     where c.order_id = $1 and c.change_type = 'transfer' and c.status = 'requested' and a.action = 'TRANSFER_CUSTOMER'`,
    [orderId],
  )
  expect(rows).toHaveLength(1)
  return rows[0].token as string
}

async function transfers(orderId: string) {
  const { rows } = await session.db.query(
    "select * from order_change where order_id = $1 and change_type = 'transfer' order by created_at",
    [orderId],
  )
  return rows as Json[]
}

async function orderRow(orderId: string) {
  const { rows } = await session.db.query('select customer_id, email, version from "order" where id = $1', [orderId])
  return rows[0] as Json
}

async function events(name: string, key: string, value: string) {
  const { rows } = await session.db.query(
    "select data from event_outbox where name = $1 and data->>$2 = $3 order by created_at",
    [name, key, value],
  )
  return rows.map((row) => row.data as Json)
}

describe("order transfer through @medusajs/js-sdk", () => {
  test("requested by a customer, accepted with the mailed token: the order is theirs", async () => {
    const order = await guestOrder()
    const guestId = order.customer_id as string
    const grace = await customer("grace")

    const { order: requested } = await grace.sdk.store.order.requestTransfer(order.id, { description: "mine" })
    expect(requested).toMatchObject({ id: order.id, customer_id: guestId })
    const [change] = await transfers(order.id)
    expect(change).toMatchObject({
      status: "requested",
      description: "mine",
      created_by: grace.id,
      requested_by: grace.id,
      version: 2,
    })
    const { rows: actions } = await session.db.query("select * from order_change_action where order_change_id = $1", [
      change!.id,
    ])
    expect(actions).toEqual([
      expect.objectContaining({
        action: "TRANSFER_CUSTOMER",
        reference: "customer",
        reference_id: grace.id,
        details: { token: expect.stringMatching(/^[0-9a-f]{32}$/), original_email: "ada@example.com" },
      }),
    ])
    expect(await events("order.transfer_requested", "id", order.id)).toEqual([
      { id: order.id, order_change_id: change!.id },
    ])
    const token = await tokenOf(order.id)

    // The token is the proof: no login, and a wrong one changes nothing.
    const anyone = storeClient()
    // The last digit changed, never to itself (a token ending in 0 once made this the right token).
    const wrongToken = `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`
    const wrong = await refusal(anyone.store.order.acceptTransfer(order.id, { token: wrongToken }))
    expect(wrong).toMatchObject({ status: 400, message: "Invalid token." })
    expect((await refusal(anyone.store.order.acceptTransfer(order.id, { token: "" }))).status).toBe(400)
    expect(await orderRow(order.id)).toMatchObject({ customer_id: guestId, version: 1 })
    expect((await transfers(order.id))[0]!.status).toBe("requested")

    const { order: accepted } = await anyone.store.order.acceptTransfer(order.id, { token })
    expect(accepted).toMatchObject({ id: order.id, customer_id: grace.id })
    expect(await orderRow(order.id)).toMatchObject({ customer_id: grace.id, version: 2 })
    expect((await transfers(order.id))[0]).toMatchObject({ status: "confirmed" })
    expect(await events("order_change.confirmed", "id", change!.id)).toEqual([
      { id: change!.id, order_id: order.id, change_type: "transfer" },
    ])
    const { orders } = await grace.sdk.store.order.list()
    expect(orders.map((listed: Json) => listed.id)).toContain(order.id)
    expect((await grace.sdk.store.order.retrieve(order.id)).order.customer_id).toBe(grace.id)

    // Now a registered customer's: asking again is refused, and another customer does not see it.
    const again = await refusal(grace.sdk.store.order.requestTransfer(order.id, {}))
    expect(again).toMatchObject({ status: 400, message: `Order: ${order.id} already belongs to customer: ${grace.id}` })
    const other = await customer("other")
    expect((await refusal(other.sdk.store.order.requestTransfer(order.id, {}))).status).toBe(404)
    expect((await refusal(anyone.store.order.acceptTransfer(order.id, { token }))).message).toBe(
      `Order ${order.id} does not have an order transfer request.`,
    )
  })

  test("two accepts at once: one moves the order, the other is refused", async () => {
    const order = await guestOrder()
    const ken = await customer("ken")
    await ken.sdk.store.order.requestTransfer(order.id, {})
    const token = await tokenOf(order.id)
    const outcomes = await Promise.allSettled([
      storeClient().store.order.acceptTransfer(order.id, { token }),
      storeClient().store.order.acceptTransfer(order.id, { token }),
    ])
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1)
    const [rejected] = outcomes.filter((outcome) => outcome.status === "rejected")
    expect((rejected as PromiseRejectedResult).reason.status).toBe(400)
    expect(await orderRow(order.id)).toMatchObject({ customer_id: ken.id, version: 2 })
    const [change] = await transfers(order.id)
    expect(await events("order_change.confirmed", "id", change!.id)).toHaveLength(1)
  })

  test("declined with the token: the order stays the guest's, and can be asked for again", async () => {
    const order = await guestOrder()
    const linus = await customer("linus")
    await linus.sdk.store.order.requestTransfer(order.id, {})
    const token = await tokenOf(order.id)
    const anyone = storeClient()
    expect(await refusal(anyone.store.order.declineTransfer(order.id, { token: "nope" }))).toMatchObject({
      status: 400,
      message: "Invalid token.",
    })
    expect((await transfers(order.id))[0]!.status).toBe("requested")

    const { order: declined } = await anyone.store.order.declineTransfer(order.id, { token })
    expect(declined.customer_id).toBe(order.customer_id)
    expect((await transfers(order.id))[0]).toMatchObject({ status: "declined" })
    expect((await refusal(anyone.store.order.acceptTransfer(order.id, { token }))).status).toBe(400)
    expect(await orderRow(order.id)).toMatchObject({ customer_id: order.customer_id, version: 1 })

    await linus.sdk.store.order.requestTransfer(order.id, {})
    expect((await transfers(order.id)).map((change) => change.status)).toEqual(["declined", "requested"])
  })

  test("canceled by the customer who asked, not by another, and not logged out", async () => {
    const order = await guestOrder()
    const ada = await customer("ada")
    const eve = await customer("eve")
    await ada.sdk.store.order.requestTransfer(order.id, {})
    // One transfer at a time: a second request is refused while the first is in progress.
    expect(await refusal(eve.sdk.store.order.requestTransfer(order.id, {}))).toMatchObject({
      status: 400,
      message: `Order ${order.id} already has an existing active order change`,
    })
    expect(await refusal(eve.sdk.store.order.cancelTransfer(order.id))).toMatchObject({
      status: 400,
      message: "This customer is not allowed to cancel the transfer.",
    })
    expect((await refusal(storeClient().store.order.cancelTransfer(order.id))).status).toBe(401)
    expect((await transfers(order.id))[0]!.status).toBe("requested")

    const { order: canceled } = await ada.sdk.store.order.cancelTransfer(order.id)
    expect(canceled.id).toBe(order.id)
    expect((await transfers(order.id))[0]).toMatchObject({ status: "canceled", canceled_by: ada.id })
    expect((await refusal(ada.sdk.store.order.cancelTransfer(order.id))).status).toBe(400)
    expect(await orderRow(order.id)).toMatchObject({ customer_id: order.customer_id })
  })

  test("a logged-out shopper cannot ask for a transfer", async () => {
    const order = await guestOrder()
    expect((await refusal(storeClient().store.order.requestTransfer(order.id, {}))).status).toBe(401)
    expect(await transfers(order.id)).toEqual([])
  })

  test("the admin asks for a customer, cancels, asks again; the customer's token moves the order", async () => {
    const order = await guestOrder()
    const joan = await customer("joan")
    const unknown = await refusal(admin.admin.order.requestTransfer(order.id, { customer_id: "cus_missing" }))
    expect(unknown.status).toBe(404)
    // A guest customer has no account to move the order to.
    const guest = await refusal(admin.admin.order.requestTransfer(order.id, { customer_id: order.customer_id }))
    expect(guest).toMatchObject({
      status: 400,
      message: `Cannot transfer order: ${order.id} to a guest customer account: ada@example.com`,
    })

    const { order: requested } = await admin.admin.order.requestTransfer(order.id, {
      customer_id: joan.id,
      description: "phoned in",
      internal_note: "checked the receipt",
    })
    expect(requested).toMatchObject({ id: order.id, customer_id: order.customer_id })
    expect(requested.payment_status).toBeDefined()
    expect((await transfers(order.id))[0]).toMatchObject({
      status: "requested",
      requested_by: adminId,
      created_by: adminId,
      description: "phoned in",
      internal_note: "checked the receipt",
    })
    const { order: canceled } = await admin.admin.order.cancelTransfer(order.id)
    expect(canceled.id).toBe(order.id)
    expect((await transfers(order.id))[0]).toMatchObject({ status: "canceled", canceled_by: adminId })
    expect((await refusal(admin.admin.order.cancelTransfer(order.id))).message).toBe(
      "An active Order Change is required to proceed",
    )

    await admin.admin.order.requestTransfer(order.id, { customer_id: joan.id })
    await storeClient().store.order.acceptTransfer(order.id, { token: await tokenOf(order.id) })
    expect((await admin.admin.order.retrieve(order.id)).order.customer_id).toBe(joan.id)
    const { orders } = await joan.sdk.store.order.list()
    expect(orders.map((listed: Json) => listed.id)).toEqual([order.id])
  })
})
