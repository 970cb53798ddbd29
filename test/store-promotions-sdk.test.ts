import Medusa from "@medusajs/js-sdk"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { testConfig } from "./helpers/services"
import { address } from "./helpers/shopper"
import { startWorker, type TestWorker } from "./helpers/worker"

// @medusajs/types is not installed, so the SDK's answers are untyped here.
type Json = Record<string, any>

// Promotions through Medusa's own client over real HTTP: the merchant sets them up with sdk.admin, the shopper
// applies them with sdk.store. Every figure is worked out by hand with Medusa v2's rules (discounts before tax,
// adjustment amounts never rounded); tax and totals are not rounded either, as in Medusa.
// This file's countries: mw (20 %), mz (25.5 %), na (KRW, 10 %), bw.
const run = Date.now().toString(36)
let worker: TestWorker
let fx: CheckoutFixture
let admin: Medusa
let store: Medusa
/** Variant and product ids of the products this file makes, by handle prefix. */
const products: Record<string, { variant: string; product: string }> = {}

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 50, countries: { euro: ["mw", "mz"], won: "na", noPayment: "bw" } })
  worker = await startWorker({}, { listen: true })
  const email = `promotions-sdk-${run}@example.com`
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  admin = new Medusa({ baseUrl: worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  await admin.auth.login("user", "emailpass", { email, password: "admin-pw" })
  store = new Medusa({ baseUrl: worker.url, publishableKey: fx.key })
  const prices = {
    penny: [{ currency_code: "eur", amount: 3.33 }],
    seven: [{ currency_code: "eur", amount: 7.77 }],
    bowl: [{ currency_code: "krw", amount: 4500 }],
    big: [{ currency_code: "eur", amount: 12.5 }],
    small: [{ currency_code: "eur", amount: 7.5 }],
  }
  for (const [handle, amounts] of Object.entries(prices)) {
    const { product } = await admin.admin.product.create({
      title: `${handle} ${run}`,
      handle: `${handle}-${run}`,
      status: "published",
      shipping_profile_id: fx.profile,
      sales_channels: [{ id: fx.channel }],
      options: [{ title: "Size", values: ["One"] }],
      variants: [
        { title: "One", sku: `${handle}-${run}`, options: { Size: "One" }, manage_inventory: false, prices: amounts },
      ],
    })
    products[handle] = { variant: product.variants[0].id, product: product.id }
  }
})
afterAll(async () => {
  await worker?.dispose()
})

/** A code promotion, active, made through sdk.admin. */
const createPromotion = async (code: string, application_method: Json, extra: Json = {}) => {
  const { promotion } = await admin.admin.promotion.create({
    code,
    type: "standard",
    status: "active",
    application_method,
    ...extra,
  } as never)
  return promotion as Json
}

/** A cart shipped to `country` (so that it is taxed), with its lines. */
const cartWith = async (region: string, country: string, items: { variant_id: string; quantity: number }[]) => {
  const { cart } = await store.store.cart.create({ region_id: region, items })
  const { cart: addressed } = await store.store.cart.update(cart.id, {
    email: "ada@example.com",
    shipping_address: address(country),
    billing_address: address(country),
  })
  return addressed as Json
}

const addCodes = async (cartId: string, codes: string[]) =>
  (await store.store.cart.addPromotions(cartId, { promo_codes: codes })).cart as Json

/** Amounts of a line's adjustments, by code. */
const adjustmentsOf = (line: Json) =>
  Object.fromEntries(line.adjustments.map((adjustment: Json) => [adjustment.code, adjustment.amount]))

const lineOf = (cart: Json, variantId: string) => cart.items.find((item: Json) => item.variant_id === variantId)

/** The document totals every cart and order answers, to compare the one with the other. */
const TOTALS = [
  "item_subtotal",
  "item_tax_total",
  "item_total",
  "item_discount_total",
  "shipping_subtotal",
  "shipping_tax_total",
  "shipping_total",
  "shipping_discount_total",
  "subtotal",
  "tax_total",
  "discount_total",
  "discount_subtotal",
  "discount_tax_total",
  "original_total",
  "original_tax_total",
  "total",
] as const
const totalsOf = (document: Json) => Object.fromEntries(TOTALS.map((key) => [key, document[key]]))

describe("promotions through @medusajs/js-sdk", () => {
  test("15 % off across three lines with odd cents: each line's share is exact, tax is on what is left", async () => {
    const code = `FIFTEEN-${run}`
    await createPromotion(code, { type: "percentage", target_type: "items", allocation: "across", value: 15 })
    const cart = await cartWith(fx.regions.euro, "mw", [
      { variant_id: fx.variants.tee, quantity: 3 },
      { variant_id: products.penny!.variant, quantity: 1 },
      { variant_id: products.seven!.variant, quantity: 2 },
    ])
    expect(cart.item_subtotal).toBe(48.84)
    const applied = await addCodes(cart.id, [code])
    // 15 % of 29.97, 3.33 and 15.54, unrounded; tax 20 % of 25.4745, 2.8305, 13.209, unrounded too.
    const tee = lineOf(applied, fx.variants.tee)
    const penny = lineOf(applied, products.penny!.variant)
    const seven = lineOf(applied, products.seven!.variant)
    expect(adjustmentsOf(tee)).toEqual({ [code]: 4.4955 })
    expect(adjustmentsOf(penny)).toEqual({ [code]: 0.4995 })
    expect(adjustmentsOf(seven)).toEqual({ [code]: 2.331 })
    expect(tee).toMatchObject({ subtotal: 29.97, discount_subtotal: 4.4955, tax_total: 5.0949, total: 30.5694 })
    expect(penny).toMatchObject({ subtotal: 3.33, discount_subtotal: 0.4995, tax_total: 0.5661, total: 3.3966 })
    expect(seven).toMatchObject({ subtotal: 15.54, discount_subtotal: 2.331, tax_total: 2.6418, total: 15.8508 })
    expect(applied).toMatchObject({
      item_subtotal: 48.84,
      discount_subtotal: 7.326,
      // 48.84 × 20 % before the discount, 5.0949 + 0.5661 + 2.6418 after.
      original_tax_total: 9.768,
      tax_total: 8.3028,
      discount_tax_total: 1.4652,
      discount_total: 8.7912, // 7.326 + 1.4652
      total: 49.8168, // 48.84 − 7.326 + 8.3028
    })
    expect(applied.promotions.map((p: Json) => p.code)).toEqual([code])
  })

  test("1000 KRW across lines of 12900 and 2 × 4500: shares in proportion, not rounded to whole won", async () => {
    const code = `WON-${run}`
    await createPromotion(code, {
      type: "fixed",
      target_type: "items",
      allocation: "across",
      value: 1000,
      currency_code: "krw",
    })
    const cart = await cartWith(fx.regions.won, "na", [
      { variant_id: fx.variants.tee, quantity: 1 },
      { variant_id: products.bowl!.variant, quantity: 2 },
    ])
    expect(cart).toMatchObject({ currency_code: "krw", item_subtotal: 21900, tax_total: 2190 })
    const applied = await addCodes(cart.id, [code])
    const tee = lineOf(applied, fx.variants.tee)
    const bowl = lineOf(applied, products.bowl!.variant)
    // Medusa's getPromotionValueForFixed: value × line / Σ lines, with no remainder to hand out (nothing rounded).
    expect(adjustmentsOf(tee)).toEqual({ [code]: 12_900_000 / 21_900 })
    expect(adjustmentsOf(bowl)).toEqual({ [code]: 9_000_000 / 21_900 })
    expect(tee.adjustments[0].amount + bowl.adjustments[0].amount).toBeCloseTo(1000, 9)
    // Tax 10 % of 12310.958904109589041095890… and of 8589.041095890410958904109…, not rounded to whole won;
    // each total is (subtotal − share) × 1.1, the exact decimal as a JS number.
    expect(tee).toMatchObject({ subtotal: 12900, tax_total: 1231.0958904109589 })
    expect(bowl).toMatchObject({ subtotal: 9000, tax_total: 858.9041095890411 })
    expect(tee.total).toBe(13542.054794520547)
    expect(bowl.total).toBe(9447.945205479453)
    expect(applied).toMatchObject({
      discount_subtotal: 1000,
      tax_total: 2090,
      discount_tax_total: 100,
      discount_total: 1100,
      total: 22990,
    })
  })

  test("buy 2 tees, get the third free: nothing on two, 9.99 off on three", async () => {
    const cart = await cartWith(fx.regions.euro, "mw", [{ variant_id: fx.variants.tee, quantity: 2 }])
    const line = cart.items[0]
    const tees = [{ attribute: "items.product.id", operator: "eq", values: [line.product_id] }]
    const code = `B2G1-${run}`
    await createPromotion(
      code,
      {
        type: "percentage",
        target_type: "items",
        allocation: "each",
        // Medusa requires max_quantity with allocation "each": one free tee per cart.
        max_quantity: 1,
        value: 100,
        buy_rules_min_quantity: 2,
        apply_to_quantity: 1,
        buy_rules: tees,
        target_rules: tees,
      },
      { type: "buyget" },
    )
    // Two tees are both bought units: there is no third to give, so the code gives nothing and is not kept.
    const two = await addCodes(cart.id, [code])
    expect(two.items[0].adjustments).toEqual([])
    expect(two).toMatchObject({ discount_total: 0, total: 23.976, promotions: [] }) // 19.98 × 1.2

    await store.store.cart.updateLineItem(cart.id, line.id, { quantity: 3 })
    const three = await addCodes(cart.id, [code])
    // One unit of 29.97 / 3 free; tax 20 % of 19.98 = 3.996, against 5.994 before.
    expect(adjustmentsOf(three.items[0])).toEqual({ [code]: 9.99 })
    expect(three).toMatchObject({
      item_subtotal: 29.97,
      discount_subtotal: 9.99,
      tax_total: 3.996,
      discount_tax_total: 1.998,
      discount_total: 11.988,
      total: 23.976,
    })
    expect(three.promotions.map((p: Json) => p.code)).toEqual([code])
  })

  test("free shipping: the shipping method's whole price and its tax come off", async () => {
    const code = `SHIPFREE-${run}`
    await createPromotion(code, {
      type: "percentage",
      target_type: "shipping_methods",
      allocation: "each",
      max_quantity: 1,
      value: 100,
    })
    const cart = await cartWith(fx.regions.euro, "mw", [{ variant_id: fx.variants.tee, quantity: 1 }])
    const shipped = (await store.store.cart.addShippingMethod(cart.id, { option_id: fx.options.standard })).cart
    expect(shipped).toMatchObject({ shipping_subtotal: 4.9, shipping_tax_total: 0.98, shipping_total: 5.88 })
    const applied = await addCodes(cart.id, [code])
    const [method] = applied.shipping_methods
    expect(method.adjustments).toHaveLength(1)
    expect(method.adjustments[0]).toMatchObject({ code, amount: 4.9, shipping_method_id: method.id })
    expect(method).toMatchObject({ subtotal: 4.9, discount_subtotal: 4.9, tax_total: 0, total: 0 })
    expect(applied.items[0].adjustments).toEqual([])
    expect(applied).toMatchObject({
      shipping_subtotal: 4.9,
      shipping_tax_total: 0,
      shipping_total: 0,
      original_shipping_total: 5.88,
      shipping_discount_total: 5.88,
      item_total: 11.988, // 9.99 × 1.2
      discount_subtotal: 4.9,
      discount_tax_total: 0.98,
      discount_total: 5.88,
      total: 11.988,
    })
  })

  test("tax-inclusive prices (a region's price preference): 10 % comes off the net price", async () => {
    // mz leaves the fixture's region for one of its own whose prices include tax (25.5 %).
    await admin.admin.region.update(fx.regions.euro, { countries: ["mw"] })
    const { region } = await admin.admin.region.create({
      name: `Inclusive ${run}`,
      currency_code: "eur",
      countries: ["mz"],
      payment_providers: ["pp_system_default"],
    })
    await admin.admin.pricePreference.create({ attribute: "region_id", value: region.id, is_tax_inclusive: true })
    const code = `INCL-${run}`
    await createPromotion(code, { type: "percentage", target_type: "items", allocation: "across", value: 10 })
    const cart = await cartWith(region.id, "mz", [{ variant_id: fx.variants.tee, quantity: 2 }])
    // 19.98 holds its tax: 19.98 / 1.255 = 15.92031872509960159363 net (20 places), 4.05968127490039840637 tax.
    const net = 15.920318725099602
    expect(cart.items[0]).toMatchObject({
      unit_price: 9.99,
      is_tax_inclusive: true,
      subtotal: net,
      tax_total: 4.059681274900399,
    })
    expect(cart).toMatchObject({ subtotal: net, tax_total: 4.059681274900399, total: 19.98 })
    const applied = await addCodes(cart.id, [code])
    // The promotion is not tax-inclusive: 10 % of the net, 1.592031872509960159363; tax 25.5 % of the 90 % left,
    // 3.653713147410358565738085; the total is 19.98 × 0.9 = 17.982 (and 5.085e-21 from the 20-place division).
    const [line] = applied.items
    expect(line.adjustments[0]).toMatchObject({ code, amount: 1.5920318725099603, is_tax_inclusive: false })
    expect(line).toMatchObject({
      subtotal: net,
      original_total: 19.98,
      discount_subtotal: 1.5920318725099603,
      tax_total: 3.6537131474103584,
      discount_tax_total: 0.40596812749003985, // 4.05968127490039840637 − 3.653713147410358565738085
      discount_total: 1.998, // 1.997999999999999999994915
      total: 17.982,
    })
    expect(applied).toMatchObject({ discount_total: 1.998, tax_total: 3.6537131474103584, total: 17.982 })
  })

  test("a code and an automatic promotion on one cart: the larger value applies first, the other on what is left", async () => {
    const code = `TENOFF-${run}`
    await createPromotion(code, { type: "percentage", target_type: "items", allocation: "across", value: 10 })
    // Automatic promotions apply to every cart: this one only to carts of this region holding the "big" product.
    const automatic = await createPromotion(
      `AUTO-${run}`,
      { type: "fixed", target_type: "order", allocation: "across", value: 4, currency_code: "eur" },
      {
        is_automatic: true,
        rules: [
          { attribute: "region.id", operator: "eq", values: [fx.regions.euro] },
          { attribute: "items.product.id", operator: "in", values: [products.big!.product] },
        ],
      },
    )
    const cart = await cartWith(fx.regions.euro, "mw", [
      { variant_id: products.big!.variant, quantity: 1 },
      { variant_id: products.small!.variant, quantity: 1 },
    ])
    // Alone, the automatic one: 4 across 12.50 and 7.50.
    expect(adjustmentsOf(lineOf(cart, products.big!.variant))).toEqual({ [automatic.code]: 2.5 })
    expect(adjustmentsOf(lineOf(cart, products.small!.variant))).toEqual({ [automatic.code]: 1.5 })
    expect(cart).toMatchObject({ discount_subtotal: 4, total: 19.2 })

    // Medusa's sortByBuyGetType: same type, higher application_method.value first, so 10 % (value 10) before 4 EUR.
    const applied = await addCodes(cart.id, [code])
    const big = lineOf(applied, products.big!.variant)
    const small = lineOf(applied, products.small!.variant)
    // 10 % of 12.50 and 7.50; then 4 across what is left (11.25 and 6.75 of 18).
    expect(adjustmentsOf(big)).toEqual({ [code]: 1.25, [automatic.code]: 2.5 })
    expect(adjustmentsOf(small)).toEqual({ [code]: 0.75, [automatic.code]: 1.5 })
    expect(big.adjustments.find((a: Json) => a.code === automatic.code).promotion_id).toBe(automatic.id)
    // Tax 20 % of 8.75 and 5.25.
    expect(big).toMatchObject({ discount_subtotal: 3.75, tax_total: 1.75, total: 10.5 })
    expect(small).toMatchObject({ discount_subtotal: 2.25, tax_total: 1.05, total: 6.3 })
    expect(applied).toMatchObject({
      item_subtotal: 20,
      discount_subtotal: 6,
      tax_total: 2.8,
      discount_tax_total: 1.2,
      discount_total: 7.2,
      total: 16.8,
    })
    expect(applied.promotions.map((p: Json) => p.code).sort()).toEqual([automatic.code, code].sort())

    // Taking the code off leaves the automatic one as it was alone.
    const removed = (await store.store.cart.removePromotions(cart.id, { promo_codes: [code] })).cart
    expect(adjustmentsOf(lineOf(removed, products.big!.variant))).toEqual({ [automatic.code]: 2.5 })
    expect(removed).toMatchObject({ discount_subtotal: 4, total: 19.2 })
  })
})

/** A Store API call over HTTP, to read the error body (the SDK's FetchError keeps only the message). */
const storeCall = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${worker.url}${path}`, {
    method,
    headers: { "x-publishable-api-key": fx.key, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}

describe("bad promotion input through @medusajs/js-sdk", () => {
  test("a code that is unknown, a draft, or of an ended campaign is a 400 naming it; the cart is unchanged", async () => {
    const valid = `VALID-${run}`
    await createPromotion(valid, { type: "percentage", target_type: "items", allocation: "across", value: 10 })
    const draft = `DRAFTED-${run}`
    await createPromotion(
      draft,
      { type: "percentage", target_type: "items", allocation: "across", value: 50 },
      {
        status: "draft",
      },
    )
    const { campaign } = await admin.admin.campaign.create({
      name: `Ended ${run}`,
      campaign_identifier: `ended-${run}`,
      starts_at: new Date(Date.now() - 14 * 86_400_000).toISOString(),
      ends_at: new Date(Date.now() - 86_400_000).toISOString(),
    } as never)
    const ended = `ENDED-${run}`
    await createPromotion(
      ended,
      { type: "percentage", target_type: "items", allocation: "across", value: 50 },
      {
        campaign_id: campaign.id,
      },
    )

    const cart = await cartWith(fx.regions.euro, "mw", [{ variant_id: fx.variants.tee, quantity: 1 }])
    const before = await addCodes(cart.id, [valid])
    // 0.999 off 9.99; tax 20 % of 8.991 = 1.7982; total 8.991 + 1.7982.
    expect(before).toMatchObject({ discount_subtotal: 0.999, tax_total: 1.7982, total: 10.7892 })

    for (const code of [`UNKNOWN-${run}`, draft, ended]) {
      const refused = await storeCall("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: [code] })
      expect(refused).toEqual({
        status: 400,
        body: { type: "invalid_data", message: `The promotion code ${code} is invalid` },
      })
      await expect(store.store.cart.addPromotions(cart.id, { promo_codes: [code] })).rejects.toMatchObject({
        status: 400,
        message: `The promotion code ${code} is invalid`,
      })
    }
    const { cart: after } = await store.store.cart.retrieve(cart.id)
    expect(totalsOf(after)).toEqual(totalsOf(before))
    expect(after.promotions.map((p: Json) => p.code)).toEqual([valid])
    expect(after.items[0].adjustments.map((a: Json) => [a.code, a.amount])).toEqual([[valid, 0.999]])
  })

  /** A promotion the admin must refuse: a raw call, since the SDK's error drops `type`; nothing is stored. */
  const expectPromotionRefused = async (code: string, extra: Json, message: RegExp) => {
    const res = await fetch(`${worker.url}/admin/promotions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await admin.client.getToken()}` },
      body: JSON.stringify({ code, type: "standard", status: "active", ...extra }),
    })
    expect(res.status).toBe(400)
    const refusal = (await res.json()) as Json
    expect(refusal.type).toBe("invalid_data")
    expect(refusal.message).toMatch(message)
    const { promotions } = await admin.admin.promotion.list({ code } as never)
    expect(promotions).toEqual([])
  }

  test("a rule on an attribute no cart holds is refused by the admin, and no promotion is made", async () => {
    // Medusa accepts any attribute (its context is the whole cart); ours holds a known set, so such a rule could never match.
    await expectPromotionRefused(
      `ODDRULE-${run}`,
      {
        application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
        rules: [{ attribute: "no_such.attribute", operator: "eq", values: ["x"] }],
      },
      /^Rule attribute no_such\.attribute is not supported in rules; use one of: currency_code, /,
    )
  })

  test("a percentage over 100 is refused by the admin, and no promotion is made", async () => {
    await expectPromotionRefused(
      `TOOMUCH-${run}`,
      { application_method: { type: "percentage", target_type: "items", allocation: "across", value: 100.01 } },
      /^Application Method value should be a percentage number between 0 and 100$/,
    )
  })
})

describe("an order placed through @medusajs/js-sdk with a promotion", () => {
  test("carries the promotion, the adjustments and the cart's totals", async () => {
    const code = `ORDER20-${run}`
    const promotion = await createPromotion(code, {
      type: "percentage",
      target_type: "items",
      allocation: "across",
      value: 20,
    })
    const cart = await cartWith(fx.regions.euro, "mw", [
      { variant_id: fx.variants.tee, quantity: 1 },
      { variant_id: products.seven!.variant, quantity: 1 },
    ])
    await store.store.cart.addShippingMethod(cart.id, { option_id: fx.options.standard })
    const applied = await addCodes(cart.id, [code])
    // 20 % of 9.99 and 7.77; tax 20 % of 7.992 = 1.5984 and of 6.216 = 1.2432; shipping 4.90 + 0.98.
    expect(applied).toMatchObject({
      item_subtotal: 17.76,
      discount_subtotal: 3.552,
      item_tax_total: 2.8416,
      shipping_total: 5.88,
      original_total: 27.192, // 17.76 × 1.2 + 5.88
      discount_tax_total: 0.7104, // 3.552 × 20 %
      discount_total: 4.2624,
      total: 22.9296, // 14.208 + 2.8416 + 5.88
    })
    await store.store.payment.initiatePaymentSession(applied as never, { provider_id: "pp_system_default" })
    const completed = await store.store.cart.complete(cart.id)
    expect(completed.type).toBe("order")
    const order = (completed as Json).order as Json
    expect(totalsOf(order)).toEqual(totalsOf(applied))
    expect(order.total).toBe(22.9296)
    expect(order.promotions.map((p: Json) => [p.id, p.code])).toEqual([[promotion.id, code]])
    expect(adjustmentsOf(lineOf(order, fx.variants.tee))).toEqual({ [code]: 1.998 })
    expect(adjustmentsOf(lineOf(order, products.seven!.variant))).toEqual({ [code]: 1.554 })
    expect(lineOf(order, fx.variants.tee).adjustments[0].promotion_id).toBe(promotion.id)
    expect(order.shipping_methods[0].adjustments).toEqual([])
  })
})
