import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { adminToken, expectRefused } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { sqlStatements, startWorker, type TestWorker } from "./helpers/worker"

// Price lists on this file's own fixture products (a list prices only the variants it names),
// read back through the Store API as a guest and as a customer in a group. Countries: la, mn, np, lk.
type Json = Record<string, any>
let worker: TestWorker
let fx: CheckoutFixture
let db: pg.Client
let token: string
let customer: { id: string; token: string }
let groupId: string
const run = Date.now().toString(36)
const vip = { email: `vip-${run}@example.com`, password: "correct horse battery" }

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await worker.fetch(path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}
const admin = (method: string, path: string, body?: unknown) =>
  call(method, path, body, { authorization: `Bearer ${token}` })
const store = (method: string, path: string, body?: unknown, bearer?: string) =>
  call(method, path, body, {
    "x-publishable-api-key": fx.key,
    ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
  })

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 5, countries: { euro: ["la", "mn"], won: "np", noPayment: "lk" } })
  worker = await startWorker({}, { listen: true })
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  token = await adminToken(worker, `price-lists-${run}@example.com`)
  const { email, password } = vip
  const registered = await call("POST", "/auth/customer/emailpass/register", { email, password })
  const created = await store("POST", "/store/customers", { email }, registered.body.token)
  const login = await call("POST", "/auth/customer/emailpass", { email, password })
  customer = { id: created.body.customer.id, token: login.body.token }
  const group = await admin("POST", "/admin/customer-groups", { name: `VIP ${run}` })
  groupId = group.body.customer_group.id
  await admin("POST", `/admin/customer-groups/${groupId}/customers`, { add: [customer.id] })
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

const productOf = async (variantId: string) =>
  (await db.query("select product_id from product_variant where id = $1", [variantId])).rows[0].product_id as string

/** The variant's calculated_price in the fixture's euro region, for a guest or a customer. */
const priceOf = async (variantId: string, bearer?: string) => {
  const productId = await productOf(variantId)
  const res = await store("GET", `/store/products/${productId}?region_id=${fx.regions.euro}`, undefined, bearer)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.product.variants.find((variant: Json) => variant.id === variantId).calculated_price as Json
}

const createList = async (body: Json) => {
  const res = await admin("POST", "/admin/price-lists", { description: "", ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.price_list as Json
}

describe("a sale for a customer group", () => {
  test("a guest sees the region price; a customer in the group sees the sale beside the original", async () => {
    const list = await createList({
      title: `VIP sale ${run}`,
      status: "active",
      type: "sale",
      rules: { "customer.groups.id": [groupId] },
      prices: [{ variant_id: fx.variants.tee, currency_code: "EUR", amount: 7.49 }],
    })
    expect(list).toMatchObject({
      title: `VIP sale ${run}`,
      status: "active",
      type: "sale",
      rules: { "customer.groups.id": [groupId] },
      prices: [{ variant_id: fx.variants.tee, currency_code: "eur", amount: 7.49, rules: {} }],
    })

    const guest = await priceOf(fx.variants.tee)
    expect(guest).toMatchObject({
      calculated_amount: 9.99,
      original_amount: 9.99,
      is_calculated_price_price_list: false,
      calculated_price: { price_list_id: null, price_list_type: null },
    })
    const member = await priceOf(fx.variants.tee, customer.token)
    expect(member).toMatchObject({
      calculated_amount: 7.49,
      original_amount: 9.99,
      is_calculated_price_price_list: true,
      is_original_price_price_list: false,
      calculated_price: { id: list.prices[0].id, price_list_id: list.id, price_list_type: "sale" },
      original_price: { price_list_id: null, price_list_type: null },
    })
    // The catalog cache keeps the two answers apart.
    expect((await priceOf(fx.variants.tee)).calculated_amount).toBe(9.99)

    const cartOf = async (bearer?: string) =>
      (
        await store(
          "POST",
          "/store/carts",
          { region_id: fx.regions.euro, items: [{ variant_id: fx.variants.tee, quantity: 3 }] },
          bearer,
        )
      ).body.cart as Json
    expect((await cartOf()).items[0].unit_price).toBe(9.99)
    const memberCart = await cartOf(customer.token)
    expect(memberCart.items[0].unit_price).toBe(7.49)
    expect(memberCart.item_subtotal).toBe(22.47)

    // A guest cart that becomes the member's takes the member's price.
    const guestCart = await cartOf()
    const transferred = await store("POST", `/store/carts/${guestCart.id}/customer`, {}, customer.token)
    expect(transferred.status, JSON.stringify(transferred.body)).toBe(200)
    expect(transferred.body.cart.items[0].unit_price).toBe(7.49)

    await admin("DELETE", `/admin/price-lists/${list.id}`)
    expect((await priceOf(fx.variants.tee, customer.token)).calculated_amount).toBe(9.99)
  })
})

describe("which price wins", () => {
  test("an override replaces the price for everyone, even when higher; a sale above the price does not apply", async () => {
    const override = await createList({
      title: `Override ${run}`,
      status: "active",
      type: "override",
      prices: [{ variant_id: fx.variants.backorder, currency_code: "eur", amount: 6.5 }],
    })
    expect(await priceOf(fx.variants.backorder)).toMatchObject({
      calculated_amount: 6.5,
      original_amount: 6.5,
      is_calculated_price_price_list: true,
      is_original_price_price_list: true,
      calculated_price: { price_list_id: override.id, price_list_type: "override" },
      original_price: { price_list_id: override.id, price_list_type: "override" },
    })
    await admin("DELETE", `/admin/price-lists/${override.id}`)

    const dearSale = await createList({
      title: `Dear sale ${run}`,
      status: "active",
      prices: [{ variant_id: fx.variants.backorder, currency_code: "eur", amount: 5.5 }],
    })
    expect(dearSale.type).toBe("sale")
    expect(await priceOf(fx.variants.backorder)).toMatchObject({
      calculated_amount: 5,
      original_amount: 5,
      is_calculated_price_price_list: false,
    })
    await admin("DELETE", `/admin/price-lists/${dearSale.id}`)
  })

  test("a draft list, one not started and one ended change nothing; a region rule limits a list's price", async () => {
    const day = 24 * 3600 * 1000
    const lists = await Promise.all([
      createList({
        title: `Draft ${run}`,
        prices: [{ variant_id: fx.variants.unmanaged, currency_code: "eur", amount: 1 }],
      }),
      createList({
        title: `Later ${run}`,
        status: "active",
        starts_at: new Date(Date.now() + day).toISOString(),
        prices: [{ variant_id: fx.variants.unmanaged, currency_code: "eur", amount: 1.5 }],
      }),
      createList({
        title: `Ended ${run}`,
        status: "active",
        starts_at: new Date(Date.now() - 2 * day).toISOString(),
        ends_at: new Date(Date.now() - day).toISOString(),
        prices: [{ variant_id: fx.variants.unmanaged, currency_code: "eur", amount: 2 }],
      }),
      createList({
        title: `Elsewhere ${run}`,
        status: "active",
        prices: [
          {
            variant_id: fx.variants.unmanaged,
            currency_code: "eur",
            amount: 2.5,
            rules: { region_id: fx.regions.noPayment },
          },
        ],
      }),
    ])
    expect(lists[0]!.status).toBe("draft")
    expect(await priceOf(fx.variants.unmanaged)).toMatchObject({
      calculated_amount: 3,
      is_calculated_price_price_list: false,
    })

    const running = await createList({
      title: `Running ${run}`,
      status: "active",
      starts_at: new Date(Date.now() - day).toISOString(),
      ends_at: new Date(Date.now() + day).toISOString(),
      prices: [{ variant_id: fx.variants.unmanaged, currency_code: "eur", amount: 2.75 }],
    })
    expect((await priceOf(fx.variants.unmanaged)).calculated_amount).toBe(2.75)
    // Activating the draft: the lowest sale wins.
    const activated = await admin("POST", `/admin/price-lists/${lists[0]!.id}`, { status: "active" })
    expect(activated.status).toBe(200)
    expect((await priceOf(fx.variants.unmanaged)).calculated_amount).toBe(1)
    for (const list of [...lists, running]) await admin("DELETE", `/admin/price-lists/${list.id}`)
  })
})

describe("the admin's price lists", () => {
  test("prices are added, changed and removed in batches; the list's products are listed and removed", async () => {
    const list = await createList({ title: `Batch ${run}`, status: "draft" })
    const batch = await admin("POST", `/admin/price-lists/${list.id}/prices/batch`, {
      create: [
        { variant_id: fx.variants.tee, currency_code: "eur", amount: 8 },
        { variant_id: fx.variants.tee, currency_code: "krw", amount: 11000 },
        { variant_id: fx.variants.limited, currency_code: "eur", amount: 90 },
      ],
    })
    expect(batch.status, JSON.stringify(batch.body)).toBe(200)
    expect(batch.body.created.map((price: Json) => [price.variant_id, price.currency_code, price.amount])).toEqual([
      [fx.variants.tee, "eur", 8],
      [fx.variants.tee, "krw", 11000],
      [fx.variants.limited, "eur", 90],
    ])
    const [eur, krw] = batch.body.created as Json[]
    const changed = await admin("POST", `/admin/price-lists/${list.id}/prices/batch`, {
      update: [{ id: eur!.id, variant_id: fx.variants.tee, amount: 7.25 }],
      delete: [krw!.id],
    })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body.updated).toMatchObject([{ id: eur!.id, amount: 7.25, currency_code: "eur" }])
    expect(changed.body.deleted).toEqual({ ids: [krw!.id], object: "price", deleted: true })

    const prices = await admin("GET", `/admin/price-lists/${list.id}/prices?limit=1`)
    expect(prices.body).toMatchObject({ count: 2, limit: 1, offset: 0 })
    expect(prices.body.prices).toHaveLength(1)

    const products = await admin("GET", `/admin/products?price_list_id[]=${list.id}&fields=id`)
    expect(products.status).toBe(200)
    const productIds = [await productOf(fx.variants.tee), await productOf(fx.variants.limited)]
    expect(products.body.products.map((product: Json) => product.id).sort()).toEqual([...productIds].sort())
    expect(products.body.count).toBe(2)

    const removed = await admin("POST", `/admin/price-lists/${list.id}/products`, { remove: [productIds[1]] })
    expect(removed.status).toBe(200)
    expect(removed.body.price_list.prices.map((price: Json) => price.id)).toEqual([eur!.id])
    // The variant's own prices are untouched by the list's.
    const variant = await admin("GET", `/admin/products/${productIds[0]}?fields=*variants.prices`)
    expect(variant.body.product.variants[0].prices.map((price: Json) => price.amount).sort()).toEqual([12900, 9.99])

    const listed = await admin("GET", `/admin/price-lists?q=Batch ${run}&status[]=draft`)
    expect(listed.body.count).toBe(1)
    expect(listed.body.price_lists[0]).toMatchObject({ id: list.id, prices: [{ id: eur!.id }] })
    const updated = await admin("POST", `/admin/price-lists/${list.id}`, {
      title: `Batch ${run} renamed`,
      rules: { "customer.groups.id": [groupId] },
    })
    expect(updated.body.price_list).toMatchObject({
      title: `Batch ${run} renamed`,
      rules: { "customer.groups.id": [groupId] },
    })
    const deleted = await admin("DELETE", `/admin/price-lists/${list.id}`)
    expect(deleted.body).toEqual({ id: list.id, object: "price_list", deleted: true })
    expect((await admin("GET", `/admin/price-lists/${list.id}`)).status).toBe(404)
    // Each command wrote its event with the change: created, two batches, the products removed, the update, the delete.
    const events = await db.query("select name from event_outbox where data->>'id' = $1 order by created_at, id", [
      list.id,
    ])
    expect(events.rows.map((row) => row.name)).toEqual([
      "price_list.created",
      ...Array(4).fill("price_list.updated"),
      "price_list.deleted",
    ])
  })

  test("bad input is a 400 that stores nothing; an unknown list is Medusa's 404", async () => {
    await expectRefused(db, "price_list", (body) => admin("POST", "/admin/price-lists", body), [
      [{ description: "no title" }, /title/],
      [{ title: "T", type: "discount" }, /type/],
      [{ title: "T", status: "live" }, /status/],
      [{ title: "T", starts_at: "2026-02-01", ends_at: "2026-01-01" }, /ends_at: must not be before starts_at/],
      [{ title: "T", starts_at: "soon" }, /starts_at/],
      [{ title: "T", rules: { "customer.groups.id": "one" } }, /rules/],
      [{ title: "T", prices: [{ variant_id: fx.variants.tee, currency_code: "eur", amount: -1 }] }, /amount/],
      [{ title: "T", prices: [{ variant_id: fx.variants.tee, currency_code: "euro", amount: 1 }] }, /currency_code/],
      [
        { title: "T", prices: [{ variant_id: "variant_missing", currency_code: "eur", amount: 1 }] },
        /No price set exist for variants: variant_missing/,
      ],
    ])
    const list = await createList({ title: `Refusals ${run}` })
    await expectRefused(db, "price", (body) => admin("POST", `/admin/price-lists/${list.id}/prices/batch`, body), [
      [{ create: [{ variant_id: fx.variants.tee, currency_code: "eur" }] }, /amount/],
      [{ create: [{ variant_id: "variant_missing", currency_code: "eur", amount: 1 }] }, /No price set exist/],
      [{ upsert: [] }, /upsert/],
    ])
    const missing = await admin("POST", `/admin/price-lists/${list.id}/prices/batch`, {
      update: [{ id: "price_missing", variant_id: fx.variants.tee, amount: 1 }],
    })
    expect(missing.status).toBe(404)
    expect((await admin("GET", "/admin/price-lists/plist_missing")).body).toEqual({
      type: "not_found",
      message: "Price list with id: plist_missing was not found",
    })
    await admin("DELETE", `/admin/price-lists/${list.id}`)
  })
})

describe("through @medusajs/js-sdk", () => {
  test("a logged-in customer in the group gets the list's price on the product and in the cart; a guest does not", async () => {
    const list = await createList({
      title: `SDK sale ${run}`,
      status: "active",
      rules: { "customer.groups.id": [groupId] },
      prices: [{ variant_id: fx.variants.limited, currency_code: "eur", amount: 79.9 }],
    })
    const productId = await productOf(fx.variants.limited)
    const guest = new Medusa({ baseUrl: worker.url, publishableKey: fx.key })
    const member = new Medusa({
      baseUrl: worker.url,
      publishableKey: fx.key,
      auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
    })
    await member.auth.login("customer", "emailpass", vip)
    const priced = async (sdk: Medusa) =>
      (await sdk.store.product.retrieve(productId, { region_id: fx.regions.euro })).product.variants!.find(
        (variant: Json) => variant.id === fx.variants.limited,
      )!.calculated_price as Json
    expect(await priced(guest)).toMatchObject({ calculated_amount: 100, original_amount: 100 })
    expect(await priced(member)).toMatchObject({
      calculated_amount: 79.9,
      original_amount: 100,
      calculated_price: { price_list_id: list.id, price_list_type: "sale" },
    })
    const { cart } = await member.store.cart.create({
      region_id: fx.regions.euro,
      items: [{ variant_id: fx.variants.limited, quantity: 2 }],
    })
    expect(cart.items![0]!.unit_price).toBe(79.9)
    expect(cart.item_subtotal).toBe(159.8)
    await admin("DELETE", `/admin/price-lists/${list.id}`)
  })
})

describe("what a customer's product read costs", () => {
  test("the same as a guest's while no active list names groups; one statement more (the groups) once one does", async () => {
    const productId = await productOf(fx.variants.tee)
    const statements = async (bearer?: string) => {
      const res = await worker.fetch(`/store/products/${productId}?region_id=${fx.regions.euro}`, {
        // Past the catalog cache, so the statements are counted.
        headers: {
          "x-publishable-api-key": fx.key,
          "cache-control": "no-cache",
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
      })
      expect(res.status).toBe(200)
      return sqlStatements(res)
    }
    const guest = await statements()
    // Whether a list names groups is read once, then held by the catalog cache until price lists change.
    await statements(customer.token)
    expect(await statements(customer.token)).toBe(guest)
    const list = await createList({
      title: `Cost ${run}`,
      status: "active",
      rules: { "customer.groups.id": [groupId] },
      prices: [{ variant_id: fx.variants.tee, currency_code: "eur", amount: 8 }],
    })
    await statements(customer.token)
    const member = await statements(customer.token)
    const guestAfter = await statements()
    expect(member).toBe(guestAfter + 1)
    await admin("DELETE", `/admin/price-lists/${list.id}`)
  })
})
