import { describe, expect, test } from "vitest"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { adminSession, flatShippingOptionBody } from "./helpers/admin"
import { shopper } from "./helpers/shopper"

type Json = Record<string, any>
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = adminSession(`merchant-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 1, countries: { euro: ["ro", "bg"], won: "md", noPayment: "rs" } })
})
const asAdmin = session.call

describe("a merchant runs the shop through /admin", () => {
  test("create and stock a product, a shopper buys it, the merchant sees, captures and cancels orders", async () => {
    const api = shopper(session.worker, fx.key, {
      region: fx.regions.euro,
      country: "ro",
      shippingOption: fx.options.standard,
    })
    const product = (
      await asAdmin("POST", "/admin/products", {
        title: `Lamp ${run}`,
        status: "published",
        sales_channels: [{ id: fx.channel }],
        shipping_profile_id: fx.profile,
        options: [{ title: "Color", values: ["Brass", "Black"] }],
        variants: [
          {
            title: "Brass",
            sku: `LAMP-BRASS-${run}`,
            options: { Color: "Brass" },
            prices: [{ currency_code: "eur", amount: 120 }],
          },
          {
            title: "Black",
            sku: `LAMP-BLACK-${run}`,
            options: { Color: "Black" },
            prices: [{ currency_code: "eur", amount: 99.99 }],
          },
        ],
      })
    ).body.product
    const brass = product.variants[0].id

    // No stock yet: the shopper cannot add it.
    const empty = await api.post("/store/carts", {
      region_id: fx.regions.euro,
      items: [{ variant_id: brass, quantity: 1 }],
    })
    expect(empty.body).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })

    const item = (await asAdmin("GET", `/admin/inventory-items?sku=LAMP-BRASS-${run}`)).body.inventory_items[0]
    expect(item).toMatchObject({ sku: `LAMP-BRASS-${run}`, stocked_quantity: 0, location_levels: [] })
    const negative = await asAdmin("POST", `/admin/inventory-items/${item.id}/location-levels`, {
      location_id: fx.location,
      stocked_quantity: -5,
    })
    expect(negative).toMatchObject({ status: 400, body: { message: "stocked_quantity: must be 0 or more" } })
    const stocked = await asAdmin("POST", `/admin/inventory-items/${item.id}/location-levels`, {
      location_id: fx.location,
      stocked_quantity: 3,
    })
    expect(stocked.body.inventory_item).toMatchObject({ stocked_quantity: 3, reserved_quantity: 0 })
    expect(stocked.body.inventory_item.location_levels).toEqual([
      expect.objectContaining({ location_id: fx.location, available_quantity: 3 }),
    ])
    const productInStore = (
      await api.call("GET", `/store/products/${product.id}?fields=id,+variants.inventory_quantity`)
    ).body.product
    expect(productInStore.variants[0].inventory_quantity).toBe(3)

    const first = (await api.post(`/store/carts/${await api.readyCart([{ variant_id: brass, quantity: 2 }])}/complete`))
      .body.order
    const second = (
      await api.post(`/store/carts/${await api.readyCart([{ variant_id: brass, quantity: 1 }])}/complete`)
    ).body.order
    const level = async () => (await asAdmin("GET", `/admin/inventory-items/${item.id}`)).body.inventory_item
    expect(await level()).toMatchObject({ stocked_quantity: 3, reserved_quantity: 3 })
    const held = await asAdmin(
      "GET",
      `/admin/reservations?line_item_id[]=${first.items[0].id}&line_item_id[]=${second.items[0].id}`,
    )
    expect(held.body.reservations.map((r: Json) => [r.inventory_item_id, r.location_id, r.quantity])).toEqual([
      [item.id, fx.location, 2],
      [item.id, fx.location, 1],
    ])

    const listed = await asAdmin("GET", `/admin/orders?id[]=${first.id}&id[]=${second.id}&order=display_id`)
    expect(listed.body).toMatchObject({ count: 2, limit: 15 })
    expect(listed.body.orders.map((o: Json) => [o.id, o.payment_status, o.total])).toEqual([
      [first.id, "authorized", first.total],
      [second.id, "authorized", second.total],
    ])
    const detail = (await asAdmin("GET", `/admin/orders/${first.id}`)).body.order
    expect(detail.items.map((i: Json) => [i.variant_id, i.quantity])).toEqual([[brass, 2]])

    const payment = detail.payment_collections[0].payments[0]
    const captured = await asAdmin("POST", `/admin/payments/${payment.id}/capture`)
    expect(captured.body.payment).toMatchObject({ id: payment.id, amount: first.total })
    expect(captured.body.payment.captured_at).not.toBeNull()
    expect((await asAdmin("GET", `/admin/orders/${first.id}`)).body.order).toMatchObject({
      payment_status: "captured",
      summary: { paid_total: first.total, pending_difference: 0 },
    })
    expect((await asAdmin("POST", `/admin/orders/${first.id}/cancel`)).status).toBe(400)

    // Shipping it: reserved units leave the stock as they are fulfilled.
    const line = detail.items[0].id
    const partly = await asAdmin("POST", `/admin/orders/${first.id}/fulfillments`, {
      items: [{ id: line, quantity: 1 }],
      location_id: fx.location,
    })
    expect(partly.body.order).toMatchObject({ fulfillment_status: "partially_fulfilled" })
    expect(partly.body.order.items[0].detail.fulfilled_quantity).toBe(1)
    expect(await level()).toMatchObject({ stocked_quantity: 2, reserved_quantity: 2 })
    const fully = await asAdmin("POST", `/admin/orders/${first.id}/fulfillments`, {
      items: [{ id: line, quantity: 1 }],
    })
    expect(fully.body.order).toMatchObject({ fulfillment_status: "fulfilled" })
    expect(fully.body.order.fulfillments).toHaveLength(2)
    const tooMany = await asAdmin("POST", `/admin/orders/${first.id}/fulfillments`, {
      items: [{ id: line, quantity: 1 }],
    })
    expect(tooMany).toMatchObject({
      status: 400,
      body: { type: "not_allowed", message: `Cannot fulfill 1 of line item ${line}: 0 left to fulfill` },
    })
    expect(
      (await asAdmin("POST", `/admin/orders/${first.id}/fulfillments`, { items: [{ id: line, quantity: 0 }] })).status,
    ).toBe(400)
    expect(await level()).toMatchObject({ stocked_quantity: 1, reserved_quantity: 1 })
    const fulfilledEvents = await session.db.query(
      "select data from event_outbox where name = 'order.fulfillment_created' and data->>'order_id' = $1",
      [first.id],
    )
    expect(fulfilledEvents.rows).toHaveLength(2)

    // The merchant corrects the first order's email and street; the country stays what it was priced for.
    const corrected = await asAdmin("POST", `/admin/orders/${first.id}`, {
      email: "Ada.Corrected@example.com",
      shipping_address: { address_1: "Strada 2", city: "Cluj" },
    })
    expect(corrected.body.order).toMatchObject({
      email: "ada.corrected@example.com",
      shipping_address: { address_1: "Strada 2", city: "Cluj", country_code: "ro" },
    })
    expect(
      await asAdmin("POST", `/admin/orders/${first.id}`, { shipping_address: { country_code: "bg" } }),
    ).toMatchObject({ status: 400, body: { message: "Country code cannot be changed" } })
    expect(await asAdmin("POST", `/admin/orders/${first.id}`, { email: "nope", total: 0 })).toMatchObject({
      status: 400,
      body: { type: "invalid_data" },
    })
    expect((await asAdmin("GET", `/admin/orders/${first.id}`)).body.order).toMatchObject({
      email: "ada.corrected@example.com",
      total: first.total,
    })
    expect(
      (
        await session.db.query(
          "select count(*)::int as n from event_outbox where name = 'order.updated' and data->>'id' = $1",
          [first.id],
        )
      ).rows[0].n,
    ).toBe(1)

    const canceled = await asAdmin("POST", `/admin/orders/${second.id}/cancel`)
    expect(canceled.body.order).toMatchObject({ id: second.id, status: "canceled", payment_status: "canceled" })
    expect(await level()).toMatchObject({ stocked_quantity: 1, reserved_quantity: 0 })
    expect((await asAdmin("POST", `/admin/orders/${second.id}/cancel`)).body).toEqual({
      type: "not_allowed",
      message: `Order ${second.id} is already canceled`,
    })
    expect((await asAdmin("POST", `/admin/orders/${second.id}`, { email: "late@example.com" })).body).toEqual({
      type: "invalid_data",
      message: `Order with id ${second.id} has been canceled.`,
    })
    const { rows } = await session.db.query(
      "select name from event_outbox where data->>'id' in ($1, $2) and name in ('order.canceled', 'payment.captured')",
      [second.id, payment.id],
    )
    expect(rows.map((r) => r.name).sort()).toEqual(["order.canceled", "payment.captured"])

    // The released unit can be bought again.
    expect(
      (await api.post(`/store/carts/${await api.readyCart([{ variant_id: brass, quantity: 1 }])}/complete`)).body.type,
    ).toBe("order")
  })
})

describe("a shop set up through /admin alone", () => {
  test("region, channel and key, location, shipping, product and stock: then a shopper checks out", async () => {
    const region = (
      await asAdmin("POST", "/admin/regions", {
        name: `Slovakia ${run}`,
        currency_code: "eur",
        countries: ["sk"],
        payment_providers: ["pp_system_default"],
      })
    ).body.region
    const channel = (await asAdmin("POST", "/admin/sales-channels", { name: `Bratislava ${run}` })).body.sales_channel
    const key = (await asAdmin("POST", "/admin/api-keys", { title: `Bratislava ${run}`, type: "publishable" })).body
      .api_key
    await asAdmin("POST", `/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] })

    const location = (
      await asAdmin("POST", "/admin/stock-locations", {
        name: `Depot ${run}`,
        address: { address_1: "Hlavná 1", city: "Bratislava", country_code: "sk" },
      })
    ).body.stock_location
    await asAdmin("POST", `/admin/stock-locations/${location.id}/sales-channels`, { add: [channel.id] })
    await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ["manual_manual"] })
    const withSet = (
      await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-sets`, {
        name: `Depot shipping ${run}`,
        type: "shipping",
      })
    ).body.stock_location
    const set = withSet.fulfillment_sets[0]
    const zone = (
      await asAdmin("POST", `/admin/fulfillment-sets/${set.id}/service-zones`, {
        name: "Slovakia",
        geo_zones: [{ type: "country", country_code: "sk" }],
      })
    ).body.fulfillment_set.service_zones[0]
    const profile = (
      await asAdmin("POST", "/admin/shipping-profiles", { name: `Depot profile ${run}`, type: "default" })
    ).body.shipping_profile
    const option = await asAdmin(
      "POST",
      "/admin/shipping-options",
      flatShippingOptionBody("Courier", zone.id, profile.id, [{ region_id: region.id, amount: 4.5 }]),
    )
    expect(option.body.shipping_option).toMatchObject({
      name: "Courier",
      price_type: "flat",
      type: { code: "courier" },
    })
    expect(
      (
        await asAdmin("POST", "/admin/shipping-options", {
          ...option.body,
          prices: [{ currency_code: "eur", amount: -1 }],
        })
      ).status,
    ).toBe(400)

    const product = (
      await asAdmin("POST", "/admin/products", {
        title: `Mug ${run}`,
        status: "published",
        sales_channels: [{ id: channel.id }],
        shipping_profile_id: profile.id,
        options: [{ title: "Size", values: ["One"] }],
        variants: [
          { title: "One", sku: `MUG-${run}`, options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 12 }] },
        ],
      })
    ).body.product
    const item = (await asAdmin("GET", `/admin/inventory-items?sku=MUG-${run}`)).body.inventory_items[0]
    await asAdmin("POST", `/admin/inventory-items/${item.id}/location-levels`, {
      location_id: location.id,
      stocked_quantity: 10,
    })

    const api = shopper(session.worker, key.token, {
      region: region.id,
      country: "sk",
      shippingOption: option.body.shipping_option.id,
    })
    const options = (
      await api.call(
        "GET",
        `/store/shipping-options?cart_id=${(await api.post("/store/carts", { region_id: region.id, shipping_address: { country_code: "sk" } })).body.cart.id}`,
      )
    ).body
    expect(options.shipping_options.map((o: Json) => [o.name, o.amount])).toEqual([["Courier", 4.5]])
    const order = (
      await api.post(
        `/store/carts/${await api.readyCart([{ variant_id: product.variants[0].id, quantity: 2 }])}/complete`,
      )
    ).body.order
    expect(order).toMatchObject({ item_subtotal: 24, shipping_subtotal: 4.5, currency_code: "eur" })
    expect((await asAdmin("GET", `/admin/inventory-items/${item.id}`)).body.inventory_item).toMatchObject({
      stocked_quantity: 10,
      reserved_quantity: 2,
    })
  })
})
