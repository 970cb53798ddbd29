import Medusa from "@medusajs/js-sdk"
import { createHash } from "node:crypto"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { address } from "./helpers/shopper"
import { testConfig } from "./helpers/services"
import { flatShippingOptionBody } from "./helpers/admin"
import { startWorker, type TestWorker } from "./helpers/worker"

// @medusajs/types is not installed, so the SDK's answers are untyped here.
type Json = Record<string, any>

// Medusa's own client, unmodified, over real HTTP: a merchant sets up and runs a shop through
// `sdk.admin.*` alone, and a shopper buys through `sdk.store.*`. This file's countries: nz, za.
const run = Date.now().toString(36)
let worker: TestWorker
let db: pg.Client
let admin: Medusa

beforeAll(async () => {
  worker = await startWorker({}, { listen: true })
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  const email = `sdk-admin-${run}@example.com`
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  admin = new Medusa({ baseUrl: worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  await admin.auth.login("user", "emailpass", { email, password: "admin-pw" })
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

/** Region, channel, key, location with shipping to the region's country, and a profile. */
async function setUpShop() {
  const { region } = await admin.admin.region.create({
    name: `New Zealand ${run}`,
    currency_code: "nzd",
    countries: ["nz"],
    payment_providers: ["pp_system_default"],
  })
  const { sales_channel: channel } = await admin.admin.salesChannel.create({ name: `Auckland ${run}` })
  const { api_key: key } = await admin.admin.apiKey.create({ title: `Auckland ${run}`, type: "publishable" })
  await admin.admin.apiKey.batchSalesChannels(key.id, { add: [channel.id] })

  const { stock_location: location } = await admin.admin.stockLocation.create({
    name: `Auckland depot ${run}`,
    address: { address_1: "Queen St 1", city: "Auckland", country_code: "nz" },
  })
  await admin.admin.stockLocation.updateSalesChannels(location.id, { add: [channel.id] })
  await admin.admin.stockLocation.updateFulfillmentProviders(location.id, { add: ["manual_manual"] })
  const { stock_location: withSet } = await admin.admin.stockLocation.createFulfillmentSet(location.id, {
    name: `Auckland shipping ${run}`,
    type: "shipping",
  })
  const { fulfillment_set: set } = await admin.admin.fulfillmentSet.createServiceZone(withSet.fulfillment_sets[0].id, {
    name: "New Zealand",
    geo_zones: [{ type: "country", country_code: "nz" }],
  })
  const { shipping_profile: profile } = await admin.admin.shippingProfile.create({
    name: `Auckland profile ${run}`,
    type: "default",
  })
  const { shipping_option: option } = await admin.admin.shippingOption.create(
    flatShippingOptionBody("Courier", set.service_zones[0].id, profile.id, [{ region_id: region.id, amount: 7.5 }]),
  )
  return { region, channel, key, location, profile, option }
}

type Shop = Awaited<ReturnType<typeof setUpShop>>

/** A shopper's whole checkout through sdk.store: cart, line, address, shipping, payment, completion. */
async function buy(shop: Shop, variantId: string, quantity: number) {
  const store = new Medusa({ baseUrl: worker.url, publishableKey: shop.key.token })
  const { cart } = await store.store.cart.create({ region_id: shop.region.id })
  await store.store.cart.createLineItem(cart.id, { variant_id: variantId, quantity })
  await store.store.cart.update(cart.id, {
    email: "kiri@example.com",
    shipping_address: address("nz"),
    billing_address: address("nz"),
  })
  const { shipping_options } = await store.store.fulfillment.listCartOptions({ cart_id: cart.id })
  expect(shipping_options.map((o: Json) => [o.id, o.amount])).toEqual([[shop.option.id, 7.5]])
  const { cart: shipped } = await store.store.cart.addShippingMethod(cart.id, { option_id: shop.option.id })
  await store.store.payment.initiatePaymentSession(shipped, { provider_id: "pp_system_default" })
  const completed = await store.store.cart.complete(cart.id)
  expect(completed.type).toBe("order")
  return completed.order as Json
}

describe("@medusajs/js-sdk runs a shop through sdk.admin", () => {
  test("a merchant builds a shop, a shopper buys, the merchant fulfils one order and cancels another; stock checked at each step", async () => {
    const shop = await setUpShop()
    const { product: draft } = await admin.admin.product.create({
      title: `Merino Jumper ${run}`,
      handle: `merino-jumper-${run}`,
      shipping_profile_id: shop.profile.id,
      sales_channels: [{ id: shop.channel.id }],
      options: [
        { title: "Size", values: ["M", "L"] },
        { title: "Color", values: ["Navy", "Grey"] },
      ],
      variants: ["M", "L"].flatMap((size) =>
        ["Navy", "Grey"].map((color) => ({
          title: `${size} / ${color}`,
          sku: `MJ-${size}-${color}-${run}`,
          options: { Size: size, Color: color },
          prices: [{ currency_code: "nzd", amount: size === "M" ? 149.95 : 159.95 }],
        })),
      ),
    })
    expect(draft.status).toBe("draft")
    expect(draft.variants).toHaveLength(4)
    const variant = (title: string) => draft.variants.find((v: Json) => v.title === title)!
    const storeSdk = new Medusa({ baseUrl: worker.url, publishableKey: shop.key.token })
    // A draft is not for sale.
    expect((await storeSdk.store.product.list({ handle: `merino-jumper-${run}` })).products).toEqual([])

    // Stock: 5 of M / Navy, 2 of L / Grey, at the shop's location.
    const { inventory_items } = await admin.admin.inventoryItem.list({ sku: [`MJ-M-Navy-${run}`, `MJ-L-Grey-${run}`] })
    const itemOf = (sku: string) => inventory_items.find((i: Json) => i.sku === sku)!.id as string
    const navyItem = itemOf(`MJ-M-Navy-${run}`)
    const greyItem = itemOf(`MJ-L-Grey-${run}`)
    await admin.admin.inventoryItem.batchUpdateLevels(navyItem, {
      create: [{ location_id: shop.location.id, stocked_quantity: 5 }],
    })
    await admin.admin.inventoryItem.batchUpdateLevels(greyItem, {
      create: [{ location_id: shop.location.id, stocked_quantity: 2 }],
    })
    const stock = async (item: string) => {
      const { inventory_item } = await admin.admin.inventoryItem.retrieve(item)
      return [inventory_item.stocked_quantity, inventory_item.reserved_quantity]
    }
    expect(await stock(navyItem)).toEqual([5, 0])

    await admin.admin.product.update(draft.id, { status: "published" })
    const { products } = await storeSdk.store.product.list({
      handle: `merino-jumper-${run}`,
      region_id: shop.region.id,
      fields: "*variants.calculated_price,+variants.inventory_quantity",
    })
    const listed = products[0]!.variants!.find((v: Json) => v.id === variant("M / Navy").id)!
    expect(listed.calculated_price.calculated_amount).toBe(149.95)
    expect(listed.inventory_quantity).toBe(5)

    // Two orders: 3 × M / Navy, then 2 × L / Grey.
    const first = await buy(shop, variant("M / Navy").id, 3)
    expect(first).toMatchObject({ currency_code: "nzd", item_subtotal: 449.85, shipping_total: 7.5, total: 457.35 })
    const between = new Date().toISOString()
    const second = await buy(shop, variant("L / Grey").id, 2)
    expect(second.total).toBe(327.4)
    expect(await stock(navyItem)).toEqual([5, 3])
    expect(await stock(greyItem)).toEqual([2, 2])

    // The merchant sees both orders, newest first.
    const { orders, count } = await admin.admin.order.list({
      region_id: shop.region.id,
      order: "-display_id",
      fields: "id,display_id,total,status,payment_status,fulfillment_status",
    })
    expect(count).toBe(2)
    expect(orders.map((o: Json) => [o.id, o.total, o.status, o.payment_status, o.fulfillment_status])).toEqual([
      [second.id, 327.4, "pending", "authorized", "not_fulfilled"],
      [first.id, 457.35, "pending", "authorized", "not_fulfilled"],
    ])
    const recent = await admin.admin.order.list({
      region_id: shop.region.id,
      created_at: { $gte: between },
      fields: "id",
    })
    expect(recent.orders.map((o: Json) => o.id)).toEqual([second.id])
    await expect(admin.admin.order.list({ created_at: { $gte: "yesterday" } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("created_at"),
    })
    const { order } = await admin.admin.order.retrieve(first.id)
    expect(order.shipping_address).toMatchObject({ country_code: "nz", city: "City" })
    expect(order.items.map((i: Json) => [i.variant_sku, i.quantity, i.unit_price])).toEqual([
      [`MJ-M-Navy-${run}`, 3, 149.95],
    ])

    // Fulfilling the first order takes its units out of the warehouse.
    const { order: fulfilled } = await admin.admin.order.createFulfillment(first.id, {
      items: [{ id: order.items[0].id, quantity: 3 }],
      location_id: shop.location.id,
    })
    expect(fulfilled.fulfillment_status).toBe("fulfilled")
    expect(await stock(navyItem)).toEqual([2, 0])
    await expect(admin.admin.order.cancel(first.id)).rejects.toMatchObject({
      status: 400,
      message: "All fulfillments must be canceled before canceling an order",
    })
    const fulfillment = fulfilled.fulfillments[0]
    const { order: shipped } = await admin.admin.order.createShipment(first.id, fulfillment.id, {
      items: [{ id: order.items[0].id, quantity: 3 }],
      labels: [
        {
          tracking_number: "NZ123",
          tracking_url: "https://track.example/NZ123",
          label_url: "https://track.example/NZ123.pdf",
        },
      ],
    })
    expect(shipped.fulfillment_status).toBe("shipped")
    const { order: delivered } = await admin.admin.order.markAsDelivered(first.id, fulfillment.id)
    expect(delivered.fulfillment_status).toBe("delivered")
    const { order: done } = await admin.admin.order.complete(first.id, { additional_data: { source: "sdk" } })
    expect(done.status).toBe("completed")
    expect(await stock(navyItem)).toEqual([2, 0])

    // Canceling the second gives its reservation back, and L / Grey sells again.
    const { order: canceled } = await admin.admin.order.cancel(second.id)
    expect(canceled).toMatchObject({ status: "canceled", payment_status: "canceled" })
    expect(await stock(greyItem)).toEqual([2, 0])
    const storeView = (await storeSdk.store.product.retrieve(draft.id, { fields: "+variants.inventory_quantity" }))
      .product
    expect(storeView.variants!.find((v: Json) => v.id === variant("L / Grey").id)!.inventory_quantity).toBe(2)

    const events = await db.query(
      "select name from event_outbox where data->>'id' = any($1) or data->>'order_id' = $2 order by id",
      [[draft.id, first.id, second.id], first.id],
    )
    expect(events.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "product.created",
        "product.updated",
        "order.placed",
        "order.fulfillment_created",
        "order.completed",
        "order.canceled",
      ]),
    )
  })

  test("a secret API key works as Basic credentials until it is revoked", async () => {
    const { api_key: secret } = await admin.admin.apiKey.create({ title: `Integration ${run}`, type: "secret" })
    expect(secret.token).toMatch(/^sk_[0-9a-f]{64}$/)
    expect((await admin.admin.apiKey.retrieve(secret.id)).api_key.token).toBe("")
    const stored = await db.query("select token from api_key where id = $1", [secret.id])
    // Only the SHA-256 of the token is kept.
    expect(stored.rows[0].token).toBe(createHash("sha256").update(secret.token).digest("hex"))

    const integration = new Medusa({ baseUrl: worker.url, apiKey: secret.token })
    const { stores } = await integration.admin.store.list()
    expect(stores).toHaveLength(1)
    expect(stores[0].supported_currencies.map((c: Json) => c.currency_code)).toEqual(["eur", "usd"])

    // A wrong key, a publishable key and a customer-looking token are all refused.
    const basic = (credentials: string) =>
      worker.fetch("/admin/stores", { headers: { authorization: `Basic ${credentials}` } })
    expect((await basic(btoa(`sk_${"0".repeat(64)}:`))).status).toBe(401)
    expect((await basic(btoa(`${inject("demoKey")}:`))).status).toBe(401)
    expect((await basic("not base64!")).status).toBe(401)

    await admin.admin.apiKey.revoke(secret.id)
    await expect(integration.admin.store.list()).rejects.toMatchObject({ status: 401 })
  })

  test("the store's name and defaults through sdk.admin.store; bad updates change nothing", async () => {
    const { stores } = await admin.admin.store.list()
    const [store] = stores
    const { store: renamed } = await admin.admin.store.update(
      store.id,
      { name: `Shop ${run}` },
      { fields: "id,name,default_region_id" },
    )
    expect(renamed).toEqual({ id: store.id, name: `Shop ${run}`, default_region_id: store.default_region_id })
    await expect(
      admin.admin.store.update(store.id, { name: "Other", default_region_id: "reg_missing" }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      admin.admin.store.update(store.id, { supported_currencies: [{ currency_code: "euro" }] } as Json),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("supported_currencies"),
    })
    await expect(admin.admin.store.retrieve("store_missing")).rejects.toMatchObject({ status: 404 })
    const { store: after } = await admin.admin.store.retrieve(store.id)
    expect(after.name).toBe(`Shop ${run}`)
    expect(after.supported_currencies.map((c: Json) => [c.currency_code, c.is_default])).toEqual([
      ["eur", true],
      ["usd", false],
    ])
    await admin.admin.store.update(store.id, { name: store.name })
  })
})
