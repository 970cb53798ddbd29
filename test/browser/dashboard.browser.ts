// Medusa's admin dashboard (@medusajs/dashboard, unmodified) at /app of `npm run dev`, in Debian's chromium:
// every page a shop owner uses renders without a page error and without an API answer >= 400.
import { describe, expect, it } from "vitest"
import { placeGuestOrder } from "./guest-order"
import { useDashboard } from "./harness"

const world = useDashboard(async ({ stack, firstId, admin, ids }) => {
  ids.order = (await placeGuestOrder(stack, "grace@example.com")).id
  ids.secondOrder = (await placeGuestOrder(stack, "grace@example.com")).id
  ids.product = await firstId("/admin/products?limit=1&order=title", "products")
  ids.region = await firstId("/admin/regions?limit=1", "regions")
  ids.location = await firstId("/admin/stock-locations?limit=1", "stock_locations")
  ids.channel = await firstId("/admin/sales-channels?limit=1", "sales_channels")
  ids.inventory = await firstId("/admin/inventory-items?limit=1", "inventory_items")
  ids.category = await firstId("/admin/product-categories?limit=1", "product_categories")
  ids.collection = await firstId("/admin/collections?limit=1", "collections")
  ids.publishableKey = await firstId("/admin/api-keys?type=publishable&limit=1", "api_keys")
  ids.taxRegion = await firstId("/admin/tax-regions?limit=1", "tax_regions")
  ids.user = await firstId("/admin/users?limit=1", "users")
  ids.customer = await firstId("/admin/customers?limit=1", "customers")
  // The seed has no customer group: one for its detail page.
  const { customer_group } = await admin("/admin/customer-groups", {
    method: "POST",
    body: JSON.stringify({ name: "Wholesale" }),
  })
  ids.group = customer_group.id
})
// `world.stack` and `world.dashboard` are set by the hooks, so they are read in the tests, not here.
const { ids, admin, expectPage, settled } = world

const PAGES = [
  "/orders",
  "/orders/:order",
  "/products",
  "/products/:product",
  "/products/:product/edit",
  "/products/:product/organization",
  "/products/:product/sales-channels",
  "/products/:product/attributes",
  "/products/:product/media",
  "/products/create",
  "/categories",
  "/categories/:category",
  "/collections",
  "/collections/:collection",
  "/inventory",
  "/inventory/:inventory",
  "/customers",
  "/customers/:customer",
  "/settings/store",
  "/settings/regions",
  "/settings/regions/:region",
  "/settings/users",
  "/settings/users/:user",
  "/settings/profile",
  "/settings/sales-channels",
  "/settings/sales-channels/:channel",
  "/settings/locations",
  "/settings/locations/:location",
  "/settings/publishable-api-keys",
  "/settings/publishable-api-keys/:publishableKey",
  "/settings/secret-api-keys",
  "/settings/tax-regions",
  "/settings/tax-regions/:taxRegion",
  "/promotions",
  "/promotions/create",
  "/campaigns",
  "/campaigns/create",
  "/customer-groups",
  "/customer-groups/create",
  "/customer-groups/:group",
]

describe("the dashboard's pages", () => {
  for (const path of PAGES) it(`draws ${path}`, () => expectPage(path))
})

describe("the dashboard's actions", () => {
  it("renames a product from its edit form, and the API shows the new title", async () => {
    await expectPage("/products/:product/edit")
    const title = world.dashboard.page.locator("input[name=title]")
    await title.fill("Medusa Shorts, renamed")
    await world.dashboard.page.getByRole("button", { name: "Save" }).click()
    await world.dashboard.page.waitForLoadState("networkidle")
    expect(world.dashboard.take()).toEqual([])
    await expect
      .poll(async () => (await admin(`/admin/products/${ids.product}`)).product.title)
      .toBe("Medusa Shorts, renamed")
  })

  it("shows the guest's order with its customer, and the guest in the customers list", async () => {
    await expectPage("/orders/:order")
    await world.dashboard.page.getByText("grace@example.com").first().waitFor({ timeout: 20_000 })
    await expectPage("/customers")
    await world.dashboard.page.getByText("grace@example.com").first().waitFor({ timeout: 20_000 })
    expect(world.dashboard.take()).toEqual([])
  })

  it("captures, fulfils, ships, delivers and refunds an order; cancels another", async () => {
    const page = world.dashboard.page
    const order = async (id = ids.order) =>
      (await admin(`/admin/orders/${id}?fields=+payment_status,+fulfillment_status,*payment_collections.payments`))
        .order

    await expectPage("/orders/:order")
    await page
      .getByRole("button", { name: /capture/i })
      .first()
      .click()
    await page
      .getByRole("button", { name: /^(capture|confirm|continue)/i })
      .last()
      .click()
    await settled()
    await expect.poll(async () => (await order()).payment_status).toBe("captured")

    await expectPage("/orders/:order/fulfillment?requires_shipping=true")
    await page
      .getByRole("button", { name: /create fulfillment/i })
      .last()
      .click()
    await settled()
    await expect.poll(async () => (await order()).fulfillment_status).toBe("fulfilled")

    await expectPage("/orders/:order")
    await page
      .getByRole("button", { name: /mark as shipped/i })
      .first()
      .click()
    await page
      .getByRole("button", { name: /^save$/i })
      .last()
      .click()
    await settled()
    await expect.poll(async () => (await order()).fulfillment_status).toBe("shipped")

    await expectPage("/orders/:order")
    await page
      .getByRole("button", { name: /mark as delivered/i })
      .first()
      .click()
    await page
      .getByRole("button", { name: /^(continue|confirm|mark as delivered)/i })
      .last()
      .click()
    await settled()
    await expect.poll(async () => (await order()).fulfillment_status).toBe("delivered")

    const payment = (await order()).payment_collections[0].payments[0]
    await expectPage(`/orders/:order/refund?paymentId=${payment.id}`)
    await page.locator("input[name=amount]").fill("1")
    await page
      .getByRole("button", { name: /^(save|refund)/i })
      .last()
      .click()
    await settled()
    await expect.poll(async () => (await order()).payment_status).toBe("partially_refunded")

    await expectPage("/orders/:secondOrder")
    await page.getByRole("main").locator("button[aria-haspopup=menu]").first().click()
    await page.getByRole("menuitem", { name: /cancel/i }).click()
    await page
      .getByRole("button", { name: /^(continue|confirm|cancel order)/i })
      .last()
      .click()
    await settled()
    await expect.poll(async () => (await order(ids.secondOrder)).status).toBe("canceled")
  })

  it("logs out", async () => {
    await expectPage("/orders")
    await world.dashboard.page.getByText(world.stack.admin.email).first().click()
    const before = world.dashboard.take()
    await world.dashboard.page.getByRole("menuitem", { name: /log out/i }).click()
    await world.dashboard.page.waitForURL(/\/app\/login/)
    expect(before).toEqual([])
    // Polls still in flight as the session ends (notifications, layouts) rightly get 401: nothing else may fail.
    expect(world.dashboard.take().filter((problem) => !/^401 GET \/admin\//.test(problem))).toEqual([])
    const me = await world.dashboard.page.request.get(`${world.stack.url}/admin/users/me`)
    expect(me.status()).toBe(401)
  })
})
