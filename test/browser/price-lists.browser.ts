// Medusa's admin dashboard lists, creates and edits price lists through its own forms and price grids,
// and a sale list's price is what a guest sees on a product in the store.
import { describe, expect, it } from "vitest"
import { storeApi } from "./guest-order"
import { type Json, useDashboard } from "./harness"

/** A seeded product and its first variant, found by handle. */
interface Priced {
  product: string
  variant: string
}
const seeded: Record<"sweatpants" | "shorts", Priced> = {
  sweatpants: { product: "", variant: "" },
  shorts: { product: "", variant: "" },
}

const world = useDashboard(async ({ admin, ids }) => {
  const { products } = await admin("/admin/products?fields=id,handle,*variants&limit=50")
  for (const handle of Object.keys(seeded) as (keyof typeof seeded)[]) {
    const product = products.find((candidate: Json) => candidate.handle === handle)
    seeded[handle] = { product: product.id, variant: product.variants[0].id }
  }
  // A list without rules: every guest gets its price, so the store can show it.
  const { price_list } = await admin("/admin/price-lists", {
    method: "POST",
    body: JSON.stringify({
      title: "Spring sale",
      description: "Sweatpants for less",
      status: "active",
      type: "sale",
      prices: [{ variant_id: seeded.sweatpants.variant, currency_code: "eur", amount: 30 }],
    }),
  })
  ids.list = price_list.id
  const { customer_group } = await admin("/admin/customer-groups", {
    method: "POST",
    body: JSON.stringify({ name: "Wholesale" }),
  })
  ids.group = customer_group.id
})
// `world.dashboard` is set by the hooks, so it is read in the tests, not here.
const { admin, ids, expectPage, settled, submit } = world
const page = () => world.dashboard.page
const dialog = () => page().getByRole("dialog").last()
const button = (name: string) => dialog().getByRole("button", { name, exact: true })
const priceListOf = async (id: string) => (await admin(`/admin/price-lists/${id}`)).price_list
/** The prices of a list as the test compares them. */
const pricesOf = async (id: string) =>
  (await priceListOf(id)).prices.map(({ variant_id, currency_code, amount }: Json) => ({
    variant_id,
    currency_code,
    amount,
  }))

/** Types `amount` into the EUR cell of `priced`'s variant in the open price grid. */
async function typePrice({ product, variant }: Priced, amount: string) {
  const input = `[data-field="products.${product}.variants.${variant}.currency_prices.eur.0.amount"]`
  // The cell's overlay takes the click that anchors the grid on it; typing then edits it.
  await dialog().locator(`[data-container-id]:has(${input})`).click()
  await page().keyboard.type(amount)
  // Enter commits the cell's value to the form.
  await page().keyboard.press("Enter")
}

/** The Store's calculated price of `priced`'s variant for a guest in Europe. */
async function guestPriceOf({ product, variant }: Priced): Promise<Json> {
  const call = storeApi(world.stack)
  const { regions } = await call("GET", "/store/regions")
  const europe = regions.find((region: Json) => region.name === "Europe")
  const { product: found } = await call("GET", `/store/products/${product}?region_id=${europe.id}`)
  return found.variants.find((candidate: Json) => candidate.id === variant).calculated_price
}

/** The dashboard's list of price lists shows `title`. */
async function expectListed(title: string) {
  await expectPage("/price-lists")
  await page().getByText(title, { exact: true }).first().waitFor()
}

describe("price lists in the dashboard", () => {
  let created: string

  it("draws the list, the create form and a list's page", async () => {
    await expectListed("Spring sale")
    for (const path of ["/price-lists/create", "/price-lists/:list"]) await expectPage(path)
    await page().getByText("Sweatpants for less", { exact: true }).first().waitFor()
  })

  it("creates a sale list for a customer group with a price for a variant", async () => {
    await expectPage("/price-lists/create")
    await dialog().getByText("Sale", { exact: true }).click()
    await dialog().locator("input[name=title]").fill("Wholesale shorts")
    await dialog().locator("textarea[name=description]").fill("Shorts for our partners")
    await dialog().getByText("Search for customer groups").click()
    await dialog()
      .getByRole("row", { name: /Wholesale/ })
      .getByRole("checkbox")
      .click()
    await button("Save").click()
    await dialog().getByText("Wholesale", { exact: true }).waitFor()
    await button("Continue").click()
    await settled()
    await dialog()
      .getByRole("row", { name: /Medusa Shorts/ })
      .getByRole("checkbox")
      .click()
    await button("Continue").click()
    await settled()
    await typePrice(seeded.shorts, "7.5")
    const { price_list } = await submit(() => button("Save").click(), /^\/admin\/price-lists$/)
    created = price_list.id
    await page().waitForURL(new RegExp(`/price-lists/${created}`))
    expect(await priceListOf(created)).toMatchObject({
      title: "Wholesale shorts",
      description: "Shorts for our partners",
      type: "sale",
      status: "active",
      rules: { "customer.groups.id": [ids.group] },
    })
    expect(await pricesOf(created)).toEqual([{ variant_id: seeded.shorts.variant, currency_code: "eur", amount: 7.5 }])
  })

  it("renames the list in the edit drawer", async () => {
    await expectPage(`/price-lists/${created}/edit`)
    await dialog().locator("input[name=title]").fill("Wholesale shorts, autumn")
    await submit(() => button("Save").click(), new RegExp(`^/admin/price-lists/${created}$`))
    await expect
      .poll(async () => {
        const { title, status } = await priceListOf(created)
        return { title, status }
      })
      .toEqual({ title: "Wholesale shorts, autumn", status: "active" })
    await expectListed("Wholesale shorts, autumn")
  })

  it("changes the variant's price in the prices grid", async () => {
    // The list's page links each of its products to the prices grid from the row's menu.
    await expectPage(`/price-lists/${created}`)
    await page()
      .getByRole("row", { name: /Medusa Shorts/ })
      .getByRole("button")
      .click()
    await page().getByRole("menuitem", { name: "Edit prices" }).click()
    await page().waitForURL(new RegExp(`/price-lists/${created}/products/edit\\?ids`))
    await settled()
    await typePrice(seeded.shorts, "8.25")
    await submit(() => button("Save").click(), new RegExp(`^/admin/price-lists/${created}/prices/batch$`))
    expect(await pricesOf(created)).toEqual([{ variant_id: seeded.shorts.variant, currency_code: "eur", amount: 8.25 }])
  })

  it("shows a guest the sale price beside the regular one, and not the group's", async () => {
    expect(await guestPriceOf(seeded.sweatpants)).toMatchObject({
      calculated_amount: 30,
      original_amount: 35,
      is_calculated_price_price_list: true,
      // Medusa names the winning price, and so its list, inside the calculated price.
      calculated_price: { price_list_id: ids.list, price_list_type: "sale" },
    })
    // The dashboard's list is for the Wholesale group only.
    expect(await guestPriceOf(seeded.shorts)).toMatchObject({
      calculated_amount: 25,
      original_amount: 25,
      is_calculated_price_price_list: false,
    })
  })
})
