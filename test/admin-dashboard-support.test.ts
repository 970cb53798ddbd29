// What Medusa's admin dashboard asks of the Admin API beyond the commerce resources, answered as Medusa 2.21 does.
import { describe, expect, test } from "vitest"
import { adminSession } from "./helpers/admin"

const run = Date.now().toString(36)
const admin = adminSession(`dashboard-${run}@example.com`)
type Json = Record<string, any>

describe("before login", () => {
  test("feature flags are public, all off; Medusa Cloud login is not offered; emailpass is the one provider", async () => {
    const flags = await admin.call("GET", "/admin/feature-flags", undefined, "")
    expect(flags.status).toBe(200)
    expect(flags.body.feature_flags).toMatchObject({ view_configurations: false, rbac: false, translation: false })
    expect(Object.values(flags.body.feature_flags).every((value) => value === false)).toBe(true)
    expect(await admin.call("GET", "/cloud/auth", undefined, "")).toEqual({ status: 200, body: { enabled: false } })
    const providers = await admin.call("GET", "/auth/user/providers", undefined, "")
    expect(providers).toEqual({
      status: 200,
      body: {
        providers: [
          {
            id: "emailpass",
            identifier: "emailpass",
            display_name: "Email/Password Authentication",
            flow: "credentials",
          },
        ],
      },
    })
  })

  test("the rest still needs an admin", async () => {
    for (const path of [
      "/admin/plugins",
      "/admin/currencies",
      "/admin/price-preferences",
      "/admin/notifications",
      "/admin/fulfillment-providers",
    ]) {
      expect((await admin.call("GET", path, undefined, "")).status, path).toBe(401)
    }
    expect((await admin.call("GET", "/auth/mfa/factors", undefined, "")).status).toBe(401)
  })
})

describe("the dashboard's own paths", () => {
  test("a client-side route needs the built dashboard; a missing file is a 404, never the page", async () => {
    // Tests run the bundle without its static assets, as a Worker deployed before `npm run build` would.
    const page = await admin.call("GET", "/app/orders/order_1", undefined, "")
    expect(page).toEqual({
      status: 404,
      body: { type: "not_found", message: expect.stringContaining("npm run build") },
    })
    const chunk = await admin.call("GET", "/app/assets/chunk-gone.js", undefined, "")
    expect(chunk).toEqual({ status: 404, body: { type: "not_found", message: "Cannot GET /app/assets/chunk-gone.js" } })
  })
})

describe("what every page asks", () => {
  test("plugins, notifications, search indexes, layouts, views and MFA factors: a store with none configured", async () => {
    expect((await admin.call("GET", "/admin/plugins")).body).toEqual({ plugins: [] })
    // Other files' orders are notified in the shared database: a resource of none has none.
    expect((await admin.call("GET", "/admin/notifications?resource_id=order_none&limit=5&offset=10")).body).toEqual({
      notifications: [],
      count: 0,
      offset: 10,
      limit: 5,
    })
    expect((await admin.call("GET", "/admin/notifications/noti_missing")).status).toBe(404)
    expect((await admin.call("GET", "/admin/search-indexes")).body).toEqual({ search_indexes: [], enabled: false })
    expect((await admin.call("GET", "/admin/layouts/order.details/configuration")).body).toEqual({
      personal_configuration: null,
      default_configuration: null,
      active_scope: "default",
    })
    expect((await admin.call("GET", "/admin/views/orders/configurations")).body).toMatchObject({
      view_configurations: [],
      count: 0,
    })
    expect((await admin.call("GET", "/auth/mfa/factors")).body).toEqual({ mfa_factors: [] })
    expect((await admin.call("GET", "/admin/notifications?limit=abc")).status).toBe(400)
  })

  test("a user's login providers", async () => {
    const me = (await admin.call("GET", "/admin/users/me")).body.user
    expect((await admin.call("GET", `/admin/users/${me.id}/auth-providers`)).body).toEqual({ providers: ["emailpass"] })
    expect((await admin.call("GET", "/admin/users/user_missing/auth-providers")).status).toBe(404)
  })
})

describe("currencies and price preferences", () => {
  test("currencies: ISO 4217 with Medusa's fields, filtered by code", async () => {
    const { status, body } = await admin.call(
      "GET",
      "/admin/currencies?code[0]=eur&code[1]=usd&code[2]=jpy&limit=10&offset=0",
    )
    expect(status).toBe(200)
    expect(body.count).toBe(3)
    const byCode = Object.fromEntries(body.currencies.map((currency: Json) => [currency.code, currency]))
    expect(byCode.eur).toMatchObject({ code: "eur", name: "Euro", symbol: "€", symbol_native: "€", decimal_digits: 2 })
    expect(byCode.usd).toMatchObject({ code: "usd", name: "US Dollar", symbol: "$", decimal_digits: 2 })
    expect(byCode.jpy.decimal_digits).toBe(0)
    const all = await admin.call("GET", "/admin/currencies?limit=500")
    expect(all.body.count).toBeGreaterThan(100)
    expect((await admin.call("GET", "/admin/currencies/dkk")).body.currency).toMatchObject({
      code: "dkk",
      decimal_digits: 2,
    })
    expect((await admin.call("GET", "/admin/currencies/xxxx")).status).toBe(404)
    expect((await admin.call("GET", "/admin/currencies?order=password")).status).toBe(400)
  })

  test("price preferences: filtered by attribute and value; create, update, delete; a duplicate is 422", async () => {
    const created = await admin.call("POST", "/admin/price-preferences", {
      attribute: "region_id",
      value: `reg_${run}`,
      is_tax_inclusive: true,
    })
    expect(created.status).toBe(200)
    expect(created.body.price_preference).toMatchObject({
      attribute: "region_id",
      value: `reg_${run}`,
      is_tax_inclusive: true,
    })
    const id = created.body.price_preference.id
    const listed = await admin.call(
      "GET",
      `/admin/price-preferences?attribute=region_id&value[0]=reg_${run}&value[1]=reg_other`,
    )
    expect(listed.body).toMatchObject({ count: 1, price_preferences: [{ id, value: `reg_${run}` }] })
    expect(
      (await admin.call("GET", `/admin/price-preferences?attribute=currency_code&value=reg_${run}`)).body.count,
    ).toBe(0)
    expect(
      (await admin.call("POST", "/admin/price-preferences", { attribute: "region_id", value: `reg_${run}` })).status,
    ).toBe(422)
    expect(
      (await admin.call("POST", `/admin/price-preferences/${id}`, { is_tax_inclusive: false })).body.price_preference
        .is_tax_inclusive,
    ).toBe(false)
    expect((await admin.call("POST", "/admin/price-preferences", { attribute: "sku", value: "x" })).status).toBe(400)
    expect((await admin.call("DELETE", `/admin/price-preferences/${id}`)).body).toEqual({
      id,
      object: "price_preference",
      deleted: true,
    })
    expect((await admin.call("GET", `/admin/price-preferences/${id}`)).status).toBe(404)
  })
})

describe("the product and location pages' relations", () => {
  test("a product's variants show stock over every location (Medusa's admin total), its channels and profile", async () => {
    const product = (await admin.call("GET", "/admin/products?handle=sweatshirt")).body.products[0]
    const variants = await admin.call(
      "GET",
      `/admin/products/${product.id}/variants?order=variant_rank&limit=10&fields=title,sku,*options,*inventory_items.inventory.location_levels,inventory_quantity,manage_inventory`,
    )
    expect(variants.status).toBe(200)
    const levels = await admin.db.query(
      `select v.id, sum(l.stocked_quantity - l.reserved_quantity)::int as available from product_variant v
       join product_variant_inventory_item pvi on pvi.variant_id = v.id join inventory_level l on l.inventory_item_id = pvi.inventory_item_id and l.deleted_at is null
       where v.product_id = $1 group by v.id`,
      [product.id],
    )
    for (const variant of variants.body.variants) {
      const stored = levels.rows.find((row) => row.id === variant.id)
      expect(variant.inventory_quantity).toBe(stored.available)
      expect(variant.inventory_items).toHaveLength(1)
      expect(variant.inventory_items[0].inventory.location_levels[0]).toMatchObject({
        location_id: expect.any(String),
        stocked_quantity: expect.any(Number),
        available_quantity: expect.any(Number),
      })
    }
    const detail = await admin.call(
      "GET",
      `/admin/products/${product.id}?fields=*sales_channels,*shipping_profile,material`,
    )
    expect(detail.body.product.sales_channels.map((channel: Json) => channel.name)).toEqual(["Default Sales Channel"])
    expect(detail.body.product.shipping_profile).toMatchObject({ id: expect.any(String), name: expect.any(String) })
  })

  test("a product's edit form: material and additional_data accepted; channels, tags and images replaced", async () => {
    // Its own product: other test files read the seeded ones at the same time.
    const product = (
      await admin.call("POST", "/admin/products", {
        title: `Edit form ${run}`,
        options: [{ title: "Size", values: ["M"] }],
        variants: [{ title: "M", options: { Size: "M" }, prices: [{ currency_code: "eur", amount: 10 }] }],
      })
    ).body.product
    const edited = await admin.call("POST", `/admin/products/${product.id}`, {
      title: `Renamed ${run}`,
      material: "Cotton",
      weight: 250.5,
      additional_data: {},
      images: [{ url: "https://example.com/a.png" }],
      sales_channels: [],
    })
    expect(edited.status).toBe(200)
    const after = (
      await admin.call("GET", `/admin/products/${product.id}?fields=title,material,weight,*images,*sales_channels`)
    ).body.product
    expect(after).toMatchObject({ title: `Renamed ${run}`, material: "Cotton", sales_channels: [] })
    expect(after.images.map((image: Json) => image.url)).toEqual(["https://example.com/a.png"])
    expect(String(after.weight)).toBe("250.5")
    expect((await admin.call("POST", `/admin/products/${product.id}`, { colour: "red" })).status).toBe(400)
  })

  test("a location's detail: address, channels, providers, sets, zones and their shipping options", async () => {
    const fields =
      "name,*sales_channels,*address,*fulfillment_sets.service_zones.geo_zones,*fulfillment_sets.service_zones.shipping_options,*fulfillment_sets.service_zones.shipping_options.rules,*fulfillment_sets.service_zones.shipping_options.shipping_profile,*fulfillment_providers"
    const list = await admin.call("GET", `/admin/stock-locations?fields=${fields}`)
    expect(list.status).toBe(200)
    const location =
      list.body.stock_locations.find((candidate: Json) => candidate.name.includes("Warehouse")) ??
      list.body.stock_locations[0]
    expect(location.sales_channels).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "Default Sales Channel" })]),
    )
    expect(location.fulfillment_providers).toEqual([expect.objectContaining({ id: "manual_manual" })])
    const zone = location.fulfillment_sets[0].service_zones[0]
    expect(zone.geo_zones.length).toBeGreaterThan(0)
    expect(zone.shipping_options.length).toBeGreaterThan(0)
    expect(zone.shipping_options[0]).toMatchObject({
      rules: expect.any(Array),
      shipping_profile: expect.objectContaining({ id: expect.any(String) }),
    })
    const one = await admin.call("GET", `/admin/stock-locations/${location.id}?fields=${fields}`)
    expect(one.body.stock_location.fulfillment_sets[0].service_zones[0].shipping_options.length).toBe(
      zone.shipping_options.length,
    )
    const providers = await admin.call(
      "GET",
      `/admin/fulfillment-providers?stock_location_id=${location.id}&fields=id&is_enabled=true`,
    )
    expect(providers.body).toEqual({ fulfillment_providers: [{ id: "manual_manual" }], count: 1, offset: 0, limit: 20 })
    const options = await admin.call("GET", "/admin/fulfillment-providers/manual_manual/options")
    expect(options.body.fulfillment_options.map((option: Json) => option.id)).toEqual([
      "manual-fulfillment",
      "manual-fulfillment-return",
    ])
  })
})
