// Two of the dashboard's setup forms that pick from lists this backend serves: a shipping option type made on
// its settings page, then picked in a service zone's shipping option form (GET /admin/shipping-option-types,
// posted as `type_id`), and a tax region whose provider is picked from GET /admin/tax-providers.
import { describe, expect, it } from "vitest"
import { type Json, useDashboard } from "./harness"

const run = Date.now().toString(36)
const typeLabel = `Same day ${run}`
const typeCode = `same_day_${run}`

const world = useDashboard(async ({ admin, ids }) => {
  const { stock_locations } = await admin(
    "/admin/stock-locations?fields=id,*fulfillment_sets,*fulfillment_sets.service_zones&limit=50",
  )
  const location = (stock_locations as Json[]).find((candidate) =>
    (candidate.fulfillment_sets as Json[]).some((set) => set.type === "shipping" && set.service_zones.length),
  )!
  const set = (location.fulfillment_sets as Json[]).find((candidate) => candidate.service_zones.length)!
  ids.location = location.id
  ids.set = set.id
  ids.zone = set.service_zones[0].id
})
const { admin, ids, expectPage, submit } = world
const page = () => world.dashboard.page
// Some routes' drawers and modals are drawn twice; each open Radix dialog hides the other: the top one is the last.
const dialog = () => page().locator("[role=dialog][data-state=open]").last()
const button = (name: string) => dialog().locator("button", { hasText: new RegExp(`^${name}$`) })
/** Opens the dialog's nth combobox, optionally types a search, and picks the option with this name. */
async function pick(nth: number, option: string | RegExp, search?: string) {
  const combobox = dialog().getByRole("combobox").nth(nth)
  await combobox.click()
  if (search !== undefined) await combobox.fill(search)
  await page().getByRole("option", { name: option }).first().click()
}

describe("setup forms that pick from backend lists", () => {
  it("creates a shipping option type on its settings page", async () => {
    await expectPage("/settings/locations/shipping-option-types/create")
    await dialog().locator("input[name=label]").fill(typeLabel)
    // The form fills the code from the label.
    expect(await dialog().locator("input[name=code]").inputValue()).toBe(typeCode)
    await dialog().locator("input[name=description]").fill("Delivered before dinner")
    const { shipping_option_type } = await submit(() => button("Create").click(), /^\/admin\/shipping-option-types$/)
    ids.type = shipping_option_type.id
    expect((await admin(`/admin/shipping-option-types/${ids.type}`)).shipping_option_type).toMatchObject({
      label: typeLabel,
      code: typeCode,
      description: "Delivered before dinner",
    })
    // The list page draws it.
    await expectPage("/settings/locations/shipping-option-types")
    await page().getByText(typeLabel, { exact: true }).first().waitFor()
    expect(world.dashboard.take()).toEqual([])
  })

  it("creates a shipping option in a service zone, picking that type", async () => {
    expect(ids.type).toBeTruthy()
    await expectPage("/settings/locations/:location/fulfillment-set/:set/service-zone/:zone/shipping-option/create")
    await dialog().locator("input[name=name]").fill(`Courier ${run}`)
    await pick(0, "Default Shipping Profile")
    await pick(1, typeLabel, run)
    await pick(2, /^Manual/)
    await dialog().getByRole("combobox").nth(3).click()
    await page().getByRole("option", { name: "manual-fulfillment", exact: true }).click()
    await button("Continue").click()
    await button("Save").waitFor()
    const posted = page().waitForRequest(
      (request) => request.method() === "POST" && new URL(request.url()).pathname === "/admin/shipping-options",
    )
    const { shipping_option } = await submit(() => button("Save").click(), /^\/admin\/shipping-options$/)
    expect((await posted).postDataJSON()).toMatchObject({ type_id: ids.type, service_zone_id: ids.zone })

    const stored = (await admin(`/admin/shipping-options/${shipping_option.id}`)).shipping_option
    expect(stored).toMatchObject({
      name: `Courier ${run}`,
      service_zone_id: ids.zone,
      provider_id: "manual_manual",
      shipping_option_type_id: ids.type,
      type: { id: ids.type, label: typeLabel, code: typeCode },
      data: { id: "manual-fulfillment" },
    })
    expect((stored.rules as Json[]).map((rule) => [rule.attribute, rule.value]).sort()).toEqual([
      ["enabled_in_store", "true"],
      ["is_return", "false"],
    ])
    expect(world.dashboard.take()).toEqual([])
  })

  it("creates a tax region, picking the system tax provider", async () => {
    const { tax_regions } = await admin("/admin/tax-regions?limit=200&fields=id,country_code")
    const taken = new Set((tax_regions as Json[]).map((region) => region.country_code))
    const [code, country] = (
      [
        ["jp", "Japan"],
        ["br", "Brazil"],
        ["kr", "South Korea"],
        ["mx", "Mexico"],
      ] as const
    ).find(([candidate]) => !taken.has(candidate))!
    await expectPage("/settings/tax-regions/create")
    await pick(0, country, country)
    await pick(1, "System")
    const { tax_region } = await submit(() => button("Save").click(), /^\/admin\/tax-regions$/)
    expect((await admin(`/admin/tax-regions/${tax_region.id}`)).tax_region).toMatchObject({
      country_code: code,
      provider_id: "tp_system",
      parent_id: null,
    })
    expect(world.dashboard.take()).toEqual([])
  })
})
