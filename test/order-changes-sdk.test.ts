import { describe, expect, test } from "vitest"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { fulfilledOrder, refusal, sdkAdminSession, stockAt } from "./helpers/sdk-admin"

type Json = Record<string, any>

// Order edits, exchanges and claims through Medusa's own admin client. Prices: the tee 9.99 and
// the limited 100, both at 20 % (a unit paid 11.988 and 120), shipping 4.90 + 0.98 = 5.88.
// Nothing is rounded, as in Medusa. This file's countries: bz (20 %), gy, sr (KRW), bm.
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = sdkAdminSession(`changes-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 30, countries: { euro: ["bz", "gy"], won: "sr", noPayment: "bm" } })
})
const sdk = () => session.admin.admin
const order = (lines: { variant_id: string; quantity: number }[]) => fulfilledOrder(session, fx, "bz", lines)
const tee = (quantity = 1) => ({ variant_id: fx.variants.tee, quantity })
const limited = (quantity = 1) => ({ variant_id: fx.variants.limited, quantity })
const summaryOf = async (id: string) => (await sdk().order.retrieve(id)).order.summary as Json

describe("order edits through @medusajs/js-sdk", () => {
  test("an edit adds an item and raises a quantity; the difference gets a payment collection and is paid", async () => {
    const { order: placed } = await order([tee()])
    expect(placed.total).toBe(17.868)
    const teeLine = placed.items[0].id
    const reservedBefore = (await stockAt(session, fx.variants.limited, fx.location)).reserved

    await sdk().orderEdit.initiateRequest({ order_id: placed.id })
    await sdk().orderEdit.addItems(placed.id, { items: [limited()] })
    // Two units of the tee are fine: one is fulfilled, the quantity never goes below that.
    const { order_preview } = await sdk().orderEdit.updateOriginalItem(placed.id, teeLine, { quantity: 2 })
    expect(order_preview.summary.pending_difference).toBe(131.988)
    expect(order_preview.items.map((item: Json) => item.quantity)).toEqual([2, 1])
    const below = await refusal(sdk().orderEdit.updateOriginalItem(placed.id, teeLine, { quantity: 0 }))
    expect(below).toMatchObject({
      status: 400,
      message: `Item ${teeLine} has already been fulfilled and quantity cannot be lower than 1.`,
    })

    await sdk().orderEdit.request(placed.id)
    await sdk().orderEdit.confirm(placed.id)
    const edited = (await sdk().order.retrieve(placed.id)).order
    // tee 2 × 9.99 = 19.98 + 3.996 tax; limited 100 + 20; shipping 5.88.
    expect(edited).toMatchObject({ version: 2, total: 149.856, item_total: 143.976 })
    expect(edited.summary).toMatchObject({
      current_order_total: 149.856,
      paid_total: 17.868,
      pending_difference: 131.988,
    })
    expect(edited.items).toHaveLength(2)
    expect((await stockAt(session, fx.variants.limited, fx.location)).reserved).toBe(reservedBefore + 1)
    const collection = (edited.payment_collections as Json[]).find((c) => c.status === "not_paid")!
    expect(collection.amount).toBe(131.988)

    const paidTwice = await Promise.allSettled([
      sdk().paymentCollection.markAsPaid(collection.id, { order_id: placed.id }),
      sdk().paymentCollection.markAsPaid(collection.id, { order_id: placed.id }),
    ])
    expect(paidTwice.filter((result) => result.status === "fulfilled").length).toBeGreaterThan(0)
    expect(await summaryOf(placed.id)).toMatchObject({ paid_total: 149.856, pending_difference: 0 })
  })

  test("two confirmations of one edit at once: applied once", async () => {
    const { order: placed } = await order([tee()])
    const reservedBefore = (await stockAt(session, fx.variants.limited, fx.location)).reserved
    await sdk().orderEdit.initiateRequest({ order_id: placed.id })
    await sdk().orderEdit.addItems(placed.id, { items: [limited(2)] })
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => sdk().orderEdit.confirm(placed.id)))
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1)
    const edited = (await sdk().order.retrieve(placed.id)).order
    expect(edited.version).toBe(2)
    expect(edited.items).toHaveLength(2)
    expect(edited.summary.current_order_total).toBe(257.868)
    expect((await stockAt(session, fx.variants.limited, fx.location)).reserved).toBe(reservedBefore + 2)
  })
})

describe("exchanges through @medusajs/js-sdk", () => {
  test("a dearer unit back for a cheaper one: the difference is refunded", async () => {
    const { order: placed, payment } = await order([limited()])
    const teeReserved = (await stockAt(session, fx.variants.tee, fx.location)).reserved
    const { exchange } = await sdk().exchange.create({ order_id: placed.id })
    await sdk().exchange.addInboundItems(exchange.id, { items: [{ id: placed.items[0].id, quantity: 1 }] })
    const { order_preview } = await sdk().exchange.addOutboundItems(exchange.id, { items: [tee()] })
    expect(order_preview.summary.pending_difference).toBe(-108.012)
    const requested = await sdk().exchange.request(exchange.id, {})
    expect(requested.exchange.difference_due).toBe(-108.012)
    expect(requested.exchange.return).toMatchObject({ status: "requested", refund_amount: 120 })
    expect(requested.exchange.additional_items).toMatchObject([{ variant_id: fx.variants.tee, quantity: 1 }])
    expect((await stockAt(session, fx.variants.tee, fx.location)).reserved).toBe(teeReserved + 1)
    expect(await summaryOf(placed.id)).toMatchObject({ current_order_total: 17.868, pending_difference: -108.012 })
    await sdk().payment.refund(payment, { amount: 108.012 })
    expect(await summaryOf(placed.id)).toMatchObject({ refunded_total: 108.012, pending_difference: 0 })
  })

  test("a cheaper unit back for a dearer one: the customer pays the difference", async () => {
    const { order: placed } = await order([tee()])
    const { exchange } = await sdk().exchange.create({ order_id: placed.id })
    await sdk().exchange.addInboundItems(exchange.id, { items: [{ id: placed.items[0].id, quantity: 1 }] })
    await sdk().exchange.addOutboundItems(exchange.id, { items: [limited()] })
    const { exchange: done } = await sdk().exchange.request(exchange.id, {})
    expect(done.difference_due).toBe(108.012)
    const owed = (await sdk().order.retrieve(placed.id)).order
    expect(owed.summary.pending_difference).toBe(108.012)
    const collection = (owed.payment_collections as Json[]).find((c) => c.status === "not_paid")!
    expect(collection.amount).toBe(108.012)
    await sdk().paymentCollection.markAsPaid(collection.id, { order_id: placed.id })
    expect(await summaryOf(placed.id)).toMatchObject({ paid_total: 125.88, pending_difference: 0 })
  })
})

describe("claims through @medusajs/js-sdk", () => {
  test("a claim refunds one item and reships another", async () => {
    const { order: placed } = await order([limited(), tee()])
    // 120 + 11.988 + 5.88
    expect(placed.total).toBe(137.868)
    const [limitedLine, teeLine] = ["limited", "tee"].map(
      (handle) => placed.items.find((item: Json) => item.product_handle.startsWith(handle)).id,
    )
    const teeReserved = (await stockAt(session, fx.variants.tee, fx.location)).reserved
    const { claim } = await sdk().claim.create({ order_id: placed.id, type: "replace" })
    await sdk().claim.addItems(claim.id, {
      items: [
        { id: limitedLine, quantity: 1, reason: "missing_item" },
        { id: teeLine, quantity: 1, reason: "production_failure" },
      ],
    })
    await sdk().claim.addOutboundItems(claim.id, { items: [tee()] })
    const { claim: done } = await sdk().claim.request(claim.id, {})
    expect(done.refund_amount).toBe(120)
    expect(done.claim_items).toHaveLength(2)
    expect(await summaryOf(placed.id)).toMatchObject({ current_order_total: 17.868, pending_difference: -120 })
    expect((await stockAt(session, fx.variants.tee, fx.location)).reserved).toBe(teeReserved + 1)
    const claimed = (await sdk().order.retrieve(placed.id)).order
    expect(claimed.items.find((item: Json) => item.id === limitedLine).detail.written_off_quantity).toBe(1)
    // A unit claimed once cannot be claimed again.
    const { claim: second } = await sdk().claim.create({ order_id: placed.id, type: "refund" })
    const again = await refusal(sdk().claim.addItems(second.id, { items: [{ id: limitedLine, quantity: 1 }] }))
    expect(again).toMatchObject({
      status: 400,
      message: `Cannot claim more items than what was ordered for item ${limitedLine}.`,
    })
    await sdk().claim.cancelRequest(second.id)
  })
})
