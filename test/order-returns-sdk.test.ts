import { describe, expect, test } from "vitest"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { fulfilledOrder, refusal, sdkAdminSession, stockAt } from "./helpers/sdk-admin"

type Json = Record<string, any>

// Returns through Medusa's own admin client, with every amount worked out by hand: a unit comes
// back worth what the customer paid for it (tax in), nothing rounded, as Medusa's BigNumber totals.
// This file's countries: gh (20 %), sn (25.5 %), ci (KRW), cm.
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = sdkAdminSession(`returns-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 20, countries: { euro: ["gh", "sn"], won: "ci", noPayment: "cm" } })
})

/** A guest order of `quantity` limited units (100 € at 20 % + 4.90 shipping), captured and fulfilled. */
async function deliveredOrder(quantity: number) {
  const { order, payment } = await fulfilledOrder(session, fx, "gh", [{ variant_id: fx.variants.limited, quantity }])
  return { order, line: order.items[0].id as string, payment }
}

/** A return of `quantity` units to the fixture's warehouse, requested and being received. */
async function receivingReturn(orderId: string, line: string, quantity: number) {
  const returns = session.admin.admin.return
  const { return: created } = await returns.initiateRequest({ order_id: orderId, location_id: fx.location })
  await returns.addReturnItem(created.id, { items: [{ id: line, quantity }] })
  await returns.confirmRequest(created.id, {})
  await returns.initiateReceive(created.id, {})
  return created as Json
}

const stockOfLimited = () => stockAt(session, fx.variants.limited, fx.location)

describe("returns through @medusajs/js-sdk", () => {
  test("return 1 of 3 units: requested, received back into stock once, refunded to the cent", async () => {
    const { order, line, payment } = await deliveredOrder(3)
    // 3 × 100 at 20 % = 360, shipping 4.90 + 0.98 = 5.88 → 365.88 paid.
    expect(order.total).toBe(365.88)
    const before = await stockOfLimited()

    const begun = await session.admin.admin.return.initiateRequest({ order_id: order.id, location_id: fx.location })
    const returnId = begun.return.id
    expect(begun.return.status).toBe("open")
    const requested = await session.admin.admin.return.addReturnItem(returnId, { items: [{ id: line, quantity: 1 }] })
    const action = requested.order_preview.items[0].actions[0]
    expect(action).toMatchObject({ action: "RETURN_ITEM", amount: 120, details: { reference_id: line, quantity: 1 } })
    expect(requested.order_preview.items[0].detail.return_requested_quantity).toBe(1)
    expect(requested.order_preview.summary.pending_difference).toBe(-120)
    expect(requested.order_preview.order_change.change_type).toBe("return_request")
    // Nothing is confirmed yet: the order itself is unchanged.
    expect((await session.admin.admin.order.retrieve(order.id)).order.summary.pending_difference).toBe(0)

    const confirmed = await session.admin.admin.return.confirmRequest(returnId, {})
    expect(confirmed.return).toMatchObject({ status: "requested", refund_amount: 120 })
    expect(confirmed.return.items).toMatchObject([{ item_id: line, quantity: 1, received_quantity: 0 }])
    const afterRequest = (await session.admin.admin.order.retrieve(order.id)).order
    expect(afterRequest.version).toBe(2)
    expect(afterRequest.summary).toMatchObject({
      original_order_total: 365.88,
      current_order_total: 245.88,
      paid_total: 365.88,
      pending_difference: -120,
    })
    expect(afterRequest.items[0].detail.return_requested_quantity).toBe(1)

    await session.admin.admin.return.initiateReceive(returnId, {})
    await session.admin.admin.return.receiveItems(returnId, { items: [{ id: line, quantity: 1 }] })
    const received = await session.admin.admin.return.confirmReceive(returnId, {})
    expect(received.return.status).toBe("received")
    expect(received.return.items[0].received_quantity).toBe(1)
    expect(await stockOfLimited()).toEqual({ stocked: before.stocked + 1, reserved: before.reserved })

    const { order: refunded } = await session.admin.admin.payment
      .refund(payment, { amount: 120 })
      .then(() => session.admin.admin.order.retrieve(order.id))
    expect(refunded.summary).toMatchObject({ refunded_total: 120, transaction_total: 245.88, pending_difference: 0 })
    expect(refunded.items[0].detail).toMatchObject({ return_received_quantity: 1, return_requested_quantity: 0 })
    // More than was paid is never refunded.
    expect((await refusal(session.admin.admin.payment.refund(payment, { amount: 245.89 }))).status).toBe(400)

    const changes = (await session.admin.admin.order.listChanges(order.id)).order_changes as Json[]
    expect(changes.map((change) => [change.change_type, change.status])).toEqual([
      ["return_request", "confirmed"],
      ["return_receive", "confirmed"],
    ])
    // Each step's event is in the outbox, written with it.
    const events = await session.db.query(
      "select name from event_outbox where data->>'order_id' = $1 order by created_at, name",
      [order.id],
    )
    expect(events.rows.map((row) => row.name).filter((name) => name !== "order.fulfillment_created")).toEqual([
      "order_change.created",
      "order.return_requested",
      "order_change.confirmed",
      "order_change.created",
      "order.return_received",
      "order_change.confirmed",
    ])
  })

  test("damaged units are dismissed: counted on the return, not put back in stock", async () => {
    const { order, line } = await deliveredOrder(2)
    const before = await stockOfLimited()
    const created = await receivingReturn(order.id, line, 2)
    await session.admin.admin.return.receiveItems(created.id, { items: [{ id: line, quantity: 1 }] })
    await session.admin.admin.return.dismissItems(created.id, { items: [{ id: line, quantity: 1 }] })
    const { return: done, order_preview } = await session.admin.admin.return.confirmReceive(created.id, {})
    expect(done.items[0]).toMatchObject({ quantity: 2, received_quantity: 1, damaged_quantity: 1 })
    expect(done.status).toBe("received")
    expect(order_preview.items[0].detail).toMatchObject({
      return_received_quantity: 1,
      return_dismissed_quantity: 1,
      written_off_quantity: 1,
    })
    expect(await stockOfLimited()).toEqual({ stocked: before.stocked + 1, reserved: before.reserved })
  })

  test("two receives of one return at once: the units come back once", async () => {
    const { order, line } = await deliveredOrder(2)
    const created = await receivingReturn(order.id, line, 2)
    await session.admin.admin.return.receiveItems(created.id, { items: [{ id: line, quantity: 2 }] })
    const before = await stockOfLimited()
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => session.admin.admin.return.confirmReceive(created.id, {})),
    )
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1)
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect(result.reason.status).toBe(400)
    expect(await stockOfLimited()).toEqual({ stocked: before.stocked + 2, reserved: before.reserved })
    const { return: after } = await session.admin.admin.return.retrieve(created.id)
    expect(after.items[0]).toMatchObject({ quantity: 2, received_quantity: 2 })
    expect((await session.admin.admin.order.retrieve(order.id)).order.version).toBe(3)
  })

  test("refused: more than delivered, a second change at once, a canceled return received, a change confirmed twice", async () => {
    const { order, line } = await deliveredOrder(1)
    const { return: first } = await session.admin.admin.return.initiateRequest({ order_id: order.id })
    const tooMany = await refusal(
      session.admin.admin.return.addReturnItem(first.id, { items: [{ id: line, quantity: 2 }] }),
    )
    expect(tooMany).toMatchObject({
      status: 400,
      message: `Cannot request to return more items than what was fulfilled for item ${line}.`,
    })
    const second = await refusal(session.admin.admin.return.initiateRequest({ order_id: order.id }))
    expect(second).toMatchObject({
      status: 400,
      message: `Order ${order.id} already has an existing active order change`,
    })
    await session.admin.admin.return.addReturnItem(first.id, { items: [{ id: line, quantity: 1 }] })
    await session.admin.admin.return.confirmRequest(first.id, {})
    const again = await refusal(session.admin.admin.return.confirmRequest(first.id, {}))
    expect(again.status).toBe(400)
    expect(again.message).toMatch(/^An active Order Change is required to proceed|is not active to be modified$/)
    expect((await session.admin.admin.order.retrieve(order.id)).order).toMatchObject({
      version: 2,
      summary: { current_order_total: 5.88, pending_difference: -120 },
    })

    await session.admin.admin.return.cancel(first.id, {})
    const canceled = (await session.admin.admin.return.retrieve(first.id)).return
    expect(canceled.status).toBe("canceled")
    const receiving = await refusal(session.admin.admin.return.initiateReceive(first.id, {}))
    expect(receiving).toMatchObject({ status: 400, message: `Return with id ${first.id} has been canceled.` })
    // Canceling gave the unit's worth back to the order's total and the unit is no longer on its way back.
    const after = (await session.admin.admin.order.retrieve(order.id)).order
    expect(after.summary).toMatchObject({ current_order_total: 125.88, pending_difference: 0 })
    expect(after.items[0].detail.return_requested_quantity).toBe(0)
  })

  test("a guest returns a unit from the storefront: POST /store/returns with a return shipping option", async () => {
    const { order, line } = await deliveredOrder(2)
    const { shipping_option: standard } = await session.admin.admin.shippingOption.retrieve(fx.options.standard)
    const { shipping_option: inbound } = await session.admin.admin.shippingOption.create({
      name: `Return ${run}`,
      service_zone_id: standard.service_zone_id,
      shipping_profile_id: fx.profile,
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: "Return", description: "Return", code: `return-${run}` },
      prices: [{ currency_code: "eur", amount: 3.5 }],
      rules: [
        { attribute: "is_return", operator: "eq", value: "true" },
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
      ],
    } as Json)
    const { return_reason } = await session.admin.admin.returnReason.create({
      value: `too-small-${run}`,
      label: "Too small",
    })
    const store = (path: string, body: unknown) =>
      session.worker.fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": fx.key },
        body: JSON.stringify(body),
      })
    // A normal delivery option is not a way back; nothing is stored.
    const wrong = await store("/store/returns", {
      order_id: order.id,
      items: [{ id: line, quantity: 1 }],
      return_shipping: { option_id: fx.options.standard },
    })
    expect(wrong.status).toBe(400)
    expect((await session.admin.admin.return.list({ order_id: order.id })).count).toBe(0)

    const res = await store("/store/returns", {
      order_id: order.id,
      items: [{ id: line, quantity: 1, reason_id: return_reason.id, note: "runs small" }],
      // The client's price is ignored: the option's 3.50 is charged.
      return_shipping: { option_id: inbound.id, price: 0 },
    })
    expect(res.status).toBe(200)
    const created = ((await res.json()) as Json).return
    // 120 for the unit less 3.50 of return shipping.
    expect(created).toMatchObject({ status: "requested", refund_amount: 116.5 })
    expect(created.items).toMatchObject([
      { item_id: line, quantity: 1, reason_id: return_reason.id, note: "runs small" },
    ])
    expect(created.items[0].reason.label).toBe("Too small")
    expect((await session.admin.admin.order.retrieve(order.id)).order.summary.pending_difference).toBe(-116.5)
  })
})
