import Big from "big.js"
import { describe, expect, test } from "vitest"
import { adminSession } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { shopper } from "./helpers/shopper"

type Json = Record<string, any>
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = adminSession(`payments-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 5, countries: { euro: ["eg", "ma"], won: "ke", noPayment: "ng" } })
})
const asAdmin = session.call
const minus = (a: number, b: number) => Number(new Big(a).minus(b).toString())

async function placeOrder(quantity: number) {
  const api = shopper(session.worker, fx.key, {
    region: fx.regions.euro,
    country: "eg",
    shippingOption: fx.options.standard,
  })
  const order = (
    await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.tee, quantity }])}/complete`)
  ).body.order
  const payment = (await asAdmin("GET", `/admin/orders/${order.id}`)).body.order.payment_collections[0].payments[0]
  return { order, payment }
}

const refundCount = async (paymentId: string) =>
  (await session.db.query("select count(*)::int as n from refund where payment_id = $1", [paymentId])).rows[0]
    .n as number
const refundedEvents = async (paymentId: string) =>
  (
    await session.db.query("select data from event_outbox where name = 'payment.refunded' and data->>'id' = $1", [
      paymentId,
    ])
  ).rows.map((r) => r.data)

describe("/admin/payments and order archiving", () => {
  test("list, read and the providers", async () => {
    const { order, payment } = await placeOrder(1)
    const listed = await asAdmin("GET", `/admin/payments?id[]=${payment.id}`)
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 20 })
    expect(listed.body.payments[0]).toMatchObject({
      id: payment.id,
      amount: order.total,
      currency_code: "eur",
      provider_id: "pp_system_default",
      refunds: [],
    })
    expect(
      (await asAdmin("GET", `/admin/payments?payment_session_id=${payment.payment_session_id}`)).body.payments.map(
        (p: Json) => p.id,
      ),
    ).toEqual([payment.id])

    const read = await asAdmin("GET", `/admin/payments/${payment.id}`)
    expect(read.body.payment).toMatchObject({ id: payment.id, amount: order.total, captured_at: null })
    expect((await asAdmin("GET", `/admin/payments/${payment.id}?fields=amount`)).body.payment).toEqual({
      id: payment.id,
      amount: order.total,
    })
    expect(await asAdmin("GET", "/admin/payments/pay_missing")).toMatchObject({
      status: 404,
      body: { type: "not_found", message: "Payment with id: pay_missing was not found" },
    })

    const providers = await asAdmin("GET", "/admin/payments/payment-providers?id=pp_system_default")
    expect(providers.body).toEqual({
      payment_providers: [{ id: "pp_system_default", is_enabled: true }],
      count: 1,
      offset: 0,
      limit: 20,
    })
  })

  test("refunds: only what was captured, to the cent; the order's status and summary follow; refused refunds change nothing", async () => {
    const { order, payment } = await placeOrder(3)
    const refund = (body: unknown) => asAdmin("POST", `/admin/payments/${payment.id}/refund`, body)

    // Nothing captured yet: nothing to give back.
    expect(await refund({})).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "You cannot refund more than what is captured on the payment." },
    })
    expect((await asAdmin("POST", `/admin/payments/${payment.id}/capture`, {})).body.payment.captured_at).not.toBeNull()

    for (const [body, message] of [
      [{ amount: -1 }, /^amount: must be more than 0$/],
      [{ amount: 0 }, /^amount: must be more than 0$/],
      [{ amount: "5" }, /^amount: must be a number$/],
      [{ amount: 1, reason: "x" }, /Unrecognized fields: 'reason'/],
    ] as const) {
      const res = await refund(body)
      expect([res.status, res.body.type]).toEqual([400, "invalid_data"])
      expect(res.body.message).toMatch(message)
    }
    expect(await refund({ amount: order.total + 0.01 })).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "You are not allowed to refund more than the captured amount" },
    })
    expect(await refundCount(payment.id)).toBe(0)
    expect((await asAdmin("GET", `/admin/orders/${order.id}`)).body.order).toMatchObject({
      payment_status: "captured",
      summary: { refunded_total: 0 },
    })

    // A reason must be one the store has: an unknown one refunds nothing.
    expect(await refund({ amount: 10.01, refund_reason_id: "refr_unknown" })).toMatchObject({
      status: 404,
      body: { type: "not_found", message: "Refund reason with id: refr_unknown was not found" },
    })
    expect(await refundCount(payment.id)).toBe(0)
    const damaged = (await asAdmin("POST", "/admin/refund-reasons", { label: "Damaged", code: `damaged-${run}` })).body
      .refund_reason
    const part = await refund({ amount: 10.01, note: "Scratched", refund_reason_id: damaged.id })
    expect(part.status).toBe(200)
    expect(part.body.payment.refunds).toEqual([
      expect.objectContaining({
        amount: 10.01,
        note: "Scratched",
        refund_reason_id: damaged.id,
        payment_id: payment.id,
      }),
    ])
    const partly = (await asAdmin("GET", `/admin/orders/${order.id}`)).body.order
    expect(partly).toMatchObject({
      payment_status: "partially_refunded",
      summary: {
        paid_total: order.total,
        refunded_total: 10.01,
        transaction_total: minus(order.total, 10.01),
        pending_difference: 10.01,
      },
    })
    expect(partly.payment_collections[0]).toMatchObject({ refunded_amount: 10.01, captured_amount: order.total })
    expect(await refundedEvents(payment.id)).toEqual([{ id: payment.id }])

    // The rest, twice at once: the payment row is locked, so only one of them gets it.
    const both = await Promise.all([refund({}), refund({})])
    expect(both.map((res) => res.status).sort()).toEqual([200, 400])
    const paid = (await asAdmin("GET", `/admin/payments/${payment.id}`)).body.payment
    expect(paid.refunds.map((r: Json) => r.amount)).toEqual([10.01, minus(order.total, 10.01)])
    expect((await asAdmin("GET", `/admin/orders/${order.id}`)).body.order).toMatchObject({
      payment_status: "refunded",
      summary: { refunded_total: order.total, transaction_total: 0, pending_difference: order.total },
    })
    expect(await refundedEvents(payment.id)).toHaveLength(2)
    expect(await refund({ amount: 0.01 })).toMatchObject({
      status: 400,
      body: { message: "You are not allowed to refund more than the captured amount" },
    })
    expect(await refundCount(payment.id)).toBe(2)
    expect((await asAdmin("POST", "/admin/payments/pay_missing/refund", {})).status).toBe(404)
  })

  test("an order is archived once completed or canceled, not before", async () => {
    const { order } = await placeOrder(1)
    const archive = () => asAdmin("POST", `/admin/orders/${order.id}/archive`)
    const refused = {
      status: 400,
      body: {
        type: "invalid_data",
        message: `Orders ${order.id} are completed, canceled, or in draft and cannot be archived`,
      },
    }
    expect(await archive()).toMatchObject(refused)
    expect((await asAdmin("GET", `/admin/orders/${order.id}`)).body.order.status).toBe("pending")

    expect((await asAdmin("POST", `/admin/orders/${order.id}/cancel`)).status).toBe(200)
    const archived = await archive()
    expect(archived.body.order).toMatchObject({ id: order.id, status: "archived" })
    expect(await archive()).toMatchObject(refused)
    const events = await session.db.query(
      "select data from event_outbox where name = 'order.archived' and data->>'id' = $1",
      [order.id],
    )
    expect(events.rows.map((r) => r.data)).toEqual([{ id: order.id }])
    expect((await asAdmin("POST", "/admin/orders/order_missing/archive")).status).toBe(404)
  })
})
