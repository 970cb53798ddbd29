// POST /admin/orders/export through @medusajs/js-sdk (the dashboard's order list "Export" drawer):
// the orders GET /admin/orders would list, never drafts, a CSV row each, on a private link in the feed.
// This file's countries: au, ca (EUR), mx (KRW), om (no payment).
import { describe, expect, test } from "vitest"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { exportKind } from "./helpers/exports"
import { refusal, sdkAdminSession } from "./helpers/sdk-admin"
import { address, shopper } from "./helpers/shopper"

type Json = Record<string, any>
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = sdkAdminSession(`order-exports-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 10, countries: { euro: ["au", "ca"], won: "mx", noPayment: "om" } })
})

const HEADER = [
  "Order_ID",
  "Display_ID",
  "Order status",
  "Date",
  "Customer First name",
  "Customer Last name",
  "Customer Email",
  "Customer ID",
  "Shipping Address 1",
  "Shipping Address 2",
  "Shipping Country Code",
  "Shipping City",
  "Shipping Postal Code",
  "Shipping Region ID",
  "Fulfillment Status",
  "Payment Status",
  "Subtotal",
  "Shipping Total",
  "Discount Total",
  "Gift Card Total",
  "Refunded Total",
  "Tax Total",
  "Total",
  "Currency Code",
]

/** A checkout through the Store API, as a logged-in customer when `bearer` is given. */
async function placeOrder(
  region: string,
  country: string,
  lines: { variant_id: string; quantity: number }[],
  email: string,
  bearer: Record<string, string> = {},
) {
  const api = shopper(session.worker, fx.key, { region, country, shippingOption: fx.options.standard })
  const created = await api.post("/store/carts", { region_id: region, items: lines }, bearer)
  expect(created.status).toBe(200)
  const id = created.body.cart.id as string
  const where = { ...address(country), address_2: "Flat 2" }
  const updated = await api.post(
    `/store/carts/${id}`,
    { email, shipping_address: where, billing_address: where },
    bearer,
  )
  expect(updated.status).toBe(200)
  expect(
    (await api.post(`/store/carts/${id}/shipping-methods`, { option_id: fx.options.standard }, bearer)).status,
  ).toBe(200)
  const collection = await api.post("/store/payment-collections", { cart_id: id }, bearer)
  expect(collection.status).toBe(200)
  const sessionRes = await api.post(
    `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    bearer,
  )
  expect(sessionRes.status).toBe(200)
  const placed = await api.post(`/store/carts/${id}/complete`, undefined, bearer)
  expect([placed.body.type, placed.body.message]).toEqual(["order", undefined])
  return placed.body.order as Json
}

/** A registered customer with a name, logged in: the bearer header for their requests. */
async function registeredCustomer() {
  const email = `exporter-${run}@example.com`
  const auth = async (path: string) => {
    const res = await session.worker.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "secret-pw" }),
    })
    return ((await res.json()) as Json).token as string
  }
  const api = shopper(session.worker, fx.key, { region: fx.regions.euro, country: "au", shippingOption: "" })
  const registerToken = await auth("/auth/customer/emailpass/register")
  const created = await api.post(
    "/store/customers",
    { email, first_name: "Grace", last_name: "Hopper" },
    { authorization: `Bearer ${registerToken}` },
  )
  expect(created.status).toBe(200)
  return {
    customer: created.body.customer as Json,
    bearer: { authorization: `Bearer ${await auth("/auth/customer/emailpass")}` },
  }
}

const exportsOf = exportKind(() => session.admin, "Order export", "order-exports")
const exportNotices = exportsOf.notices
/** Runs an export with the filters; the CSV behind the new feed notification, and its link. */
const exportCsv = (filters: Json) => exportsOf.run(() => session.admin.admin.order.export(filters as any))

/** The row the export should write for an order, from what GET /admin/orders/:id reports. */
async function expectedRow(orderId: string) {
  const { order } = (await session.admin.admin.order.retrieve(orderId)) as Json
  const text = (value: unknown) => (value == null ? "" : String(value))
  return {
    Order_ID: order.id,
    Display_ID: String(order.display_id),
    "Order status": order.status,
    Date: order.created_at,
    "Customer First name": text(order.customer?.first_name),
    "Customer Last name": text(order.customer?.last_name),
    "Customer Email": text(order.customer?.email),
    "Customer ID": text(order.customer?.id),
    "Shipping Address 1": text(order.shipping_address?.address_1),
    "Shipping Address 2": text(order.shipping_address?.address_2),
    "Shipping Country Code": text(order.shipping_address?.country_code),
    "Shipping City": text(order.shipping_address?.city),
    "Shipping Postal Code": text(order.shipping_address?.postal_code),
    "Shipping Region ID": text(order.region_id),
    "Fulfillment Status": order.fulfillment_status,
    "Payment Status": order.payment_status,
    Subtotal: text(order.subtotal),
    "Shipping Total": text(order.shipping_total),
    "Discount Total": text(order.discount_total),
    "Gift Card Total": text(order.gift_card_total),
    "Refunded Total": text(order.summary.refunded_total),
    "Tax Total": text(order.tax_total),
    Total: text(order.total),
    "Currency Code": order.currency_code,
  } as Record<string, string>
}

describe("order CSV export through @medusajs/js-sdk", () => {
  let euroOrder: Json
  let wonOrder: Json
  let customer: Json

  test("exports the filtered orders (never drafts) to a private link on the feed, totals as the Admin API reports them", async () => {
    const shopperAccount = await registeredCustomer()
    customer = shopperAccount.customer
    euroOrder = await placeOrder(
      fx.regions.euro,
      "au",
      [{ variant_id: fx.variants.tee, quantity: 3 }],
      customer.email,
      shopperAccount.bearer,
    )
    wonOrder = await placeOrder(
      fx.regions.won,
      "mx",
      [{ variant_id: fx.variants.tee, quantity: 2 }],
      `guest-${run}@example.com`,
    )
    expect(euroOrder.customer_id).toBe(customer.id)

    // The euro order paid and partly refunded, so that its statuses and refunded total say something.
    const payment = euroOrder.payment_collections[0].payments[0].id as string
    await session.admin.admin.payment.capture(payment, {})
    await session.admin.admin.payment.refund(payment, { amount: 1.5 })

    // A draft in the same region: never exported.
    const { draft_order: draft } = (await session.admin.admin.draftOrder.create({
      email: `draft-${run}@example.com`,
      region_id: fx.regions.euro,
      sales_channel_id: fx.channel,
      items: [{ variant_id: fx.variants.tee, quantity: 1 }],
      shipping_methods: [{ shipping_option_id: fx.options.standard }],
      shipping_address: address("au"),
      billing_address: address("au"),
    } as any)) as Json
    expect(draft.id).toBeTruthy()

    // Both orders by id (the draft's id too: still not exported).
    const both = await exportCsv({ id: [euroOrder.id, wonOrder.id, draft.id] })
    expect(both.csv.split("\r\n")[0]).toBe(HEADER.join(","))
    expect(both.header).toEqual(HEADER)
    expect(both.rows).toHaveLength(2)
    // Oldest first.
    expect(both.rows.map((row) => row.Order_ID)).toEqual([euroOrder.id, wonOrder.id])
    expect(both.rows[0]).toEqual(await expectedRow(euroOrder.id))
    expect(both.rows[1]).toEqual(await expectedRow(wonOrder.id))

    const [euroRow, wonRow] = both.rows as [Record<string, string>, Record<string, string>]
    expect(euroRow).toMatchObject({
      "Customer First name": "Grace",
      "Customer Last name": "Hopper",
      "Customer Email": `exporter-${run}@example.com`,
      "Customer ID": customer.id,
      "Shipping Address 1": "Street 1",
      "Shipping Address 2": "Flat 2",
      "Shipping Country Code": "au",
      "Shipping City": "City",
      "Shipping Postal Code": "1010",
      "Shipping Region ID": fx.regions.euro,
      "Order status": "pending",
      "Fulfillment Status": "not_fulfilled",
      "Payment Status": "partially_refunded",
      "Refunded Total": "1.5",
      "Gift Card Total": "0",
      "Currency Code": "eur",
    })
    // 3 × 9.99 + 4.90, 20 % tax (added on top in this region, or already in the price): cents exact.
    const { order: euroAdmin } = (await session.admin.admin.order.retrieve(euroOrder.id)) as Json
    expect(euroRow.Total).toBe(String(euroAdmin.total))
    expect(euroRow.Subtotal).toBe(String(euroAdmin.subtotal))
    expect(euroRow["Tax Total"]).toBe(String(euroAdmin.tax_total))
    expect(euroRow["Shipping Total"]).toBe(String(euroAdmin.shipping_total))
    expect(Number(euroRow.Total)).toBeGreaterThanOrEqual(34.87)
    expect(euroRow.Date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
    expect(wonRow).toMatchObject({
      "Customer First name": "",
      "Shipping Region ID": fx.regions.won,
      "Payment Status": "authorized",
      "Refunded Total": "0",
      "Currency Code": "krw",
    })

    // By region: only the euro order (the region's draft is not an order to export).
    const euro = await exportCsv({ region_id: fx.regions.euro })
    expect(euro.rows.map((row) => row.Order_ID)).toEqual([euroOrder.id])
    // By customer, and by a range of dates with the filters combined.
    const byCustomer = await exportCsv({ customer_id: [customer.id] })
    expect(byCustomer.rows.map((row) => row.Order_ID)).toEqual([euroOrder.id])
    const ranged = await exportCsv({
      region_id: [fx.regions.euro, fx.regions.won],
      created_at: { $gte: euroOrder.created_at },
      order: "-created_at",
    })
    expect(ranged.rows.map((row) => row.Order_ID)).toEqual([wonOrder.id, euroOrder.id])
    // Nothing matching: the header alone.
    const none = await exportCsv({ region_id: fx.regions.noPayment })
    expect(none.rows).toEqual([])
    expect(none.header).toEqual(HEADER)

    // The link is the authorization: without its token, or with another, the file is not there.
    const bare = both.url.split("?")[0]!
    expect((await fetch(bare)).status).toBe(404)
    expect((await fetch(`${bare}?token=${both.url.split("token=")[1]!.slice(0, -2)}xx`)).status).toBe(404)
  })

  test("a query the order list would refuse is a 400, and nothing is exported", async () => {
    const before = (await exportNotices()).length
    for (const query of [
      { created_at: { $foo: "1" } },
      { created_at: { $gte: "not-a-date" } },
      { order: "email" },
      { updated_at: "yesterday" },
    ]) {
      const refused = await refusal(session.admin.admin.order.export(query as any))
      expect([JSON.stringify(query), refused.status]).toEqual([JSON.stringify(query), 400])
    }
    expect((await exportNotices()).length).toBe(before)
  })

  test("the export needs an admin", async () => {
    const res = await fetch(`${session.worker.url}/admin/orders/export`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    })
    expect(res.status).toBe(401)
  })
})
