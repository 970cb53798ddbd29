import { describe, expect, test } from "vitest"
import { adminSession, expectRefused } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`shipping-option-types-${run}@example.com`)
const asAdmin = session.call

const eventNames = async (id: string) =>
  (
    await session.db.query(
      "select name from event_outbox where data->>'id' = $1 and name like 'shipping-option-type.%' order by created_at, name",
      [id],
    )
  ).rows.map((r) => r.name)
const count = async (table: string) =>
  (await session.db.query(`select count(*)::int as n from "${table}"`)).rows[0].n as number

const createType = async (label: string, code: string, description?: string) => {
  const res = await asAdmin("POST", "/admin/shipping-option-types", { label, code, description })
  expect(res.status).toBe(200)
  return res.body.shipping_option_type
}

/** A location offering manual fulfillment with a shipping set and a zone (Ghana), and a profile. */
async function shippingSetup(name: string) {
  const location = (await asAdmin("POST", "/admin/stock-locations", { name: `${name} ${run}` })).body.stock_location
  await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ["manual_manual"] })
  const set = (
    await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-sets`, {
      name: `${name} set ${run}`,
      type: "shipping",
    })
  ).body.stock_location.fulfillment_sets[0]
  const zone = (
    await asAdmin("POST", `/admin/fulfillment-sets/${set.id}/service-zones`, {
      name: `${name} zone`,
      geo_zones: [{ type: "country", country_code: "gh" }],
    })
  ).body.fulfillment_set.service_zones[0]
  const profile = (
    await asAdmin("POST", "/admin/shipping-profiles", { name: `${name} profile ${run}`, type: "default" })
  ).body.shipping_profile
  const fulfillmentOptions = (await asAdmin("GET", "/admin/fulfillment-providers/manual_manual/options")).body
    .fulfillment_options as Json[]
  return { location, zone, profile, fulfillmentOption: fulfillmentOptions[0] }
}

/** The body the dashboard's create form posts (location-service-zone-shipping-option-create's handleSubmit). */
const dashboardCreateBody = (
  setup: Awaited<ReturnType<typeof shippingSetup>>,
  name: string,
  typeId: string,
  isReturn = false,
) => ({
  name,
  price_type: "flat",
  service_zone_id: setup.zone.id,
  shipping_profile_id: setup.profile.id,
  provider_id: "manual_manual",
  prices: [{ currency_code: "eur", amount: 12 }],
  data: setup.fulfillmentOption,
  rules: [
    { value: isReturn ? "true" : "false", attribute: "is_return", operator: "eq" },
    { value: "true", attribute: "enabled_in_store", operator: "eq" },
  ],
  type_id: typeId,
})

describe("/admin/shipping-option-types", () => {
  test("create, retrieve, update, delete: Medusa's shapes and events", async () => {
    const created = await createType(`Express ${run}`, `express_${run}`, "Next day")
    expect(created).toEqual({
      id: expect.stringMatching(/^sotype_/),
      label: `Express ${run}`,
      code: `express_${run}`,
      description: "Next day",
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    })
    const read = await asAdmin("GET", `/admin/shipping-option-types/${created.id}`)
    expect(read).toEqual({ status: 200, body: { shipping_option_type: created } })
    expect(
      (await asAdmin("GET", `/admin/shipping-option-types/${created.id}?fields=id,label`)).body.shipping_option_type,
    ).toEqual({ id: created.id, label: `Express ${run}` })

    const updated = await asAdmin("POST", `/admin/shipping-option-types/${created.id}`, {
      label: `Overnight ${run}`,
      description: null,
    })
    expect(updated.status).toBe(200)
    expect(updated.body.shipping_option_type).toMatchObject({
      id: created.id,
      label: `Overnight ${run}`,
      code: `express_${run}`,
      description: null,
    })

    const deleted = await asAdmin("DELETE", `/admin/shipping-option-types/${created.id}`)
    expect(deleted).toEqual({
      status: 200,
      body: { id: created.id, object: "shipping_option_type", deleted: true },
    })
    expect((await asAdmin("GET", `/admin/shipping-option-types/${created.id}`)).status).toBe(404)
    expect(await eventNames(created.id)).toEqual([
      "shipping-option-type.created",
      "shipping-option-type.updated",
      "shipping-option-type.deleted",
    ])
  })

  test("list: { shipping_option_types, count, offset, limit }, filtered by q, id, label, code and dates", async () => {
    const before = new Date(Date.now() - 1000).toISOString()
    const a = await createType(`Alpha ${run}`, `alpha_${run}`, "first of the list")
    const b = await createType(`Beta ${run}`, `beta_${run}`)
    const list = async (query: string) => (await asAdmin("GET", `/admin/shipping-option-types?${query}`)).body
    const ids = async (query: string) => (await list(query)).shipping_option_types.map((t: Json) => t.id)

    const page = await list(`q=${run}&limit=1&offset=1&order=label`)
    expect(page).toEqual({
      shipping_option_types: [expect.objectContaining({ id: b.id })],
      count: 2,
      offset: 1,
      limit: 1,
    })
    expect(await ids(`q=first of the&id[]=${a.id}&id[]=${b.id}`)).toEqual([a.id])
    expect(await ids(`id=${b.id}`)).toEqual([b.id])
    expect(await ids(`label=${encodeURIComponent(`Alpha ${run}`)}`)).toEqual([a.id])
    expect(await ids(`code[]=alpha_${run}&code[]=beta_${run}&order=-code`)).toEqual([b.id, a.id])
    expect(await ids(`q=${run}&created_at[$gte]=${before}&order=created_at`)).toEqual([a.id, b.id])
    expect(await ids(`q=${run}&created_at[$lt]=${before}`)).toEqual([])
    expect((await list(`id=${a.id}&fields=code`)).shipping_option_types).toEqual([{ id: a.id, code: `alpha_${run}` }])
    for (const hostile of ["fields=__proto__", "fields=constructor", "order=__proto__", "q=%25_%5C"])
      for (const path of ["/admin/shipping-option-types", "/admin/tax-providers"])
        expect((await asAdmin("GET", `${path}?${hostile}`)).status, `${path}?${hostile}`).toBeLessThan(500)
    expect((await asAdmin("GET", "/admin/shipping-option-types?order=nope")).status).toBe(400)
    expect((await asAdmin("GET", "/admin/shipping-option-types?created_at[$gte]=yesterday")).status).toBe(400)
  })

  test("a bad body is a 400 naming the field, and nothing is stored; unknown ids are 404s", async () => {
    const post = (body: unknown) => asAdmin("POST", "/admin/shipping-option-types", body)
    await expectRefused(session.db, "shipping_option_type", post, [
      [{ code: "x" }, /label/],
      [{ label: "X" }, /code/],
      [{ label: "", code: "x" }, /label/],
      [{ label: "X", code: 5 }, /code/],
      [{ label: "X", code: "x", description: 3 }, /description/],
      [{ label: "X", code: "x", colour: "red" }, /colour/],
    ])
    const type = await createType(`Kept ${run}`, `kept_${run}`)
    const res = await asAdmin("POST", `/admin/shipping-option-types/${type.id}`, { label: "" })
    expect([res.status, res.body.type]).toEqual([400, "invalid_data"])
    expect(res.body.message).toMatch(/label/)
    expect((await asAdmin("GET", `/admin/shipping-option-types/${type.id}`)).body.shipping_option_type.label).toBe(
      `Kept ${run}`,
    )

    for (const [method, body] of [["GET"], ["POST", { label: "Y" }], ["DELETE"]] as const) {
      const missing = await asAdmin(method, "/admin/shipping-option-types/sotype_missing", body)
      expect([missing.status, missing.body.type]).toEqual([404, "not_found"])
      expect(missing.body.message).toBe("Shipping option type with id: sotype_missing was not found")
    }
  })
})

describe("shipping options with a type_id", () => {
  test("created as the dashboard posts it, read back with that type; edited as the edit form posts it", async () => {
    const setup = await shippingSetup("Typed")
    const type = await createType(`Standard ${run}`, `standard_${run}`, "2-3 days")
    const typesBefore = await count("shipping_option_type")
    const res = await asAdmin("POST", "/admin/shipping-options", dashboardCreateBody(setup, `Standard ${run}`, type.id))
    expect(res.status).toBe(200)
    const option = res.body.shipping_option
    expect(option).toMatchObject({
      name: `Standard ${run}`,
      shipping_option_type_id: type.id,
      type: { id: type.id, label: `Standard ${run}`, code: `standard_${run}`, description: "2-3 days" },
      data: setup.fulfillmentOption,
      prices: [expect.objectContaining({ currency_code: "eur", amount: 12 })],
    })
    expect(await count("shipping_option_type")).toBe(typesBefore)
    const read = (await asAdmin("GET", `/admin/shipping-options/${option.id}`)).body.shipping_option
    expect(read.type).toMatchObject({ id: type.id, code: `standard_${run}` })
    const listed = (await asAdmin("GET", `/admin/shipping-options?id=${option.id}&fields=id,*type`)).body
    expect(listed.shipping_options[0].type).toMatchObject({ id: type.id, label: `Standard ${run}` })

    // The edit form: its fields, the option's rules sent back with their ids, and the picked type.
    const other = await createType(`Economy ${run}`, `economy_${run}`)
    const edited = await asAdmin("POST", `/admin/shipping-options/${option.id}`, {
      name: `Economy ${run}`,
      price_type: "flat",
      shipping_profile_id: setup.profile.id,
      rules: read.rules.map((r: Json) => ({ id: r.id, attribute: r.attribute, operator: r.operator, value: r.value })),
      type_id: other.id,
    })
    expect(edited.status).toBe(200)
    expect(edited.body.shipping_option).toMatchObject({ name: `Economy ${run}`, type: { id: other.id } })
    expect(edited.body.shipping_option.rules.map((r: Json) => [r.attribute, r.value]).sort()).toEqual([
      ["enabled_in_store", "true"],
      ["is_return", "false"],
    ])
    const missing = await asAdmin("POST", `/admin/shipping-options/${option.id}`, { type_id: "sotype_missing" })
    expect([missing.status, missing.body.message]).toEqual([
      404,
      "Shipping option type with id: sotype_missing was not found",
    ])
    expect((await asAdmin("GET", `/admin/shipping-options/${option.id}`)).body.shipping_option.type.id).toBe(other.id)
  })

  test("an unknown type_id is a 404 and stores nothing; type and type_id together, or neither, a 400", async () => {
    const setup = await shippingSetup("Untyped")
    const options = await count("shipping_option")
    const types = await count("shipping_option_type")
    const res = await asAdmin("POST", "/admin/shipping-options", dashboardCreateBody(setup, "Ghost", "sotype_missing"))
    expect([res.status, res.body.type, res.body.message]).toEqual([
      404,
      "not_found",
      "Shipping option type with id: sotype_missing was not found",
    ])
    const { type_id, ...noType } = dashboardCreateBody(setup, "Ghost", "sotype_missing")
    await expectRefused(session.db, "shipping_option", (body) => asAdmin("POST", "/admin/shipping-options", body), [
      [{ ...noType, type_id, type: { label: "Both", code: "both" } }, /type_id/],
      [noType, /type_id/],
      [{ ...noType, type_id: "" }, /type_id/],
    ])
    expect([await count("shipping_option"), await count("shipping_option_type")]).toEqual([options, types])

    // The inline type still works (and makes its own type row).
    const inline = await asAdmin("POST", "/admin/shipping-options", {
      ...noType,
      name: "Inline",
      type: { label: "Inline", code: "inline" },
    })
    expect(inline.status).toBe(200)
    expect(inline.body.shipping_option.type).toMatchObject({ label: "Inline", code: "inline" })
    expect(await count("shipping_option_type")).toBe(types + 1)
  })

  test("deleting a type in use is a soft delete: its options keep showing it, new options cannot pick it", async () => {
    const setup = await shippingSetup("Retired")
    const type = await createType(`Retired ${run}`, `retired_${run}`)
    const option = (await asAdmin("POST", "/admin/shipping-options", dashboardCreateBody(setup, "Old", type.id))).body
      .shipping_option
    expect((await asAdmin("DELETE", `/admin/shipping-option-types/${type.id}`)).status).toBe(200)

    const read = (await asAdmin("GET", `/admin/shipping-options/${option.id}`)).body.shipping_option
    expect(read.type).toMatchObject({ id: type.id, code: `retired_${run}`, deleted_at: expect.any(String) })
    const listed = (await asAdmin("GET", `/admin/shipping-option-types?id=${type.id}`)).body
    expect(listed.count).toBe(0)
    // The edit form sends the option's own type back: still accepted.
    const edited = await asAdmin("POST", `/admin/shipping-options/${option.id}`, { name: "Old too", type_id: type.id })
    expect([edited.status, edited.body.shipping_option.type.id]).toEqual([200, type.id])
    const fresh = await asAdmin("POST", "/admin/shipping-options", dashboardCreateBody(setup, "New", type.id))
    expect(fresh.status).toBe(404)
  })
})

describe("/admin/tax-providers", () => {
  test("the system provider, in Medusa's list shape and filters", async () => {
    expect(await asAdmin("GET", "/admin/tax-providers")).toEqual({
      status: 200,
      body: { tax_providers: [{ id: "tp_system", is_enabled: true }], count: 1, offset: 0, limit: 20 },
    })
    const list = async (query: string) => (await asAdmin("GET", `/admin/tax-providers?${query}`)).body
    expect(await list("limit=10&offset=0&q=system")).toMatchObject({ count: 1, limit: 10 })
    expect(await list("id[]=tp_system&is_enabled=true")).toMatchObject({ count: 1 })
    expect(await list("is_enabled=false")).toEqual({ tax_providers: [], count: 0, offset: 0, limit: 20 })
    expect(await list("id=tp_other")).toMatchObject({ tax_providers: [], count: 0 })
    expect(await list("offset=1")).toEqual({ tax_providers: [], count: 1, offset: 1, limit: 20 })
    expect((await list("fields=id")).tax_providers).toEqual([{ id: "tp_system" }])
    expect((await asAdmin("GET", "/admin/tax-providers?is_enabled=maybe")).status).toBe(400)
    expect((await asAdmin("GET", "/admin/tax-providers", undefined, "")).status).toBe(401)
  })
})
