import { describe, expect, test } from "vitest"
import { expectRefused, adminSession } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { address, shopper } from "./helpers/shopper"

type Json = Record<string, any>
const run = Date.now().toString(36)
let shop: CheckoutFixture
const session = adminSession(`tax-${run}@example.com`, async () => {
  // Iceland is taxed at 20 % by the fixture; Ireland, Poland and Czechia are this file's too.
  shop = await createCheckoutFixture({ limitedStock: 5, countries: { euro: ["is", "ie"], won: "pl", noPayment: "cz" } })
})
const asAdmin = session.call

/** A cart of three tees (3 × 9.99 = 29.97) shipped to Iceland, in a province when given. */
async function icelandCart(province?: string) {
  const store = shopper(session.worker, shop.key, {
    region: shop.regions.euro,
    country: "is",
    shippingOption: shop.options.standard,
  })
  const created = await store.post("/store/carts", {
    region_id: shop.regions.euro,
    items: [{ variant_id: shop.variants.tee, quantity: 3 }],
  })
  const id = created.body.cart.id as string
  await store.post(`/store/carts/${id}`, { shipping_address: { ...address("is"), province } })
  return async () => {
    const { cart } = (await store.call("GET", `/store/carts/${id}`)).body
    return { tax_total: cart.tax_total, total: cart.total, subtotal: cart.subtotal }
  }
}

describe("/admin/tax-regions and /admin/tax-rates", () => {
  test("a changed rate is what the next cart calculation uses, exactly", async () => {
    const totals = await icelandCart()
    expect(await totals()).toEqual({ subtotal: 29.97, tax_total: 5.994, total: 35.964 }) // 29.97 × 20 %, not rounded

    const listed = await asAdmin("GET", "/admin/tax-regions?country_code=is")
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 20 })
    const region = listed.body.tax_regions[0]
    expect(region).toMatchObject({
      country_code: "is",
      province_code: null,
      parent_id: null,
      parent: null,
      children: [],
    })
    expect(region.tax_rates).toEqual([
      expect.objectContaining({ rate: 20, code: "STD", name: "Standard", is_default: true, rules: [] }),
    ])
    const rate = region.tax_rates[0]

    const changed = await asAdmin("POST", `/admin/tax-rates/${rate.id}`, { rate: 25.5, name: "Standard 2027" })
    expect(changed.status).toBe(200)
    expect(changed.body.tax_rate).toMatchObject({
      id: rate.id,
      rate: 25.5,
      name: "Standard 2027",
      tax_region: { id: region.id, country_code: "is" },
    })
    expect((await session.db.query("select rate::text from tax_rate where id = $1", [rate.id])).rows[0].rate).toBe(
      "25.5",
    )
    expect(await totals()).toEqual({ subtotal: 29.97, tax_total: 7.64235, total: 37.61235 }) // 29.97 × 25.5 %

    // A province gets a rate of its own, under its country's region; deleting it restores the country's.
    const province = await asAdmin("POST", "/admin/tax-regions", {
      country_code: "IS",
      province_code: "IS-1",
      default_tax_rate: { rate: 7.5, code: "IS1", name: "Reykjavik" },
    })
    expect(province.status).toBe(200)
    expect(province.body.tax_region).toMatchObject({
      country_code: "is",
      province_code: "is-1",
      parent_id: region.id,
      parent: { id: region.id },
    })
    expect(province.body.tax_region.tax_rates).toEqual([expect.objectContaining({ rate: 7.5, is_default: true })])
    const inProvince = await icelandCart("is-1")
    expect(await inProvince()).toEqual({ subtotal: 29.97, tax_total: 2.24775, total: 32.21775 }) // 29.97 × 7.5 %
    expect((await asAdmin("GET", `/admin/tax-regions/${region.id}`)).body.tax_region.children).toEqual([
      expect.objectContaining({ id: province.body.tax_region.id, tax_rates: [expect.objectContaining({ rate: 7.5 })] }),
    ])
    expect((await asAdmin("DELETE", `/admin/tax-regions/${province.body.tax_region.id}`)).body).toEqual({
      id: province.body.tax_region.id,
      object: "tax_region",
      deleted: true,
    })
    expect(await inProvince()).toEqual({ subtotal: 29.97, tax_total: 7.64235, total: 37.61235 })

    // One default rate per region; others may be added beside it and change nothing.
    const second = await asAdmin("POST", "/admin/tax-rates", {
      tax_region_id: region.id,
      rate: 10,
      code: "RED",
      name: "Reduced",
      is_default: true,
    })
    expect(second).toMatchObject({ status: 422, body: { type: "duplicate_error" } })
    const reduced = await asAdmin("POST", "/admin/tax-rates", {
      tax_region_id: region.id,
      rate: 10,
      code: "RED",
      name: "Reduced",
    })
    expect(reduced.body.tax_rate).toMatchObject({ rate: 10, is_default: false, tax_region_id: region.id })
    expect(
      (await asAdmin("GET", `/admin/tax-rates?tax_region_id=${region.id}&is_default=false`)).body.tax_rates.map(
        (r: Json) => r.id,
      ),
    ).toEqual([reduced.body.tax_rate.id])
    expect(await totals()).toEqual({ subtotal: 29.97, tax_total: 7.64235, total: 37.61235 })

    expect((await asAdmin("DELETE", `/admin/tax-rates/${rate.id}`)).body).toEqual({
      id: rate.id,
      object: "tax_rate",
      deleted: true,
    })
    expect(await totals()).toEqual({ subtotal: 29.97, tax_total: 0, total: 29.97 })
    expect((await asAdmin("GET", `/admin/tax-rates/${rate.id}`)).status).toBe(404)
  })

  test("a country has one region; fields select what is shown", async () => {
    const created = await asAdmin("POST", "/admin/tax-regions", {
      country_code: "cz",
      provider_id: "tp_system",
      default_tax_rate: { rate: 21, code: "CZ", name: "DPH" },
    })
    expect(created.body.tax_region).toMatchObject({ country_code: "cz", provider_id: "tp_system" })
    expect((await asAdmin("POST", "/admin/tax-regions", { country_code: "CZ" })).status).toBe(422)
    const updated = await asAdmin("POST", `/admin/tax-regions/${created.body.tax_region.id}`, {
      provider_id: null,
      metadata: { note: "VAT" },
    })
    expect(updated.body.tax_region).toMatchObject({ provider_id: null, metadata: { note: "VAT" } })
    expect(
      (await asAdmin("POST", `/admin/tax-regions/${created.body.tax_region.id}`, { country_code: "sk" })).body.message,
    ).toBe("Unrecognized fields: 'country_code'")
    const slim = await asAdmin(
      "GET",
      `/admin/tax-regions/${created.body.tax_region.id}?fields=country_code,tax_rates.rate`,
    )
    expect(slim.body.tax_region).toEqual({
      id: created.body.tax_region.id,
      country_code: "cz",
      tax_rates: [{ id: expect.any(String), rate: 21 }],
    })
    const statements = async (query: string) =>
      (
        await session.worker.fetch(`/admin/tax-regions?${query}`, {
          headers: { authorization: `Bearer ${session.token}` },
        })
      ).headers.get("x-sql-statements")
    const forOne = await statements("country_code=cz")
    expect(forOne).toMatch(/^\d+$/)
    expect(await statements("country_code[]=cz&country_code[]=ie")).toBe(forOne)
    const rates = await asAdmin("GET", `/admin/tax-rates?q=DPH&fields=code,rate`)
    expect(rates.body).toMatchObject({ count: 1, tax_rates: [{ code: "CZ", rate: 21 }] })
    expect(Object.keys(rates.body.tax_rates[0]).sort()).toEqual(["code", "id", "rate"])
    const other = await asAdmin("POST", "/admin/tax-regions", {
      country_code: "hu",
      parent_id: created.body.tax_region.id,
      province_code: "hu-bu",
    })
    expect(other).toMatchObject({
      status: 400,
      body: { message: "Province region must belong to a parent region with the same country code" },
    })
    expect((await asAdmin("GET", "/admin/tax-regions/txreg_missing")).status).toBe(404)
  })

  test("bad bodies: a 400 naming the field, nothing stored", async () => {
    const region = (await asAdmin("GET", "/admin/tax-regions?country_code=ie")).body.tax_regions[0]
    await expectRefused(session.db, "tax_rate", (body) => asAdmin("POST", "/admin/tax-rates", body), [
      [{ tax_region_id: region.id, rate: -1, code: "X", name: "X" }, /^rate: must be 0 or more$/],
      [{ tax_region_id: region.id, rate: "20", code: "X", name: "X" }, /^rate: must be a number$/],
      [{ tax_region_id: region.id, rate: 5, name: "X" }, /^code: /],
      [{ tax_region_id: region.id, rate: 5, code: "X", name: "X", percent: 5 }, /^Unrecognized fields: 'percent'$/],
    ])
    const rate = region.tax_rates[0]
    const refused = await asAdmin("POST", `/admin/tax-rates/${rate.id}`, { rate: -0.5 })
    expect(refused).toMatchObject({ status: 400, body: { message: "rate: must be 0 or more" } })
    expect((await session.db.query("select rate::text from tax_rate where id = $1", [rate.id])).rows[0].rate).toBe(
      "25.5",
    )
    await expectRefused(session.db, "tax_region", (body) => asAdmin("POST", "/admin/tax-regions", body), [
      [{ country_code: "irl" }, /^country_code: must be an ISO 3166-1 alpha-2 code$/],
      [
        { country_code: "hu", default_tax_rate: { rate: -3, code: "X", name: "X" } },
        /^default_tax_rate\.rate: must be 0 or more$/,
      ],
    ])
  })
})
