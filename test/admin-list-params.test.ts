import { describe, expect, inject, test } from "vitest"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"
import * as extensions from "../src/registry.generated"
import { adminSession } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`list-params-${run}@example.com`)
const asAdmin = session.call

/** The rows of a list answer, whatever its plural key. */
async function rows(path: string): Promise<Json[]> {
  const res = await asAdmin("GET", path)
  expect([path, res.status]).toEqual([path, 200])
  const key = Object.keys(res.body).find((name) => Array.isArray(res.body[name]))
  expect(key, `${path} answers a list`).toBeDefined()
  return res.body[key!]
}
const ids = async (path: string) => (await rows(path)).map((row) => row.id as string)
const join = (path: string, query: string) => `${path}${path.includes("?") ? "&" : "?"}${query}`

/** Two reservations on a new item at a new location, two addresses on a new customer, and another key and profile. */
async function fixtures() {
  const location = (await asAdmin("POST", "/admin/stock-locations", { name: `Sorted ${run}` })).body.stock_location
    .id as string
  const item = (
    await asAdmin("POST", "/admin/inventory-items", {
      sku: `SORT-${run}`,
      location_levels: [{ location_id: location, stocked_quantity: 9 }],
    })
  ).body.inventory_item.id as string
  const second = (await asAdmin("POST", "/admin/stock-locations", { name: `Sorted B ${run}` })).body.stock_location
    .id as string
  await asAdmin("POST", `/admin/inventory-items/${item}/location-levels`, { location_id: second, stocked_quantity: 4 })
  for (const quantity of [1, 2])
    expect(
      (await asAdmin("POST", "/admin/reservations", { inventory_item_id: item, location_id: location, quantity }))
        .status,
    ).toBe(200)
  const customer = (await asAdmin("POST", "/admin/customers", { email: `sorted-${run}@example.com` })).body.customer
    .id as string
  for (const city of ["Aarhus", "Odense"]) {
    expect(
      (
        await asAdmin("POST", `/admin/customers/${customer}/addresses`, {
          city,
          country_code: "dk",
          address_1: "Street 1",
        })
      ).status,
    ).toBe(200)
  }
  const keys = []
  for (const type of ["publishable", "secret"])
    keys.push((await asAdmin("POST", "/admin/api-keys", { title: `Sorted ${type} ${run}`, type })).body.api_key.id)
  const profiles = []
  for (const name of ["A", "B"])
    profiles.push(
      (await asAdmin("POST", "/admin/shipping-profiles", { name: `Sorted ${name} ${run}`, type: "default" })).body
        .shipping_profile.id,
    )
  const options = await ids("/admin/shipping-options?limit=2")
  const items = await ids("/admin/inventory-items?limit=3")
  // Other files place orders meanwhile: a fixed set of payments, so both answers list the same rows.
  const payments = await ids("/admin/payments?limit=5")
  return { item, customer, keys, profiles, options, items, payments }
}

describe("admin lists honour order, fields and date ranges, or refuse them", () => {
  test("each list sorts as asked: order=-id is order=id reversed, and a field it cannot sort by is Medusa's 400", async () => {
    const made = await fixtures()
    const lists: [string, number][] = [
      [`/admin/api-keys?id[]=${made.keys.join("&id[]=")}`, 2],
      [`/admin/shipping-profiles?id[]=${made.profiles.join("&id[]=")}`, 2],
      [`/admin/shipping-options?id[]=${made.options.join("&id[]=")}`, 2],
      [`/admin/inventory-items?id[]=${made.items.join("&id[]=")}`, 3],
      [`/admin/inventory-items/${made.item}/location-levels`, 2],
      [`/admin/reservations?inventory_item_id=${made.item}`, 2],
      [`/admin/customers/${made.customer}/addresses`, 2],
      ["/admin/stores", 1],
      ["/admin/fulfillment-providers", 1],
      ["/admin/payments/payment-providers", 1],
      [made.payments.length ? `/admin/payments?id[]=${made.payments.join("&id[]=")}` : "/admin/payments", 0],
    ]
    for (const [path, least] of lists) {
      const ascending = await ids(join(path, "order=id"))
      expect(ascending.length, path).toBeGreaterThanOrEqual(least)
      expect([path, await ids(join(path, "order=-id"))]).toEqual([path, [...ascending].reverse()])
      for (const bad of ["password", "title;drop table product", "__proto__"]) {
        const res = await asAdmin("GET", join(path, `order=${encodeURIComponent(bad)}`))
        expect([path, res.status, res.body.type]).toEqual([path, 400, "invalid_data"])
        expect(res.body.message).toMatch(/^Order field .+ is not valid/)
      }
    }
    const byQuantity = await rows(`/admin/reservations?inventory_item_id=${made.item}&order=-quantity`)
    expect(byQuantity.map((row) => row.quantity)).toEqual([2, 1])
    const byCity = await rows(`/admin/customers/${made.customer}/addresses?order=-city`)
    expect(byCity.map((row) => row.city)).toEqual(["Odense", "Aarhus"])
  })

  test("order on a route that cannot sort, and a date range on a list without timestamps, are refused rather than ignored", async () => {
    const product = (await ids("/admin/products?limit=1"))[0]
    const retrieve = await asAdmin("GET", `/admin/products/${product}?order=title`)
    expect(retrieve).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "Order field title is not valid: this list cannot be sorted" },
    })
    const currencies = await asAdmin("GET", "/admin/currencies?created_at[$gte]=2020-01-01")
    expect(currencies).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "Unrecognized filter 'created_at': this list cannot be filtered by it" },
    })
  })

  test("fields picks what inventory items and shipping profiles show", async () => {
    const [item] = await rows("/admin/inventory-items?limit=1&fields=id,sku")
    expect(Object.keys(item!).sort()).toEqual(["id", "sku"])
    const [withLevels] = await rows(
      `/admin/inventory-items?limit=1&fields=id,stocked_quantity,*location_levels&id=${item!.id}`,
    )
    expect(Object.keys(withLevels!).sort()).toEqual(["id", "location_levels", "stocked_quantity"])
    expect(withLevels!.stocked_quantity).toBe(
      withLevels!.location_levels.reduce((sum: number, level: Json) => sum + level.stocked_quantity, 0),
    )
    for (const level of withLevels!.location_levels)
      expect(level.available_quantity).toBe(level.stocked_quantity - level.reserved_quantity)
    const one = (await asAdmin("GET", `/admin/inventory-items/${item!.id}?fields=id,title`)).body.inventory_item
    expect(Object.keys(one).sort()).toEqual(["id", "title"])
    const [profile] = await rows("/admin/shipping-profiles?limit=1&fields=id,name")
    expect(Object.keys(profile!).sort()).toEqual(["id", "name"])
  })

  test("date ranges filter every list; an unparseable date is a 400 naming the parameter", async () => {
    for (const path of [
      "/admin/products",
      "/admin/inventory-items",
      "/admin/api-keys",
      "/admin/shipping-profiles",
      "/admin/sales-channels",
    ]) {
      const all = await ids(join(path, "created_at[$lt]=2999-01-01&limit=100"))
      expect(all.length, path).toBeGreaterThan(0)
      expect([path, await ids(join(path, "created_at[$gte]=2999-01-01"))]).toEqual([path, []])
      expect([path, await ids(join(path, "updated_at[$gt]=2999-01-01T00:00:00Z"))]).toEqual([path, []])
      for (const bad of ["created_at[$gte]=notadate", "updated_at=yesterday", "created_at[$lt]=2026-13-45"]) {
        const res = await asAdmin("GET", join(path, bad))
        expect([path, bad, res.status, res.body.type]).toEqual([path, bad, 400, "invalid_data"])
        expect(res.body.message).toMatch(new RegExp(`^${bad.split(/[=[]/)[0]}`))
      }
    }
  })

  test("every list in the route table applies a date range or refuses it: none answers unfiltered", async () => {
    const app = createApp(resolveConfig({ projectConfig: { database_url: "postgres://u:p@localhost/db" } }), extensions)
    const lists = [
      ...new Set(
        app.routes.filter((r) => r.method === "GET" && /^\/(store|admin)\/[^:*]+$/.test(r.path)).map((r) => r.path),
      ),
    ]
    expect(lists.length).toBeGreaterThan(40)
    const unfiltered: string[] = []
    for (const path of lists) {
      const res = await session.worker.fetch(`${path}?created_at[$gte]=2999-01-01T00:00:00Z`, {
        headers: { authorization: `Bearer ${session.token}`, "x-publishable-api-key": inject("demoKey") },
      })
      const body = (await res.json()) as Json
      if (res.status === 400) expect([path, body.message]).toEqual([path, expect.stringContaining("created_at")])
      else if (res.status === 200)
        for (const [key, value] of Object.entries(body))
          if (Array.isArray(value) && value.length > 0) unfiltered.push(`${path} ${key}`)
          else expect([path, res.status]).toEqual([path, expect.any(Number)])
    }
    expect(unfiltered).toEqual([])
  })
})
