import { describe, expect, test } from "vitest"
import { adminSession, flatShippingOptionBody } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`shipping-options-${run}@example.com`)
const asAdmin = session.call

/** A location with a shipping set and a zone in it (Ghana), and a profile. */
async function shippingSetup(name: string) {
  const location = (await asAdmin("POST", "/admin/stock-locations", { name: `${name} ${run}` })).body.stock_location
  await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ["manual_manual"] })
  const set = (
    await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-sets`, {
      name: `${name} set ${run}`,
      type: "shipping",
    })
  ).body.stock_location.fulfillment_sets[0]
  const zoneOf = async (zoneName: string) =>
    (
      await asAdmin("POST", `/admin/fulfillment-sets/${set.id}/service-zones`, {
        name: zoneName,
        geo_zones: [{ type: "country", country_code: "gh" }],
      })
    ).body.fulfillment_set.service_zones.find((zone: Json) => zone.name === zoneName)
  const profile = (
    await asAdmin("POST", "/admin/shipping-profiles", { name: `${name} profile ${run}`, type: "default" })
  ).body.shipping_profile
  const option = async (zoneId: string, optionName: string) =>
    (
      await asAdmin(
        "POST",
        "/admin/shipping-options",
        flatShippingOptionBody(optionName, zoneId, profile.id, [{ currency_code: "eur", amount: 6.5 }]),
      )
    ).body.shipping_option
  return { location, set, zoneOf, profile, option }
}

const deletedEvents = async (ids: string[]) =>
  (
    await session.db.query(
      "select data->>'id' as id from event_outbox where name = 'shipping-option.deleted' and data->>'id' = any($1)",
      [ids],
    )
  ).rows
    .map((r) => r.id)
    .sort()

describe("/admin/shipping-options", () => {
  test("fields reach the zone, its set, the profile, type, prices and rules", async () => {
    const { set, zoneOf, profile, option } = await shippingSetup("Fields")
    const zone = await zoneOf("Accra")
    const created = await option(zone.id, "Truck")

    const read = (await asAdmin("GET", `/admin/shipping-options/${created.id}`)).body.shipping_option
    expect(read).toMatchObject({
      name: "Truck",
      service_zone: { id: zone.id, name: "Accra", fulfillment_set_id: set.id },
      shipping_profile: { id: profile.id, name: profile.name },
      type: { label: "Truck", code: "truck" },
      prices: [expect.objectContaining({ currency_code: "eur", amount: 6.5 })],
    })
    expect(read.rules.map((r: Json) => [r.attribute, r.operator, r.value])).toEqual([
      ["enabled_in_store", "eq", "true"],
      ["is_return", "eq", "false"],
    ])

    const picked = await asAdmin(
      "GET",
      `/admin/shipping-options/${created.id}?fields=name,*service_zone.fulfillment_set,shipping_profile.name`,
    )
    expect(picked.body.shipping_option).toEqual({
      id: created.id,
      name: "Truck",
      service_zone: expect.objectContaining({
        id: zone.id,
        fulfillment_set: expect.objectContaining({ id: set.id, type: "shipping" }),
      }),
      shipping_profile: { id: profile.id, name: profile.name },
    })
    const listed = await asAdmin(
      "GET",
      `/admin/shipping-options?service_zone_id=${zone.id}&fields=id,type.code,prices.amount`,
    )
    expect(listed.body).toMatchObject({
      count: 1,
      shipping_options: [
        { id: created.id, type: { id: read.type.id, code: "truck" }, prices: [{ id: read.prices[0].id, amount: 6.5 }] },
      ],
    })
  })

  test("rules batch: create, update and delete in one call; unknown rules refuse the whole batch", async () => {
    const { zoneOf, option } = await shippingSetup("Rules")
    const created = await option((await zoneOf("Kumasi")).id, "Van")
    const [enabled, isReturn] = created.rules
    const batch = (body: unknown) => asAdmin("POST", `/admin/shipping-options/${created.id}/rules/batch`, body)

    for (const [body, message] of [
      [{ create: [{ attribute: "x", operator: "like", value: "1" }] }, /create\.0\.operator/],
      [{ update: [{ attribute: "x", operator: "eq", value: "1" }] }, /update\.0\.id/],
      [{ delete: "all" }, /delete/],
    ] as const) {
      const res = await batch(body)
      expect([res.status, res.body.type]).toEqual([400, "invalid_data"])
      expect(res.body.message).toMatch(message)
    }
    expect(
      await batch({ delete: [isReturn.id, "sorul_missing"], create: [{ attribute: "a", operator: "eq", value: "b" }] }),
    ).toMatchObject({
      status: 404,
      body: {
        message: `Shipping option rules with ids sorul_missing were not found for shipping option ${created.id}`,
      },
    })
    expect((await asAdmin("GET", `/admin/shipping-options/${created.id}`)).body.shipping_option.rules).toHaveLength(2)

    const res = await batch({
      create: [{ attribute: "customer_group", operator: "in", value: ["vip", "staff"] }],
      update: [{ id: enabled.id, attribute: "enabled_in_store", operator: "eq", value: "false" }],
      delete: [isReturn.id],
    })
    expect(res.status).toBe(200)
    expect(res.body.created).toEqual([
      expect.objectContaining({
        attribute: "customer_group",
        operator: "in",
        value: ["vip", "staff"],
        shipping_option_id: created.id,
      }),
    ])
    expect(res.body.updated).toEqual([expect.objectContaining({ id: enabled.id, value: "false" })])
    expect(res.body.deleted).toEqual({ ids: [isReturn.id], object: "shipping_option_rule", deleted: true })
    const rules = (await asAdmin("GET", `/admin/shipping-options/${created.id}?fields=*rules`)).body.shipping_option
      .rules
    expect(rules.map((r: Json) => [r.attribute, r.value]).sort()).toEqual([
      ["customer_group", ["vip", "staff"]],
      ["enabled_in_store", "false"],
    ])
    expect((await asAdmin("POST", "/admin/shipping-options/so_missing/rules/batch", {})).status).toBe(404)
  })

  test("options that go with their zone, set or location are announced as deleted", async () => {
    const { location, set, zoneOf, option } = await shippingSetup("Cascade")
    const [north, south] = [await zoneOf("North"), await zoneOf("South")]
    const [a, b, c] = [await option(north.id, "A"), await option(north.id, "B"), await option(south.id, "C")]
    const other = await shippingSetup("Cascade other")
    const d = await other.option((await other.zoneOf("East")).id, "D")

    await asAdmin("DELETE", `/admin/fulfillment-sets/${set.id}/service-zones/${north.id}`)
    expect(await deletedEvents([a.id, b.id, c.id])).toEqual([a.id, b.id].sort())
    expect((await asAdmin("GET", `/admin/shipping-options/${a.id}`)).status).toBe(404)
    await asAdmin("DELETE", `/admin/fulfillment-sets/${set.id}`)
    expect(await deletedEvents([a.id, b.id, c.id])).toEqual([a.id, b.id, c.id].sort())
    // Deleting the set again finds nothing, so nothing is announced twice.
    await asAdmin("DELETE", `/admin/stock-locations/${location.id}`)
    expect(await deletedEvents([a.id, b.id, c.id])).toHaveLength(3)

    expect((await asAdmin("DELETE", `/admin/stock-locations/${other.location.id}`)).status).toBe(200)
    expect(await deletedEvents([d.id])).toEqual([d.id])
    expect((await asAdmin("GET", `/admin/shipping-options/${d.id}`)).status).toBe(404)
  })
})
