import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { refusal } from "./helpers/sdk-admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { testConfig } from "./helpers/services"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

// Draft orders through Medusa's own admin client, every amount worked out by hand with the cart's
// formulas (nothing rounded). This file's countries: ht (20 %), cu (25.5 %), pr (KRW), ky.
const run = Date.now().toString(36)
const LIMITED_STOCK = 5
let fx: CheckoutFixture
let admin: Medusa
const session = {} as { worker: TestWorker; db: pg.Client }

beforeAll(async () => {
  fx = await createCheckoutFixture({
    limitedStock: LIMITED_STOCK,
    countries: { euro: ["ht", "cu"], won: "pr", noPayment: "ky" },
  })
  session.worker = await startWorker({}, { listen: true })
  session.db = new pg.Client({ connectionString: inject("databaseUrl") })
  await session.db.connect()
  const email = `drafts-${run}@example.com`
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  admin = new Medusa({ baseUrl: session.worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  await admin.auth.login("user", "emailpass", { email, password: "admin-pw" })
})
afterAll(async () => {
  await session.worker?.dispose()
  await session.db?.end()
})

const address = { first_name: "Ana", last_name: "Draft", address_1: "Rue 1", city: "Port", country_code: "HT" }

/** A draft for a guest email, shipped to ht (20 %) with the standard option (4.90). */
function createDraft(items: Json[], email = `buyer-${run}@example.com`, promo_codes?: string[]) {
  return admin.admin.draftOrder.create({
    email,
    promo_codes,
    region_id: fx.regions.euro,
    sales_channel_id: fx.channel,
    items,
    shipping_methods: [{ shipping_option_id: fx.options.standard }],
    shipping_address: address,
    billing_address: address,
  } as any)
}

/** A 10 % code on items, only for this file's euro region (so that no other file's carts see it). */
async function createCode(code: string, extra: Json = {}) {
  await admin.admin.promotion.create({
    code,
    type: "standard",
    status: "active",
    is_automatic: false,
    application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
    rules: [{ attribute: "region.id", operator: "eq", values: [fx.regions.euro] }],
    ...extra,
  } as never)
  return code
}

/** Two tees (19.98) and 4.90 shipping at 20 %, with 10 % off the tees: (17.982 + 4.90) × 1.2 = 27.4584. */
const discounted = {
  item_subtotal: 19.98,
  subtotal: 24.88,
  discount_subtotal: 1.998,
  discount_tax_total: 0.3996,
  discount_total: 2.3976,
  item_tax_total: 3.5964,
  tax_total: 4.5764,
  item_total: 21.5784,
  total: 27.4584,
}

async function stockOf(variantId: string) {
  const link = await session.db.query(
    "select inventory_item_id from product_variant_inventory_item where variant_id = $1",
    [variantId],
  )
  const level = (await admin.admin.inventoryItem.listLevels(link.rows[0].inventory_item_id)).inventory_levels.find(
    (l: Json) => l.location_id === fx.location,
  )
  return { stocked: level.stocked_quantity as number, reserved: level.reserved_quantity as number }
}

const draftCount = async () =>
  Number((await session.db.query(`select count(*) from "order" where is_draft_order`)).rows[0].count)

describe("draft orders through @medusajs/js-sdk", () => {
  test("create, edit, convert once, fulfil: totals exact at every step, stock reserved once", async () => {
    const { draft_order: draft } = await createDraft([{ variant_id: fx.variants.tee, quantity: 2 }])
    // 2 × 9.99 = 19.98 and 4.90 shipping; 20 % of 24.88 = 4.976 → 29.856.
    expect(draft).toMatchObject({
      status: "draft",
      is_draft_order: true,
      email: `buyer-${run}@example.com`,
      currency_code: "eur",
      item_subtotal: 19.98,
      shipping_subtotal: 4.9,
      subtotal: 24.88,
      tax_total: 4.976,
      total: 29.856,
      payment_status: "not_paid",
      fulfillment_status: "not_fulfilled",
    })
    expect(draft.customer_id).toBeTruthy()
    expect(draft.items).toHaveLength(1)
    expect(draft.items[0]).toMatchObject({ quantity: 2, unit_price: 9.99, subtotal: 19.98, tax_total: 3.996 })
    expect(draft.items[0].tax_lines[0].rate).toBe(20)
    expect(draft.shipping_methods[0]).toMatchObject({ amount: 4.9, tax_total: 0.98, total: 5.88 })
    expect(draft.shipping_address.country_code).toBe("ht")

    // Drafts are not orders: the order list never shows them; the draft list does.
    const { orders } = await admin.admin.order.list({ id: [draft.id] } as any)
    expect(orders).toHaveLength(0)
    const { draft_orders, count } = await admin.admin.draftOrder.list({ id: [draft.id] } as any)
    expect(count).toBe(1)
    expect(draft_orders[0].id).toBe(draft.id)
    expect((await admin.admin.draftOrder.retrieve(draft.id)).draft_order.total).toBe(29.856)

    // The edit: an unmanaged tee (3), then 3 tees, a custom line added and taken off again.
    expect((await admin.admin.draftOrder.beginEdit(draft.id)).draft_order_preview.id).toBe(draft.id)
    const added = (
      await admin.admin.draftOrder.addItems(draft.id, { items: [{ variant_id: fx.variants.unmanaged, quantity: 1 }] })
    ).draft_order_preview
    // 19.98 + 3 + 4.90 = 27.88 × 1.2 = 33.456
    expect(added).toMatchObject({ subtotal: 27.88, tax_total: 5.576, total: 33.456 })
    const teeLine = added.items.find((item: Json) => item.variant_id === fx.variants.tee).id
    const more = (await admin.admin.draftOrder.updateItem(draft.id, teeLine, { quantity: 3 })).draft_order_preview
    // 29.97 + 3 + 4.90 = 37.87 × 1.2 = 45.444
    expect(more).toMatchObject({ item_subtotal: 32.97, subtotal: 37.87, tax_total: 7.574, total: 45.444 })
    const custom = (
      await admin.admin.draftOrder.addItems(draft.id, { items: [{ title: "Gift wrap", unit_price: 2, quantity: 1 }] })
    ).draft_order_preview
    // + 2 × 1.2 = 47.844
    expect(custom.total).toBe(47.844)
    const wrap = custom.items.find((item: Json) => item.title === "Gift wrap")
    expect(wrap).toMatchObject({ variant_id: null, unit_price: 2, total: 2.4 })
    const removed = (await admin.admin.draftOrder.removeActionItem(draft.id, wrap.id)).draft_order_preview
    expect(removed.total).toBe(45.444)
    expect(removed.items).toHaveLength(2)
    expect((await admin.admin.draftOrder.confirmEdit(draft.id)).draft_order_preview.total).toBe(45.444)

    // Converted four times at once: one order, its stock reserved once, a collection for its total.
    const before = await stockOf(fx.variants.tee)
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => admin.admin.draftOrder.convertToOrder(draft.id)),
    )
    const converted = results.filter((r): r is PromiseFulfilledResult<Json> => r.status === "fulfilled")
    expect(converted).toHaveLength(1)
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect(result.reason).toMatchObject({ status: 400, message: `Order ${draft.id} is not a draft order` })
    const order = converted[0]!.value.order as Json
    expect(order).toMatchObject({ id: draft.id, status: "pending", is_draft_order: false, total: 45.444 })
    expect(order.payment_status).toBe("not_paid")
    expect(order.payment_collections).toHaveLength(1)
    expect(order.payment_collections[0]).toMatchObject({ amount: 45.444, currency_code: "eur" })
    expect(await stockOf(fx.variants.tee)).toEqual({ stocked: before.stocked, reserved: before.reserved + 3 })
    const reservations = await session.db.query(
      "select quantity, location_id from reservation_item where line_item_id = $1 and deleted_at is null",
      [teeLine],
    )
    expect(reservations.rows).toEqual([{ quantity: 3, location_id: fx.location }])
    // Now an order, and no longer a draft.
    expect((await admin.admin.order.list({ id: [draft.id] } as any)).orders).toHaveLength(1)
    expect((await admin.admin.draftOrder.list({ id: [draft.id] } as any)).count).toBe(0)
    const placed = await session.db.query(
      "select 1 from event_outbox where name = 'order.placed' and data->>'id' = $1",
      [draft.id],
    )
    expect(placed.rowCount).toBe(1)

    const unmanagedLine = order.items.find((item: Json) => item.variant_id === fx.variants.unmanaged).id
    const { order: fulfilled } = await admin.admin.order.createFulfillment(order.id, {
      items: [
        { id: teeLine, quantity: 3 },
        { id: unmanagedLine, quantity: 1 },
      ],
      location_id: fx.location,
    })
    expect(fulfilled.fulfillment_status).toBe("fulfilled")
    expect(await stockOf(fx.variants.tee)).toEqual({ stocked: before.stocked - 3, reserved: before.reserved })
  })

  test("update: a new address re-taxes the draft; shipping removed and added back", async () => {
    const { draft_order: draft } = await createDraft([{ variant_id: fx.variants.tee, quantity: 1 }])
    // cu is taxed at 25.5 %: (9.99 + 4.90) × 1.255 = 18.68695
    const { draft_order: moved } = await admin.admin.draftOrder.update(draft.id, {
      shipping_address: { country_code: "cu" },
      metadata: { note: "call first" },
    } as any)
    expect(moved).toMatchObject({ total: 18.68695, metadata: { note: "call first" } })
    const method = moved.shipping_methods[0].id
    const without = (await admin.admin.draftOrder.removeShippingMethod(draft.id, method)).draft_order_preview
    expect(without).toMatchObject({ shipping_methods: [], total: 12.53745 })
    const back = (
      await admin.admin.draftOrder.addShippingMethod(draft.id, {
        shipping_option_id: fx.options.standard,
        custom_amount: 10,
      } as any)
    ).draft_order_preview
    expect(back.total).toBe(25.08745)
    const refusedPromotion = await refusal(admin.admin.draftOrder.addPromotions(draft.id, { promo_codes: ["X"] }))
    expect(refusedPromotion).toMatchObject({ status: 400, message: "The promotion code X is invalid" })
    await admin.admin.draftOrder.delete(draft.id)
    expect((await refusal(admin.admin.draftOrder.retrieve(draft.id))).status).toBe(404)
  })

  test("a 10 % code: applied, taken off, unknown refused, converted with its adjustments", async () => {
    const code = await createCode(`DRAFT10-${run}`)
    const { draft_order: draft } = await createDraft([{ variant_id: fx.variants.tee, quantity: 2 }])
    expect(draft).toMatchObject({ total: 29.856, discount_total: 0, promotions: [] })

    const applied = (await admin.admin.draftOrder.addPromotions(draft.id, { promo_codes: [code] })).draft_order_preview
    // 10 % of 19.98 = 1.998; tax on what is left: 17.982 × 0.2 = 3.5964 → 21.5784; shipping 4.90 + 0.98 = 5.88.
    expect(applied).toMatchObject(discounted)
    expect(applied.items[0]).toMatchObject({
      subtotal: 19.98,
      discount_subtotal: 1.998,
      discount_tax_total: 0.3996,
      discount_total: 2.3976,
      tax_total: 3.5964,
      total: 21.5784,
    })
    expect(applied.items[0].adjustments).toEqual([
      expect.objectContaining({ code, amount: 1.998, item_id: applied.items[0].id }),
    ])
    expect(applied.shipping_methods[0]).toMatchObject({ total: 5.88, adjustments: [] })
    expect(applied.promotions).toEqual([expect.objectContaining({ code })])
    // The code stays applied through an edit: 3 tees, 10 % of 29.97 = 2.997.
    const more = (await admin.admin.draftOrder.updateItem(draft.id, applied.items[0].id, { quantity: 3 }))
      .draft_order_preview
    expect(more.items[0].adjustments).toEqual([expect.objectContaining({ code, amount: 2.997 })])
    // (29.97 − 2.997 + 4.90) × 1.2 = 38.2476
    expect(more.total).toBe(38.2476)
    await admin.admin.draftOrder.updateItem(draft.id, applied.items[0].id, { quantity: 2 })

    // An unknown code refuses the request whole: nothing changes.
    const unknown = await refusal(admin.admin.draftOrder.addPromotions(draft.id, { promo_codes: [code, "NOPE-X"] }))
    expect(unknown).toMatchObject({ status: 400, message: "The promotion code NOPE-X is invalid" })
    expect((await admin.admin.draftOrder.retrieve(draft.id)).draft_order).toMatchObject(discounted)

    const removed = (await admin.admin.draftOrder.removePromotions(draft.id, { promo_codes: [code] }))
      .draft_order_preview
    expect(removed).toMatchObject({
      subtotal: 24.88,
      tax_total: 4.976,
      total: 29.856,
      discount_total: 0,
      promotions: [],
    })
    expect(removed.items[0].adjustments).toEqual([])

    // Applied again, and converted: the order keeps the adjustments and the promotion, its payment the discounted total.
    await admin.admin.draftOrder.addPromotions(draft.id, { promo_codes: [code] })
    const { order: converted } = await admin.admin.draftOrder.convertToOrder(draft.id)
    expect(converted).toMatchObject({ status: "pending", total: 27.4584 })
    expect(converted.payment_collections[0]).toMatchObject({ amount: 27.4584 })
    const { order } = await admin.admin.order.retrieve(draft.id)
    expect(order).toMatchObject(discounted)
    expect(order.promotions).toEqual([expect.objectContaining({ code })])
    expect(order.items[0].adjustments).toEqual([expect.objectContaining({ code, amount: 1.998 })])
  })

  test("a code with a usage budget of one: a second draft with it cannot be converted", async () => {
    const { campaign } = await admin.admin.campaign.create({
      name: `Draft budget ${run}`,
      campaign_identifier: `draft-budget-${run}`,
      budget: { type: "usage", limit: 1 },
    } as never)
    const code = await createCode(`DRAFTONCE-${run}`, { campaign_id: campaign.id })
    const first = (await createDraft([{ variant_id: fx.variants.tee, quantity: 2 }], undefined, [code])).draft_order
    expect(first).toMatchObject({ ...discounted, promotions: [expect.objectContaining({ code })] })
    const second = (await createDraft([{ variant_id: fx.variants.tee, quantity: 2 }], undefined, [code])).draft_order
    await admin.admin.draftOrder.convertToOrder(first.id)
    const refused = await refusal(admin.admin.draftOrder.convertToOrder(second.id))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe("Promotion usage exceeds the budget limit.")
    expect((await admin.admin.draftOrder.retrieve(second.id)).draft_order).toMatchObject({ status: "draft" })
    const used = await session.db.query("select used from promotion_campaign_budget where campaign_id = $1", [
      campaign.id,
    ])
    expect(Number(used.rows[0].used)).toBe(1)
    // An unknown code on create stores nothing.
    const before = await draftCount()
    const unknown = await refusal(createDraft([{ variant_id: fx.variants.tee, quantity: 1 }], undefined, ["NOPE-Y"]))
    expect(unknown).toMatchObject({ status: 400, message: "The promotion code NOPE-Y is invalid" })
    expect(await draftCount()).toBe(before)
  })

  test("bad input is refused with 400 and stores nothing", async () => {
    const before = await draftCount()
    const unknown = await refusal(createDraft([{ variant_id: "variant_nope", quantity: 1 }]))
    expect(unknown).toMatchObject({ status: 400, message: "Variants with IDs variant_nope do not exist" })
    const nobody = await refusal(
      admin.admin.draftOrder.create({
        region_id: fx.regions.euro,
        sales_channel_id: fx.channel,
        items: [{ variant_id: fx.variants.tee, quantity: 1 }],
      } as any),
    )
    expect(nobody.status).toBe(400)
    expect(nobody.message).toContain("Either email or customer_id must be provided")
    const negative = await refusal(createDraft([{ variant_id: fx.variants.tee, quantity: -1 }]))
    expect(negative.status).toBe(400)
    expect(await draftCount()).toBe(before)

    const { draft_order: draft } = await createDraft([{ variant_id: fx.variants.tee, quantity: 1 }])
    const line = draft.items[0].id
    expect((await refusal(admin.admin.draftOrder.updateItem(draft.id, line, { quantity: -2 }))).status).toBe(400)
    expect((await admin.admin.draftOrder.retrieve(draft.id)).draft_order.items[0].quantity).toBe(1)
  })

  test("more units than in stock: converting is refused and the draft stays a draft", async () => {
    const { draft_order: draft } = await createDraft([{ variant_id: fx.variants.limited, quantity: LIMITED_STOCK + 1 }])
    const before = await stockOf(fx.variants.limited)
    const refused = await refusal(admin.admin.draftOrder.convertToOrder(draft.id))
    expect(refused.status).toBe(400)
    expect(refused.message).toContain("does not have the required inventory")
    const { draft_order: still } = await admin.admin.draftOrder.retrieve(draft.id)
    expect(still).toMatchObject({ status: "draft", is_draft_order: true, payment_collection_id: null })
    expect(await stockOf(fx.variants.limited)).toEqual(before)
    // Brought down to what is in stock, it converts.
    await admin.admin.draftOrder.updateItem(draft.id, draft.items[0].id, { quantity: LIMITED_STOCK })
    const { order } = await admin.admin.draftOrder.convertToOrder(draft.id)
    expect(order.status).toBe("pending")
    expect(await stockOf(fx.variants.limited)).toEqual({
      stocked: before.stocked,
      reserved: before.reserved + LIMITED_STOCK,
    })
  })
})
