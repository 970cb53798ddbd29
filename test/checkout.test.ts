import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { address, shopper } from "./helpers/shopper"
import { sqlStatements, startWorker, type TestWorker } from "./helpers/worker"

const LIMITED_STOCK = 5
let worker: TestWorker
let fx: CheckoutFixture
let db: pg.Client

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: LIMITED_STOCK })
  worker = await startWorker()
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

type Json = Record<string, any>

const api = () =>
  shopper(worker, fx.key, { region: fx.regions.euro, country: "at", shippingOption: fx.options.standard })
const call = (...args: Parameters<ReturnType<typeof shopper>["call"]>) => api().call(...args)
const post = (...args: Parameters<ReturnType<typeof shopper>["post"]>) => api().post(...args)
const readyCart = (...args: Parameters<ReturnType<typeof shopper>["readyCart"]>) => api().readyCart(...args)

async function reserved(variantId: string) {
  const { rows } = await db.query(
    `select l.stocked_quantity, l.reserved_quantity from inventory_level l
     join product_variant_inventory_item v on v.inventory_item_id = l.inventory_item_id where v.variant_id = $1`,
    [variantId],
  )
  return rows[0] as { stocked_quantity: number; reserved_quantity: number }
}

describe("the standard checkout", () => {
  test("cart → lines → address → shipping → payment → complete → order, totals exact (not rounded)", async () => {
    const created = await post("/store/carts", { region_id: fx.regions.euro })
    expect(created.status).toBe(200)
    const cart = created.body.cart
    expect(cart.id).toMatch(/^cart_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(cart).toMatchObject({
      currency_code: "eur",
      region_id: fx.regions.euro,
      items: [],
      total: 0,
      completed_at: null,
    })
    expect(cart.region.countries.map((c: Json) => c.iso_2)).toEqual(["at", "fi"])

    const added = await post(`/store/carts/${cart.id}/line-items`, { variant_id: fx.variants.tee, quantity: 2 })
    const merged = await post(`/store/carts/${cart.id}/line-items`, { variant_id: fx.variants.tee, quantity: 1 })
    expect(added.body.cart.items).toHaveLength(1)
    expect(merged.body.cart.items).toHaveLength(1)
    const [line] = merged.body.cart.items
    expect(line).toMatchObject({
      quantity: 3,
      unit_price: 9.99,
      subtotal: 29.97,
      tax_total: 0,
      total: 29.97,
      variant_id: fx.variants.tee,
    })
    expect(line.id).toMatch(/^cali_/)
    expect(line.variant_option_values).toEqual({ Size: "One" })
    expect(merged.body.cart).toMatchObject({ item_subtotal: 29.97, subtotal: 29.97, tax_total: 0, total: 29.97 })

    const withAddress = await post(`/store/carts/${cart.id}`, {
      email: "ada@example.com",
      shipping_address: address("at"),
      billing_address: address("at"),
    })
    expect(withAddress.body.cart).toMatchObject({
      email: "ada@example.com",
      item_tax_total: 5.994, // 29.97 × 20 %
      tax_total: 5.994,
      total: 35.964,
    })
    expect(withAddress.body.cart.shipping_address).toMatchObject({ country_code: "at", first_name: "Ada" })
    expect(withAddress.body.cart.shipping_address.id).toMatch(/^caaddr_/)

    const options = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
    expect(options.body.shipping_options.map((o: Json) => [o.id, o.name, o.amount, o.price_type])).toEqual([
      [fx.options.standard, "Standard", 4.9, "flat"],
    ])
    expect(options.body.shipping_options[0].calculated_price.calculated_price.price_list_type).toBeNull()
    expect(options.body.shipping_options[0].service_zone.fulfillment_set.type).toBe("shipping")

    const shipped = await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: fx.options.standard })
    expect(shipped.body.cart).toMatchObject({
      item_subtotal: 29.97,
      item_tax_total: 5.994,
      item_total: 35.964,
      shipping_subtotal: 4.9,
      shipping_tax_total: 0.98,
      shipping_total: 5.88,
      subtotal: 34.87,
      tax_total: 6.974, // 5.994 + 0.98
      discount_total: 0,
      total: 41.844,
      original_total: 41.844,
    })
    expect(shipped.body.cart.shipping_methods).toEqual([
      expect.objectContaining({ name: "Standard", amount: 4.9, shipping_option_id: fx.options.standard }),
    ])

    const providers = await call("GET", `/store/payment-providers?region_id=${fx.regions.euro}`)
    expect(providers.body).toEqual({
      payment_providers: [{ id: "pp_system_default", is_enabled: true }],
      count: 1,
      offset: 0,
      limit: 1,
    })
    const collection = await post("/store/payment-collections", { cart_id: cart.id })
    expect(collection.body.payment_collection).toMatchObject({
      currency_code: "eur",
      amount: 41.844,
      payment_sessions: [],
    })
    expect(collection.body.payment_collection.id).toMatch(/^pay_col_/)
    const again = await post("/store/payment-collections", { cart_id: cart.id })
    expect(again.body.payment_collection.id).toBe(collection.body.payment_collection.id)
    const session = await post(`/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, {
      provider_id: "pp_system_default",
    })
    expect(session.body.payment_collection.payment_sessions).toEqual([
      expect.objectContaining({
        provider_id: "pp_system_default",
        amount: 41.844,
        status: "pending",
        currency_code: "eur",
      }),
    ])

    const before = await reserved(fx.variants.tee)
    const completed = await post(`/store/carts/${cart.id}/complete`)
    expect(completed.status).toBe(200)
    expect(completed.body.type).toBe("order")
    const order = completed.body.order
    expect(order.id).toMatch(/^order_/)
    expect(order).toMatchObject({
      status: "pending",
      email: "ada@example.com",
      currency_code: "eur",
      region_id: fx.regions.euro,
      item_subtotal: 29.97,
      shipping_total: 5.88,
      tax_total: 6.974,
      total: 41.844,
      payment_status: "authorized",
      shipping_address: expect.objectContaining({ country_code: "at" }),
    })
    expect(Number.isInteger(order.display_id)).toBe(true)
    expect(order.items).toEqual([
      expect.objectContaining({ quantity: 3, unit_price: 9.99, total: 35.964, tax_total: 5.994 }),
    ])
    expect(order.items[0].id).toMatch(/^ordli_/)
    expect((await reserved(fx.variants.tee)).reserved_quantity).toBe(before.reserved_quantity + 3)

    const fetched = await call("GET", `/store/orders/${order.id}?fields=*payment_collections.payments,*items`)
    expect(fetched.body.order.total).toBe(41.844)
    expect(fetched.body.order.payment_collections[0].payments).toEqual([
      expect.objectContaining({ amount: 41.844, provider_id: "pp_system_default" }),
    ])

    const { rows } = await db.query(
      "select name from event_outbox where data->>'id' in ($1, $2) order by created_at, id",
      [cart.id, order.id],
    )
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(["cart.created", "cart.updated", "order.placed"]),
    )
    expect(rows.filter((row) => row.name === "order.placed")).toHaveLength(1)
  })

  test("a zero-decimal currency (KRW) and an odd tax case (25.5 % VAT), not rounded", async () => {
    const krw = await readyCart([{ variant_id: fx.variants.tee, quantity: 1 }], "kr", fx.regions.won)
    const korea = (await call("GET", `/store/carts/${krw}`)).body.cart
    expect(korea).toMatchObject({
      currency_code: "krw",
      item_subtotal: 12900,
      item_tax_total: 1290,
      shipping_total: 3300,
      tax_total: 1590,
      total: 17490,
    })

    const fi = await readyCart([{ variant_id: fx.variants.tee, quantity: 3 }], "fi")
    const finland = (await call("GET", `/store/carts/${fi}`)).body.cart
    // 29.97 × 25.5 % = 7.64235; 4.90 × 25.5 % = 1.2495; total 29.97 + 4.90 + 8.89185
    expect(finland).toMatchObject({
      item_tax_total: 7.64235,
      shipping_tax_total: 1.2495,
      tax_total: 8.89185,
      total: 43.76185,
    })
    const order = (await post(`/store/carts/${fi}/complete`)).body.order
    expect(order).toMatchObject({ tax_total: 8.89185, total: 43.76185 })
  })

  test("changing region re-prices the cart", async () => {
    const { body } = await post("/store/carts", {
      region_id: fx.regions.euro,
      items: [{ variant_id: fx.variants.tee, quantity: 2 }],
    })
    const moved = await post(`/store/carts/${body.cart.id}`, { region_id: fx.regions.won })
    expect(moved.body.cart).toMatchObject({ currency_code: "krw", region_id: fx.regions.won, item_subtotal: 25800 })
    expect(moved.body.cart.items[0].unit_price).toBe(12900)
  })

  test("a change of total drops the payment sessions and updates the collection", async () => {
    const id = await readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])
    const grown = await post(`/store/carts/${id}/line-items`, { variant_id: fx.variants.unmanaged, quantity: 1 })
    expect(grown.body.cart.payment_collection).toMatchObject({ amount: grown.body.cart.total, payment_sessions: [] })
    const completed = await post(`/store/carts/${id}/complete`)
    expect(completed.status).toBe(400)
    expect(completed.body.message).toBe("Payment sessions are required to complete cart")
  })

  test("line items: update quantity, 0 removes, DELETE answers Medusa's delete shape", async () => {
    const { body } = await post("/store/carts", {
      region_id: fx.regions.euro,
      items: [
        { variant_id: fx.variants.tee, quantity: 1 },
        { variant_id: fx.variants.unmanaged, quantity: 1 },
      ],
    })
    const [tee, unmanaged] = body.cart.items
    const updated = await post(`/store/carts/${body.cart.id}/line-items/${tee.id}`, { quantity: 4 })
    expect(updated.body.cart.items.find((i: Json) => i.id === tee.id).quantity).toBe(4)
    const zeroed = await post(`/store/carts/${body.cart.id}/line-items/${tee.id}`, { quantity: 0 })
    expect(zeroed.body.cart.items.map((i: Json) => i.id)).toEqual([unmanaged.id])
    const deleted = await call("DELETE", `/store/carts/${body.cart.id}/line-items/${unmanaged.id}`)
    expect(deleted.body).toMatchObject({
      id: unmanaged.id,
      object: "line-item",
      deleted: true,
      parent: { id: body.cart.id, items: [] },
    })
  })
})

describe("bounded queries", () => {
  test("reading a cart costs the same number of statements with 1 line or 4", async () => {
    const count = async (id: string) =>
      sqlStatements(await worker.fetch(`/store/carts/${id}`, { headers: { "x-publishable-api-key": fx.key } }))
    const small = await readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])
    const large = await readyCart([
      { variant_id: fx.variants.tee, quantity: 1 },
      { variant_id: fx.variants.unmanaged, quantity: 1 },
      { variant_id: fx.variants.backorder, quantity: 1 },
      { variant_id: fx.variants.limited, quantity: 1 },
    ])
    expect(await count(large)).toBe(await count(small))
    expect(await count(small)).toBeLessThanOrEqual(15)
  })
})

describe("completion is idempotent", () => {
  test("completing again returns the same order", async () => {
    const id = await readyCart([{ variant_id: fx.variants.unmanaged, quantity: 1 }])
    const first = await post(`/store/carts/${id}/complete`)
    const second = await post(`/store/carts/${id}/complete`)
    expect(second.body).toMatchObject({
      type: "order",
      order: { id: first.body.order.id, display_id: first.body.order.display_id },
    })
    const update = await post(`/store/carts/${id}`, { email: "x@example.com" })
    expect(update.status).toBe(400)
    expect(update.body).toEqual({ type: "not_allowed", message: `Cart ${id} is already completed.` })
  })

  test("50 concurrent completions of one cart make exactly one order", async () => {
    const id = await readyCart([{ variant_id: fx.variants.tee, quantity: 2 }])
    const before = await reserved(fx.variants.tee)
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/store/carts/${id}/complete`)))
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200))
    const orderIds = new Set(results.map((r) => r.body.order?.id))
    expect(orderIds.size).toBe(1)
    const { rows } = await db.query('select count(*)::int as n from "order" where cart_id = $1', [id])
    expect(rows[0].n).toBe(1)
    expect((await reserved(fx.variants.tee)).reserved_quantity).toBe(before.reserved_quantity + 2)
  }, 60_000)

  test("an Idempotency-Key answers with the same order; reused for another cart it is a conflict", async () => {
    const key = `key-${Date.now()}`
    const id = await readyCart([{ variant_id: fx.variants.unmanaged, quantity: 1 }])
    const [a, b] = await Promise.all([
      post(`/store/carts/${id}/complete`, undefined, { "idempotency-key": key }),
      post(`/store/carts/${id}/complete`, undefined, { "idempotency-key": key }),
    ])
    expect(a.body.order.id).toBe(b.body.order.id)
    const other = await readyCart([{ variant_id: fx.variants.unmanaged, quantity: 1 }])
    const reused = await post(`/store/carts/${other}/complete`, undefined, { "idempotency-key": key })
    expect(reused.status).toBe(409)
    expect(reused.body).toMatchObject({ type: "conflict", code: "invalid_state_error" })
    expect((await call("GET", `/store/carts/${other}`)).body.cart.completed_at).toBeNull()
  })
})

describe("no oversell", () => {
  test(`${LIMITED_STOCK} in stock, 50 concurrent checkouts of one unit: exactly ${LIMITED_STOCK} orders`, async () => {
    const carts = await Promise.all(
      Array.from({ length: 50 }, () => readyCart([{ variant_id: fx.variants.limited, quantity: 1 }])),
    )
    const results = await Promise.all(carts.map((id) => post(`/store/carts/${id}/complete`)))
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200))
    const orders = results.filter((r) => r.body.type === "order")
    const refused = results.filter((r) => r.body.type === "cart")
    expect(orders).toHaveLength(LIMITED_STOCK)
    expect(refused).toHaveLength(50 - LIMITED_STOCK)
    for (const r of refused) {
      expect(r.body.error).toMatchObject({
        type: "not_allowed",
        message: expect.stringContaining("does not have the required inventory"),
      })
      expect(r.body.cart.completed_at).toBeNull()
    }
    expect(await reserved(fx.variants.limited)).toEqual({
      stocked_quantity: LIMITED_STOCK,
      reserved_quantity: LIMITED_STOCK,
    })
    const { rows } = await db.query('select count(*)::int as n from "order" where cart_id = any($1)', [carts])
    expect(rows[0].n).toBe(LIMITED_STOCK)
  }, 120_000) // 50 checkouts of 5 calls each: sized for a loaded 2-core machine

  test("backorder variants may go below zero; unmanaged ones are not tracked", async () => {
    const id = await readyCart([
      { variant_id: fx.variants.backorder, quantity: 2 },
      { variant_id: fx.variants.unmanaged, quantity: 3 },
    ])
    expect((await post(`/store/carts/${id}/complete`)).body.type).toBe("order")
    expect(await reserved(fx.variants.backorder)).toEqual({ stocked_quantity: 0, reserved_quantity: 2 })
  })
})

describe("bad input: a 4xx naming the problem, the cart unchanged", () => {
  let cartId: string
  beforeAll(async () => {
    cartId = (
      await post("/store/carts", { region_id: fx.regions.euro, items: [{ variant_id: fx.variants.tee, quantity: 1 }] })
    ).body.cart.id
  })
  const unchanged = async () => {
    const { body } = await call("GET", `/store/carts/${cartId}`)
    expect(body.cart.items.map((i: Json) => [i.variant_id, i.quantity])).toEqual([[fx.variants.tee, 1]])
  }

  test.each([
    [
      "an unknown variant",
      { variant_id: "variant_nope", quantity: 1 },
      400,
      "Variants with IDs variant_nope do not exist",
    ],
    ["quantity 0", { variant_id: "x", quantity: 0 }, 400, "quantity: quantity must be greater than 0"],
    ["quantity too large", { variant_id: "x", quantity: 1_000_000 }, 400, "quantity: quantity must be at most 10000"],
    ["a fractional quantity", { variant_id: "x", quantity: 1.5 }, 400, "quantity: quantity must be a whole number"],
    ["an unknown field", { variant_id: "x", quantity: 1, unit_price: 0 }, 400, "Unrecognized fields: 'unit_price'"],
  ])("%s", async (_name, body, status, message) => {
    const res = await post(`/store/carts/${cartId}/line-items`, body)
    expect(res.status).toBe(status)
    expect(res.body).toEqual({ type: "invalid_data", message })
    await unchanged()
  })

  test("a variant without a price in the cart's currency, or outside its channel", async () => {
    const noPrice = await post(`/store/carts/${cartId}/line-items`, {
      variant_id: fx.variants.dollarsOnly,
      quantity: 1,
    })
    expect(noPrice.body).toEqual({
      type: "invalid_data",
      message: `Variants with IDs ${fx.variants.dollarsOnly} do not have a price`,
    })
    const elsewhere = await post(`/store/carts/${cartId}/line-items`, {
      variant_id: fx.variants.elsewhere,
      quantity: 1,
    })
    expect(elsewhere.status).toBe(400)
    expect(elsewhere.body.message).toMatch(/is not associated with variants/)
    await unchanged()
  })

  test("more than the stock", async () => {
    const res = await post(`/store/carts/${cartId}/line-items`, { variant_id: fx.variants.tee, quantity: 5000 })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })
    await unchanged()
  })

  test("a shipping option the cart cannot use", async () => {
    await post(`/store/carts/${cartId}`, { shipping_address: address("at") })
    const res = await post(`/store/carts/${cartId}/shipping-methods`, { option_id: fx.options.portugalOnly })
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/^Shipping Options are invalid for cart/)
    expect((await call("GET", `/store/carts/${cartId}`)).body.cart.shipping_methods).toEqual([])
  })

  test("completing without what checkout needs says what is missing", async () => {
    const empty = (await post("/store/carts", { region_id: fx.regions.euro })).body.cart.id
    expect((await post(`/store/carts/${empty}/complete`)).body).toEqual({
      type: "invalid_data",
      message: "Cannot complete a cart with no items",
    })
    expect((await post(`/store/carts/${cartId}/complete`)).body.message).toBe("Cannot complete a cart without an email")
    await post(`/store/carts/${cartId}`, { email: "a@example.com" })
    expect((await post(`/store/carts/${cartId}/complete`)).body.message).toBe(
      "No shipping method selected but the cart contains items that require shipping.",
    )
    await post(`/store/carts/${cartId}/shipping-methods`, { option_id: fx.options.standard })
    expect((await post(`/store/carts/${cartId}/complete`)).body.message).toBe(
      "Payment collection has not been initiated for cart",
    )
    expect((await call("GET", `/store/carts/${cartId}`)).body.cart.completed_at).toBeNull()
  })

  test("malformed bodies and unknown carts", async () => {
    const res = await worker.fetch(`/store/carts/${cartId}`, {
      method: "POST",
      headers: { "x-publishable-api-key": fx.key, "content-type": "application/json" },
      body: "{not json",
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ type: "invalid_data", message: "Malformed JSON in request body" })
    expect((await post(`/store/carts/${cartId}`, { email: "not-an-email" })).body.message).toBe(
      "email: email must be an email address",
    )
    expect((await call("GET", "/store/carts/cart_missing")).status).toBe(404)
    expect((await post("/store/payment-collections", {})).body).toEqual({
      type: "invalid_data",
      message: "cart_id: cart_id is required",
    })
    expect((await call("GET", "/store/payment-providers")).status).toBe(400)
    expect((await call("GET", "/store/shipping-options")).status).toBe(400)
  })

  test("a payment provider the region does not offer", async () => {
    const id = (await post("/store/carts", { region_id: fx.regions.noPayment })).body.cart.id
    const collection = (await post("/store/payment-collections", { cart_id: id })).body.payment_collection
    const res = await post(`/store/payment-collections/${collection.id}/payment-sessions`, {
      provider_id: "pp_system_default",
    })
    expect(res.status).toBe(400)
    expect(res.body.message).toBe("Payment provider pp_system_default is not available in the cart's region")
  })
})
