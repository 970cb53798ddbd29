// The dashboard's order page draws and performs order changes: a return requested and received.
import { describe, it } from "vitest"
import { placeGuestOrder } from "./guest-order"
import { type Json, useDashboard } from "./harness"

const world = useDashboard(async ({ stack, ids, admin }) => {
  const order = await placeGuestOrder(stack, "lin@example.com")
  ids.order = order.id
  await admin(`/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, { method: "POST", body: "{}" })
  const { stock_locations } = await admin("/admin/stock-locations?limit=1")
  ids.location = stock_locations[0].id
  await admin(`/admin/orders/${order.id}/fulfillments`, {
    method: "POST",
    body: JSON.stringify({
      items: order.items.map((item: Json) => ({ id: item.id, quantity: item.quantity })),
      location_id: ids.location,
    }),
  })
  // A way back: a return shipping option in the zone the order shipped from.
  const { shipping_option } = await admin(`/admin/shipping-options/${order.shipping_methods[0].shipping_option_id}`)
  await admin("/admin/shipping-options", {
    method: "POST",
    body: JSON.stringify({
      name: "Return by post",
      service_zone_id: shipping_option.service_zone_id,
      shipping_profile_id: shipping_option.shipping_profile_id,
      provider_id: shipping_option.provider_id,
      price_type: "flat",
      type: { label: "Return", description: "Return by post", code: "return-post" },
      prices: [{ currency_code: order.currency_code, amount: 4 }],
      rules: [
        { attribute: "is_return", operator: "eq", value: "true" },
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
      ],
    }),
  })
})

const log: string[] = []

describe("the dashboard's order changes", () => {
  it("requests a return of one unit from the order page, then receives it", async () => {
    const { dashboard, expectPage, submit } = world
    const page = dashboard.page
    page.on("request", (r) => {
      if (r.url().includes("/admin/") && r.method() !== "GET")
        log.push(`${r.method()} ${new URL(r.url()).pathname} ${r.postData() ?? ""}`)
    })
    await expectPage("/orders/:order")
    await expectPage("/orders/:order/returns")
    await dashboard.shoot("return-1-open")
    await page.getByText("Add items", { exact: true }).click()
    await page.waitForTimeout(500)
    await dashboard.shoot("return-2-modal")
    await page.getByRole("checkbox").nth(1).click()
    await submit(() => page.getByRole("button", { name: "Save", exact: true }).click(), /\/request-items$/)
    await dashboard.shoot("return-3-items")
    console.log(log.join("\n"))
  })
})
