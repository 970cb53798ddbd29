import Medusa from "@medusajs/js-sdk"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { buildWorker, ROOT } from "../scripts/lib/build"
import { createAdminUser } from "../scripts/lib/create-user"
import paymentAppConfig from "./fixtures/payment-app/medusa.config"
import type { RegionService } from "../src/modules/region/service"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { testConfig, withServices } from "./helpers/services"
import { address, shopper } from "./helpers/shopper"
import { startStripeStandIn, type StripeStandIn } from "./helpers/stripe"
import { startWorker, type TestWorker } from "./helpers/worker"
import { sdkAdminSession } from "./helpers/sdk-admin"

type Json = Record<string, any>

// ua (20 % tax) and by share the euro region, ge the won one, am a tax-free euro region: Stripe only.
const COUNTRIES = { euro: ["ua", "by"] as [string, string], won: "ge", noPayment: "am" }
const STRIPE = "pp_stripe_stripe"

let stripe: StripeStandIn
let fx: CheckoutFixture

const stack = sdkAdminSession(
  `stripe-admin-${Date.now()}@example.com`,
  async () => {
    stripe = await startStripeStandIn()
    fx = await createCheckoutFixture({ limitedStock: 5, countries: COUNTRIES })
    await withServices(async (scope) => {
      const regions = scope.resolve<RegionService>("regionService")
      await regions.update(fx.regions.euro, { payment_providers: ["pp_system_default", STRIPE, "pp_test_fixture"] })
      await regions.update(fx.regions.won, { payment_providers: [STRIPE] })
      await regions.update(fx.regions.noPayment, { payment_providers: [STRIPE] })
    })
  },
  () => ({ STRIPE_API_KEY: stripe.apiKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_BASE: stripe.url }),
)
afterAll(() => stripe?.stop())

const tax_free = () =>
  shopper(stack.worker, fx.key, {
    region: fx.regions.noPayment,
    country: "am",
    shippingOption: fx.options.portugalOnly,
  })

/** A cart in `am` ready to complete, its Stripe session initiated; the intent the Worker created. */
async function stripeCart(quantity = 4, variant_id = fx.variants.tee) {
  const api = tax_free()
  const created = await api.post("/store/carts", {
    region_id: fx.regions.noPayment,
    items: [{ variant_id, quantity }],
  })
  expect(created.status).toBe(200)
  const cartId = created.body.cart.id as string
  const details = { email: "left@example.com", shipping_address: address("am"), billing_address: address("am") }
  expect((await api.post(`/store/carts/${cartId}`, details)).status).toBe(200)
  expect(
    (await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: fx.options.portugalOnly })).status,
  ).toBe(200)
  const collection = await api.post("/store/payment-collections", { cart_id: cartId })
  const session = await api.post(
    `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`,
    { provider_id: STRIPE },
  )
  expect(session.status).toBe(200)
  const data = session.body.payment_collection.payment_sessions[0].data as Json
  return { api, cartId, collectionId: collection.body.payment_collection.id as string, intentId: data.id as string }
}

const hook = (body: string, signature: string) =>
  fetch(`${stack.worker.url}/hooks/payment/stripe_stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body,
  })

const ordersOfCart = async (cartId: string) =>
  (await stack.db.query(`select id, payment_collection_id from "order" where cart_id = $1`, [cartId])).rows
const paymentRows = async (collectionId: string) =>
  (
    await stack.db.query(
      `select p.amount, p.captured_at, p.canceled_at, c.status, c.authorized_amount, c.captured_amount, c.refunded_amount
       from payment p join payment_collection c on c.id = p.payment_collection_id where c.id = $1`,
      [collectionId],
    )
  ).rows as Json[]

describe("a Stripe checkout through @medusajs/js-sdk", () => {
  test("session with client_secret, exact cents, confirm, complete, capture, partial refund", async () => {
    const sdk = new Medusa({ baseUrl: stack.worker.url, publishableKey: fx.key })
    const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: fx.regions.noPayment })
    expect(payment_providers.map((p: Json) => p.id)).toEqual([STRIPE])

    const { cart } = await sdk.store.cart.create({
      region_id: fx.regions.noPayment,
      items: [{ variant_id: fx.variants.tee, quantity: 4 }],
    })
    await sdk.store.cart.update(cart.id, {
      email: "ada@example.com",
      shipping_address: address("am"),
      billing_address: address("am"),
    })
    await sdk.store.cart.addShippingMethod(cart.id, { option_id: fx.options.portugalOnly })
    const { cart: priced } = await sdk.store.cart.retrieve(cart.id)
    expect(priced.total).toBe(46.96) // 4 × 9.99 + 7, no tax in am

    const { payment_collection } = await sdk.store.payment.initiatePaymentSession(priced, { provider_id: STRIPE })
    const session = payment_collection.payment_sessions![0]! as Json
    expect(session.provider_id).toBe(STRIPE)
    expect(session.amount).toBe(46.96)
    expect(session.data.client_secret).toMatch(/^pi_\w+_secret_\w+$/)
    const intent = stripe.intents.get(session.data.id)!
    expect(intent).toMatchObject({
      amount: 4696,
      currency: "eur",
      capture_method: "manual",
      status: "requires_payment_method",
    })
    expect(intent.metadata.session_id).toBe(session.id)
    expect(intent.receipt_email).toBe("ada@example.com")

    stripe.confirm(intent.id)
    const completed = (await sdk.store.cart.complete(cart.id)) as Json
    expect(completed.type).toBe("order")
    const order = completed.order as Json
    const payment = order.payment_collections[0].payments[0] as Json
    expect(payment).toMatchObject({ provider_id: STRIPE, amount: 46.96 })
    expect(await paymentRows(order.payment_collections[0].id)).toEqual([
      expect.objectContaining({ amount: "46.96", captured_at: null, status: "authorized", authorized_amount: "46.96" }),
    ])

    const { payment: captured } = await stack.admin.admin.payment.capture(payment.id, {})
    expect(captured.captured_at).toBeTruthy()
    expect(stripe.intents.get(intent.id)).toMatchObject({ status: "succeeded", amount_received: 4696 })

    await stack.admin.admin.payment.refund(payment.id, { amount: 10.05 })
    expect(stripe.refunds).toEqual([
      expect.objectContaining({ payment_intent: intent.id, amount: 1005, currency: "eur" }),
    ])
    const [row] = await paymentRows(order.payment_collections[0].id)
    expect(row).toMatchObject({ status: "completed", captured_amount: "46.96", refunded_amount: "10.05" })
    const refunds = (await stack.db.query(`select amount from refund where payment_id = $1`, [payment.id])).rows
    expect(refunds).toEqual([{ amount: "10.05" }])

    // More than is left: refused here, Stripe never asked.
    const refusal = await stack.admin.admin.payment.refund(payment.id, { amount: 36.92 }).catch((e) => e)
    expect(refusal).toMatchObject({ status: 400 })
    expect(stripe.refunds).toHaveLength(1)
  })

  test("Medusa's smallest units: 41.844 EUR → 4184 cents (20 % tax), KRW ×1", async () => {
    const euro = shopper(stack.worker, fx.key, {
      region: fx.regions.euro,
      country: "ua",
      shippingOption: fx.options.standard,
    })
    const cartId = await euro.readyCart([{ variant_id: fx.variants.tee, quantity: 3 }])
    const cart = (await euro.call("GET", `/store/carts/${cartId}`)).body.cart
    const again = await euro.post(`/store/payment-collections/${cart.payment_collection.id}/payment-sessions`, {
      provider_id: STRIPE,
    })
    expect(again.status).toBe(200)
    const data = again.body.payment_collection.payment_sessions[0].data as Json
    expect(again.body.payment_collection.amount).toBe(41.844)
    expect(stripe.intents.get(data.id)!.amount).toBe(4184)

    const won = shopper(stack.worker, fx.key, {
      region: fx.regions.won,
      country: "ge",
      shippingOption: fx.options.standard,
    })
    const wonCart = await won.post("/store/carts", {
      region_id: fx.regions.won,
      items: [{ variant_id: fx.variants.tee, quantity: 1 }],
    })
    const collection = await won.post("/store/payment-collections", { cart_id: wonCart.body.cart.id })
    const session = await won.post(
      `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`,
      { provider_id: STRIPE },
    )
    expect(session.body.payment_collection.amount).toBe(12900)
    const intent = stripe.intents.get(session.body.payment_collection.payment_sessions[0].data.id)!
    expect(intent).toMatchObject({ amount: 12900, currency: "krw" })
  })
})

describe("the order's payment with Stripe", () => {
  test("a new session cancels the intent it replaces; canceling the order cancels its intent", async () => {
    const { api, cartId, collectionId, intentId: first } = await stripeCart()
    const again = await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: STRIPE })
    const second = again.body.payment_collection.payment_sessions[0].data.id as string
    expect(second).not.toBe(first)
    expect(stripe.intents.get(first)!.status).toBe("canceled")
    stripe.confirm(second)
    const placed = await api.post(`/store/carts/${cartId}/complete`)
    expect(placed.body.type).toBe("order")
    await stack.admin.admin.order.cancel(placed.body.order.id)
    expect(stripe.intents.get(second)).toMatchObject({ status: "canceled", amount_capturable: 0 })
    const [row] = await paymentRows(collectionId)
    expect(row).toMatchObject({ status: "canceled", captured_at: null })
    expect(row!.canceled_at).toBeTruthy()
  })

  test("a cart changed after the card was confirmed: the held intent is canceled, a new session pays the new total", async () => {
    const { api, cartId, collectionId, intentId } = await stripeCart(1)
    expect(stripe.confirm(intentId).status).toBe("requires_capture")
    const added = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: fx.variants.tee, quantity: 1 })
    expect(added.status).toBe(200)
    expect(added.body.cart.payment_collection.payment_sessions).toEqual([])
    // Let go after the commit, through the outbox: the hold on the card does not outlive the cart's old total.
    await expect.poll(() => stripe.intents.get(intentId)!.status, { timeout: 10_000 }).toBe("canceled")
    const released = await stack.db.query(
      `select data from event_outbox where name = 'payment_session.released' and data->>'provider_id' = $1 and data->'data'->>'id' = $2`,
      [STRIPE, intentId],
    )
    expect(released.rows).toHaveLength(1)
    const again = await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: STRIPE })
    const next = again.body.payment_collection.payment_sessions[0].data as Json
    expect(added.body.cart.total).toBe(26.98)
    expect(stripe.intents.get(next.id)!.amount).toBe(2698)
    stripe.confirm(next.id)
    expect((await api.post(`/store/carts/${cartId}/complete`)).body.type).toBe("order")
  })

  test("STRIPE_CAPTURE=true: automatic capture, the order's payment captured at completion", async () => {
    const automatic = await startWorker({
      STRIPE_API_KEY: stripe.apiKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
      STRIPE_CAPTURE: "true",
    })
    try {
      const api = shopper(automatic, fx.key, {
        region: fx.regions.noPayment,
        country: "am",
        shippingOption: fx.options.portugalOnly,
      })
      const created = await api.post("/store/carts", {
        region_id: fx.regions.noPayment,
        email: "auto@example.com",
        items: [{ variant_id: fx.variants.tee, quantity: 1 }],
      })
      const cartId = created.body.cart.id as string
      await api.post(`/store/carts/${cartId}`, { shipping_address: address("am") })
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: fx.options.portugalOnly })
      const collection = await api.post("/store/payment-collections", { cart_id: cartId })
      const collectionId = collection.body.payment_collection.id as string
      const session = await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, {
        provider_id: STRIPE,
      })
      const intentId = session.body.payment_collection.payment_sessions[0].data.id as string
      expect(stripe.intents.get(intentId)).toMatchObject({ capture_method: "automatic", amount: 1699 })
      stripe.confirm(intentId)
      expect((await api.post(`/store/carts/${cartId}/complete`)).body.type).toBe("order")
      const [row] = await paymentRows(collectionId)
      expect(row).toMatchObject({ amount: "16.99", status: "completed", captured_amount: "16.99" })
      expect(row!.captured_at).toBeTruthy()
    } finally {
      await automatic.dispose()
    }
  })

  test("an unknown provider's hook is a 404; the system provider takes no webhooks", async () => {
    const unknown = await fetch(`${stack.worker.url}/hooks/payment/paypal_paypal`, { method: "POST", body: "{}" })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ type: "not_found" })
    expect(
      (await fetch(`${stack.worker.url}/hooks/payment/system_default`, { method: "POST", body: "{}" })).status,
    ).toBe(404)
  })
})

describe("webhooks", () => {
  test("a forged or stale signature is a 400, nothing recorded", async () => {
    const { intentId, cartId } = await stripeCart()
    const intent = stripe.confirm(intentId)
    const forged = stripe.event("payment_intent.amount_capturable_updated", intent, { secret: "whsec_wrong" })
    const res = await hook(forged.body, forged.signature)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ type: "invalid_data", message: expect.stringMatching(/signature/i) })
    const stale = stripe.event("payment_intent.amount_capturable_updated", intent, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    })
    expect((await hook(stale.body, stale.signature)).status).toBe(400)
    const tampered = stripe.event("payment_intent.amount_capturable_updated", intent)
    expect((await hook(tampered.body.replace(/"amount":\d+/, '"amount":1'), tampered.signature)).status).toBe(400)
    expect((await hook(tampered.body, "")).status).toBe(400)
    const events = await stack.db.query(`select id from payment_webhook_event where id = any($1)`, [
      [forged.id, stale.id, tampered.id],
    ])
    expect(events.rows).toEqual([])
    expect(await ordersOfCart(cartId)).toEqual([])
  })

  test("the shopper left: the webhook completes the cart once, whatever Stripe retries", async () => {
    const { cartId, collectionId, intentId } = await stripeCart()
    const event = stripe.event("payment_intent.amount_capturable_updated", stripe.confirm(intentId))
    const answers = await Promise.all([
      hook(event.body, event.signature),
      hook(event.body, event.signature),
      hook(event.body, event.signature),
    ])
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200])
    expect(await answers[0]!.json()).toEqual({ received: true })
    expect((await hook(event.body, event.signature)).status).toBe(200)
    const orders = await ordersOfCart(cartId)
    expect(orders).toHaveLength(1)
    expect(await paymentRows(collectionId)).toEqual([
      expect.objectContaining({ amount: "46.96", status: "authorized", captured_at: null }),
    ])
    const recorded = await stack.db.query(
      `select provider_id, event_type, object_id, action from payment_webhook_event where id = $1`,
      [event.id],
    )
    expect(recorded.rows).toEqual([
      {
        provider_id: STRIPE,
        event_type: "payment_intent.amount_capturable_updated",
        object_id: intentId,
        action: "authorized",
      },
    ])
    // The shopper comes back: the order it already became.
    const again = await tax_free().post(`/store/carts/${cartId}/complete`)
    expect(again.body).toMatchObject({ type: "order", order: { id: orders[0].id } })
  })

  test("the shopper left after an automatic capture: payment_intent.succeeded makes a captured order", async () => {
    const { cartId, collectionId, intentId } = await stripeCart(2)
    stripe.confirm(intentId)
    const event = stripe.event("payment_intent.succeeded", stripe.captureInDashboard(intentId))
    expect((await hook(event.body, event.signature)).status).toBe(200)
    expect(await ordersOfCart(cartId)).toHaveLength(1)
    const [row] = await paymentRows(collectionId)
    expect(row).toMatchObject({ amount: "26.98", status: "completed", captured_amount: "26.98" })
    expect(row!.captured_at).toBeTruthy()
  })

  test("the shopper left and the stock ran out meanwhile: no order, the hold canceled, a captured payment refunded", async () => {
    // 5 limited in stock: three carts of 3 each pay; after the first, too few are left for the others.
    const first = await stripeCart(3, fx.variants.limited)
    const second = await stripeCart(3, fx.variants.limited)
    const third = await stripeCart(3, fx.variants.limited)
    stripe.confirm(first.intentId)
    expect((await first.api.post(`/store/carts/${first.cartId}/complete`)).body.type).toBe("order")
    const held = stripe.event("payment_intent.amount_capturable_updated", stripe.confirm(second.intentId))
    expect((await hook(held.body, held.signature)).status).toBe(200)
    expect(await ordersOfCart(second.cartId)).toEqual([])
    expect(stripe.intents.get(second.intentId)!.status).toBe("canceled")
    // Paid with automatic capture (captured in Stripe): given back in full.
    stripe.confirm(third.intentId)
    const paid = stripe.event("payment_intent.succeeded", stripe.captureInDashboard(third.intentId))
    const refundsBefore = stripe.refunds.length
    // Delivered three times at once: each finds no order, the money goes back once (one idempotency key).
    const answers = await Promise.all([1, 2, 3].map(() => hook(paid.body, paid.signature)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
    expect(await ordersOfCart(third.cartId)).toEqual([])
    expect(stripe.refunds.slice(refundsBefore)).toEqual([
      expect.objectContaining({ payment_intent: third.intentId, amount: stripe.intents.get(third.intentId)!.amount }),
    ])
    const sessions = await stack.db.query(
      `select s.status from payment_session s where s.payment_collection_id = any($1) order by s.created_at`,
      [[second.collectionId, third.collectionId]],
    )
    expect(sessions.rows).toEqual([{ status: "canceled" }, { status: "canceled" }])
    // A redelivery finds the event recorded: nothing released twice.
    expect((await hook(paid.body, paid.signature)).status).toBe(200)
    expect(stripe.refunds.length).toBe(refundsBefore + 1)
  })

  test("out of order and replayed: captured once, never moved back", async () => {
    const { api, cartId, collectionId, intentId } = await stripeCart()
    stripe.confirm(intentId)
    const placed = await api.post(`/store/carts/${cartId}/complete`)
    expect(placed.body.type).toBe("order")
    const authorized = stripe.event("payment_intent.amount_capturable_updated", { ...stripe.intents.get(intentId)! })
    // Captured in Stripe's dashboard; its event arrives before the (late) authorised one.
    const succeeded = stripe.event("payment_intent.succeeded", stripe.captureInDashboard(intentId))
    expect((await hook(succeeded.body, succeeded.signature)).status).toBe(200)
    const [afterCapture] = await paymentRows(collectionId)
    expect(afterCapture).toMatchObject({ status: "completed", captured_amount: "46.96" })
    expect(afterCapture!.captured_at).toBeTruthy()
    expect((await hook(succeeded.body, succeeded.signature)).status).toBe(200)
    expect((await hook(authorized.body, authorized.signature)).status).toBe(200)
    const failed = stripe.event("payment_intent.payment_failed", { ...stripe.intents.get(intentId)! })
    expect((await hook(failed.body, failed.signature)).status).toBe(200)
    expect(await paymentRows(collectionId)).toEqual([afterCapture])
    const captures = await stack.db.query(
      `select count(*)::int as n from event_outbox where name = 'payment.captured' and data->>'id' = $1`,
      [placed.body.order.payment_collections[0].payments[0].id],
    )
    expect(captures.rows[0].n).toBeLessThanOrEqual(1)
    expect(await ordersOfCart(cartId)).toHaveLength(1)
  })
})

describe("declined and unavailable", () => {
  test("a declined card answers { type: cart, error } and changes nothing", async () => {
    const { api, cartId, collectionId, intentId } = await stripeCart()
    stripe.confirm(intentId, "decline")
    const declined = await api.post(`/store/carts/${cartId}/complete`)
    expect(declined.status).toBe(200)
    expect(declined.body).toMatchObject({
      type: "cart",
      error: { type: "payment_authorization_error", message: "Payment authorization failed" },
    })
    stripe.confirm(intentId, "requires_action")
    expect((await api.post(`/store/carts/${cartId}/complete`)).body.type).toBe("cart")
    expect(await ordersOfCart(cartId)).toEqual([])
    expect(await paymentRows(collectionId)).toEqual([])
    const session = await stack.db.query(`select status from payment_session where payment_collection_id = $1`, [
      collectionId,
    ])
    expect(session.rows).toEqual([{ status: "pending" }])
    const cart = await stack.db.query(`select completed_at from cart where id = $1`, [cartId])
    expect(cart.rows[0].completed_at).toBeNull()
    // The shopper tries another card: now it goes through.
    stripe.confirm(intentId)
    expect((await api.post(`/store/carts/${cartId}/complete`)).body.type).toBe("order")
  })

  test("Stripe down: a 503 with a clear message, not a 500, nothing changed", async () => {
    const { api, cartId, collectionId, intentId } = await stripeCart()
    stripe.confirm(intentId)
    stripe.failing = true
    try {
      const res = await api.post(`/store/carts/${cartId}/complete`)
      expect(res.status).toBe(503)
      expect(res.body.message).toMatch(/Stripe is unavailable/)
      const session = await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, {
        provider_id: STRIPE,
      })
      expect(session.status).toBe(503)
    } finally {
      stripe.failing = false
    }
    expect(await ordersOfCart(cartId)).toEqual([])
    const placed = await api.post(`/store/carts/${cartId}/complete`)
    expect(placed.body.type).toBe("order")
    const paymentId = placed.body.order.payment_collections[0].payments[0].id as string
    stripe.failing = true
    try {
      const refused = await stack.admin.admin.payment.capture(paymentId, {}).catch((e) => e)
      expect(refused).toMatchObject({ status: 503, message: expect.stringMatching(/Stripe is unavailable/) })
    } finally {
      stripe.failing = false
    }
    expect(await paymentRows(collectionId)).toEqual([
      expect.objectContaining({ captured_at: null, status: "authorized" }),
    ])
    expect(stripe.intents.get(intentId)!.status).toBe("requires_capture")
  })

  test("the admin lists Stripe among the payment providers", async () => {
    const { payment_providers } = await stack.admin.admin.payment.listPaymentProviders({ id: [STRIPE] })
    expect(payment_providers).toEqual([expect.objectContaining({ id: STRIPE, is_enabled: true })])
  })
})

describe("a project's own payment provider (modules.payment, resolve ./path), bundled at build time", () => {
  let custom: TestWorker
  beforeAll(async () => {
    const { bundle } = await buildWorker({
      quiet: true,
      entry: "test/fixtures/payment-app/worker.ts",
      outdir: "dist-payment",
      config: paymentAppConfig,
      registryFile: `${ROOT}test/fixtures/payment-app/registry.generated.ts`,
    })
    custom = await startWorker({}, { bundle })
  }, 120_000)
  afterAll(() => custom?.dispose())

  test("pp_<identifier>_<id>: listed, initiated, authorised at completion, captured through it", async () => {
    const api = shopper(custom, fx.key, { region: fx.regions.euro, country: "by", shippingOption: fx.options.standard })
    const listed = await api.call("GET", `/store/payment-providers?region_id=${fx.regions.euro}`)
    expect(listed.body.payment_providers.map((p: Json) => p.id)).toContain("pp_test_fixture")
    const cartId = await api.readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])
    const cart = (await api.call("GET", `/store/carts/${cartId}`)).body.cart
    const session = await api.post(`/store/payment-collections/${cart.payment_collection.id}/payment-sessions`, {
      provider_id: "pp_test_fixture",
    })
    expect(session.status).toBe(200)
    const created = session.body.payment_collection.payment_sessions[0] as Json
    expect(created.data).toEqual({ reference: `ref_${created.id}`, amount: "18.68695", currency_code: "eur" })
    const placed = await api.post(`/store/carts/${cartId}/complete`)
    expect(placed.body.type).toBe("order")
    const paymentId = placed.body.order.payment_collections[0].payments[0].id as string
    const captured = await custom.fetch(`/admin/payments/${paymentId}/capture`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await adminToken()}` },
      body: "{}",
    })
    expect(captured.status).toBe(200)
    const row = await stack.db.query(`select provider_id, data, captured_at from payment where id = $1`, [paymentId])
    expect(row.rows[0]).toMatchObject({
      provider_id: "pp_test_fixture",
      data: { reference: `ref_${created.id}`, authorized: true, captured: "18.68695" },
    })
  })
})

/** The admin's JWT, for calls to a Worker without the sdk. */
async function adminToken() {
  const email = `stripe-admin-token-${Date.now()}@example.com`
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  const res = await fetch(`${stack.worker.url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "admin-pw" }),
  })
  return ((await res.json()) as Json).token as string
}
