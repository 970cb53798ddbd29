// Medusa's admin dashboard creates and edits promotions, campaigns and customer groups through its own forms,
// and a code made there applies in a shopper's cart.
import { describe, expect, it } from "vitest"
import { guestCart, storeApi } from "./guest-order"
import { type Json, useDashboard } from "./harness"

const world = useDashboard(async ({ admin }) => {
  // A customer to add to a group: this file's stack has had no checkout.
  await admin("/admin/customers", { method: "POST", body: JSON.stringify({ email: "ada@example.com" }) })
})
// `world.dashboard` is set by the hooks, so it is read in the tests, not here.
const { admin, expectPage, submit } = world
const dialog = () => world.dashboard.page.getByRole("dialog")
const save = (name: RegExp | string = "Save") => dialog().getByRole("button", { name, exact: true }).click()
/** The dashboard's list at `path` shows `text`. */
async function expectListed(path: string, text: string) {
  await expectPage(path)
  await world.dashboard.page.getByText(text, { exact: true }).first().waitFor({ timeout: 20_000 })
}

/** Fills the create form's details tab from `template` on, saves, and answers the new promotion's id. */
async function createPromotion(template: string, details: () => Promise<void>) {
  await expectPage("/promotions/create")
  await dialog().getByText(template, { exact: true }).click()
  await save("Continue")
  await dialog().getByText("Active", { exact: true }).click()
  await details()
  await save("Continue")
  const { promotion } = await submit(() => save(), /^\/admin\/promotions$/)
  await world.dashboard.page.waitForURL(new RegExp(`/promotions/${promotion.id}`))
  return promotion.id as string
}
const promotionOf = async (id: string) => (await admin(`/admin/promotions/${id}`)).promotion

/** A guest's cart (two of a 19.50 EUR product, no tax in the region) with `code` applied. */
async function cartWith(code: string) {
  const cart = await guestCart(world.stack)
  return (await storeApi(world.stack)("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: [code] })).cart
}

describe("promotions in the dashboard", () => {
  let percentage: string

  it("creates an active code for 10% off the order", async () => {
    percentage = await createPromotion("Percentage off order", async () => {
      await dialog().locator("input[name=code]").fill("EDGE10")
      await dialog().locator("input[name='application_method.value']").fill("10")
    })
    expect(await promotionOf(percentage)).toMatchObject({
      code: "EDGE10",
      status: "active",
      is_automatic: false,
      type: "standard",
      application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
    })
    await expectListed("/promotions", "EDGE10")
  })

  it("edits the code and the value in the details drawer", async () => {
    await expectPage(`/promotions/${percentage}/edit`)
    await dialog().locator("input[name=code]").fill("EDGE15")
    await dialog().locator("input[name=value]").fill("15")
    await submit(() => save(), new RegExp(`^/admin/promotions/${percentage}$`))
    await expect
      .poll(async () => {
        const { code, status, application_method } = await promotionOf(percentage)
        return { code, status, value: application_method.value }
      })
      .toEqual({ code: "EDGE15", status: "active", value: 15 })
    await expectListed("/promotions", "EDGE15")
  })

  it("applies the edited code in a guest's cart", async () => {
    const cart = await cartWith("EDGE15")
    expect(cart.promotions.map((applied: Json) => applied.code)).toEqual(["EDGE15"])
    // 15% of 39.
    expect(cart).toMatchObject({ item_subtotal: 39, discount_total: 5.85, discount_tax_total: 0, total: 33.15 })
  })

  it("creates 5 EUR off the order, its currency picked in the conditions, and applies it", async () => {
    const fixed = await createPromotion("Amount off order", async () => {
      await dialog().locator("input[name=code]").fill("EDGE5EUR")
      // A fixed amount's currency is a required condition; the value field waits for it.
      await dialog().getByPlaceholder("Select value").click()
      await world.dashboard.page.getByRole("option", { name: /euro/i }).first().click()
      await dialog().locator("input[name='application_method.value']").fill("5")
    })
    expect(await promotionOf(fixed)).toMatchObject({
      code: "EDGE5EUR",
      status: "active",
      rules: [],
      application_method: { type: "fixed", target_type: "order", currency_code: "eur", value: 5 },
    })
    const cart = await cartWith("EDGE5EUR")
    expect(cart.promotions.map((applied: Json) => applied.code)).toEqual(["EDGE5EUR"])
    expect(cart).toMatchObject({ item_subtotal: 39, discount_total: 5, total: 34 })
  })
})

describe("campaigns in the dashboard", () => {
  let campaign: string
  const campaignOf = async () => (await admin(`/admin/campaigns/${campaign}`)).campaign

  it("creates a campaign with a usage budget", async () => {
    await expectPage("/campaigns/create")
    await dialog().locator("input[name=name]").fill("Summer sale")
    await dialog().locator("input[name=campaign_identifier]").fill("SUMMER-2025")
    await dialog().locator("input[name='budget.limit']").fill("100")
    const created = await submit(() => save("Create"), /^\/admin\/campaigns$/)
    campaign = created.campaign.id
    expect(await campaignOf()).toMatchObject({
      name: "Summer sale",
      campaign_identifier: "SUMMER-2025",
      budget: { type: "usage", limit: 100, used: 0 },
    })
    await expectListed("/campaigns", "Summer sale")
  })

  it("renames the campaign and raises its budget limit", async () => {
    await expectPage(`/campaigns/${campaign}/edit`)
    await dialog().locator("input[name=name]").fill("Summer sale, extended")
    await submit(() => save(), new RegExp(`^/admin/campaigns/${campaign}$`))
    await expectPage(`/campaigns/${campaign}/edit-budget`)
    await dialog().locator("input[name=limit]").fill("250")
    await submit(() => save(), new RegExp(`^/admin/campaigns/${campaign}$`))
    await expect
      .poll(async () => {
        const { name, budget } = await campaignOf()
        return { name, limit: budget.limit }
      })
      .toEqual({ name: "Summer sale, extended", limit: 250 })
    await expectListed("/campaigns", "Summer sale, extended")
  })
})

describe("customer groups in the dashboard", () => {
  let group: string
  const groupOf = async () => (await admin(`/admin/customer-groups/${group}?fields=*customers`)).customer_group

  it("creates a group", async () => {
    await expectPage("/customer-groups/create")
    await dialog().locator("input[name=name]").fill("Wholesale")
    const created = await submit(() => save("Create"), /^\/admin\/customer-groups$/)
    group = created.customer_group.id
    expect(await groupOf()).toMatchObject({ name: "Wholesale", customers: [] })
    await expectListed("/customer-groups", "Wholesale")
  })

  it("renames the group", async () => {
    await expectPage(`/customer-groups/${group}/edit`)
    await dialog().locator("input[name=name]").fill("Wholesale partners")
    await submit(() => save(), new RegExp(`^/admin/customer-groups/${group}$`))
    await expect.poll(async () => (await groupOf()).name).toBe("Wholesale partners")
    await expectListed("/customer-groups", "Wholesale partners")
  })

  it("adds a customer to the group", async () => {
    await expectPage(`/customer-groups/${group}/add-customers`)
    await dialog()
      .getByRole("row", { name: /ada@example\.com/ })
      .getByRole("checkbox")
      .click()
    await submit(() => save(), new RegExp(`^/admin/customer-groups/${group}/customers$`))
    await expect
      .poll(async () => (await groupOf()).customers.map((customer: { email: string }) => customer.email))
      .toEqual(["ada@example.com"])
    await expectListed(`/customer-groups/${group}`, "ada@example.com")
  })
})
