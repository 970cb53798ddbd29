// What the admin dashboard's order and customer pages read and do: the order preview, the order's
// relations, guest customers made at completion, and the lists the pages need (returns, claims,
// exchanges, order changes, refund reasons, customer groups), as Medusa 2.21 answers them.
import { describe, expect, test } from "vitest"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { adminSession } from "./helpers/admin"
import { address, shopper } from "./helpers/shopper"

type Json = Record<string, any>
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = adminSession(`dashboard-orders-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 5, countries: { euro: ["th", "my"], won: "ph", noPayment: "sg" } })
})
const asAdmin = session.call

// The dashboard's order detail `fields` (routes/orders/order-detail/constants.ts), verbatim.
const DETAIL_FIELDS = [
  "id,status,created_at,canceled_at,email,display_id,custom_display_id,currency_code,metadata,total,credit_line_total,item_subtotal",
  "item_total,item_tax_total,original_item_tax_total,item_discount_total,shipping_subtotal,original_total,original_tax_total,subtotal",
  "discount_total,discount_subtotal,shipping_total,shipping_tax_total,original_shipping_tax_total,shipping_discount_total,tax_total",
  "refundable_total,order_change,*customer,*items,*items.variant,*items.variant.product,*items.variant.options,+items.variant.manage_inventory",
  "*items.variant.inventory_items.inventory,+items.variant.inventory_items.required_quantity,+summary,*shipping_address,*billing_address",
  "*sales_channel,*promotions,*shipping_methods,*credit_lines,*fulfillments,+fulfillments.shipping_option.service_zone.fulfillment_set.type",
  "*fulfillments.items,*fulfillments.labels,*fulfillments.labels,*payment_collections,*payment_collections.payment_sessions",
  "*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.refunds.refund_reason,region.automatic_taxes",
].join(",")

/** A shopper's checkout without logging in, with this email. */
async function guestOrder(email: string, quantity = 1) {
  const api = shopper(session.worker, fx.key, {
    region: fx.regions.euro,
    country: "th",
    shippingOption: fx.options.standard,
  })
  const cartId = await readyCart(api, { email }, quantity)
  const completed = await api.post(`/store/carts/${cartId}/complete`)
  expect(completed.body.type).toBe("order")
  return { order: completed.body.order as Json, cartId, api }
}

async function readyCart(
  api: ReturnType<typeof shopper>,
  details: { email: string },
  quantity: number,
  headers: Record<string, string> = {},
) {
  const created = await api.post(
    "/store/carts",
    { region_id: fx.regions.euro, items: [{ variant_id: fx.variants.tee, quantity }] },
    headers,
  )
  expect(created.status).toBe(200)
  const cartId = created.body.cart.id as string
  expect(
    (
      await api.post(
        `/store/carts/${cartId}`,
        { ...details, shipping_address: address("th"), billing_address: address("th") },
        headers,
      )
    ).status,
  ).toBe(200)
  expect(
    (await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: fx.options.standard }, headers)).status,
  ).toBe(200)
  const collection = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  expect(collection.status).toBe(200)
  const session = await api.post(
    `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers,
  )
  expect(session.status).toBe(200)
  return cartId
}

describe("the dashboard's order pages", () => {
  test("order detail: region, sales channel and customer are there, promotions and credit lines are empty lists", async () => {
    const { order } = await guestOrder(`detail-${run}@example.com`)
    const detail = await asAdmin("GET", `/admin/orders/${order.id}?fields=${encodeURIComponent(DETAIL_FIELDS)}`)
    expect(detail.status).toBe(200)
    const o = detail.body.order
    expect(o).toMatchObject({
      id: order.id,
      payment_status: "authorized",
      fulfillment_status: "not_fulfilled",
      sales_channel: { id: fx.channel },
      region: { id: fx.regions.euro, automatic_taxes: true },
      customer: { id: order.customer_id, email: `detail-${run}@example.com`, has_account: false },
      promotions: [],
      credit_lines: [],
      credit_line_total: 0,
      order_change: null,
      summary: { paid_total: 0, pending_difference: order.total },
    })
    expect(o.items[0].variant.product.id).toBeTruthy()
    // The fulfillment form matches the product's shipping profile with the shipping option's.
    const form = await asAdmin(
      "GET",
      `/admin/orders/${order.id}?fields=currency_code,*items,*items.variant,+items.variant.product.shipping_profile.id,*shipping_address,+shipping_methods.shipping_option_id,no_notification`,
    )
    expect(form.body.order.items[0].variant.product.shipping_profile).toEqual({ id: fx.profile })
    expect(form.body.order.shipping_methods).toEqual([
      { id: expect.any(String), shipping_option_id: fx.options.standard },
    ])
    expect(form.body.order).toMatchObject({
      no_notification: false,
      payment_status: "authorized",
      fulfillment_status: "not_fulfilled",
    })
  })

  test("payment_status and fulfillment_status come whatever `fields` asks for, in the list too", async () => {
    const { order } = await guestOrder(`status-${run}@example.com`)
    const one = await asAdmin("GET", `/admin/orders/${order.id}?fields=id,total`)
    expect(one.body.order).toEqual({
      id: order.id,
      total: order.total,
      payment_status: "authorized",
      fulfillment_status: "not_fulfilled",
    })
    const list = await asAdmin("GET", `/admin/orders?id=${order.id}&fields=id`)
    expect(list.body.orders).toEqual([
      { id: order.id, payment_status: "authorized", fulfillment_status: "not_fulfilled" },
    ])
  })

  test("GET /admin/orders/:id/preview: with no change in progress, the order itself in the preview's shape", async () => {
    const { order } = await guestOrder(`preview-${run}@example.com`, 2)
    const preview = await asAdmin("GET", `/admin/orders/${order.id}/preview`)
    expect(preview.status).toBe(200)
    expect(preview.body.order).toMatchObject({
      id: order.id,
      version: 1,
      order_change: null,
      email: `preview-${run}@example.com`,
      total: order.total,
      summary: { current_order_total: order.total, pending_difference: order.total },
      credit_lines: [],
      items: [
        {
          id: order.items[0].id,
          quantity: 2,
          detail: { quantity: 2, fulfilled_quantity: 0, shipped_quantity: 0, return_requested_quantity: 0 },
        },
      ],
      shipping_methods: [{ shipping_option_id: fx.options.standard }],
    })
    expect((await asAdmin("GET", `/admin/orders/order_missing_${run}/preview`)).status).toBe(404)
  })

  test("the order's changes, returns, claims and exchanges: empty lists (none can be made here)", async () => {
    const { order } = await guestOrder(`changes-${run}@example.com`)
    const changes = await asAdmin("GET", `/admin/orders/${order.id}/changes?change_type[0]=edit&change_type[1]=return`)
    expect(changes).toEqual({ status: 200, body: { order_changes: [] } })
    expect((await asAdmin("GET", `/admin/orders/order_missing_${run}/changes`)).status).toBe(404)
    expect(
      (await asAdmin("GET", `/admin/returns?order_id=${order.id}&status=requested&fields=+received_at`)).body,
    ).toEqual({ returns: [], count: 0, offset: 0, limit: 20 })
    expect((await asAdmin("GET", `/admin/claims?order_id=${order.id}&fields=*additional_items`)).body).toEqual({
      claims: [],
      count: 0,
      offset: 0,
      limit: 20,
    })
    expect((await asAdmin("GET", `/admin/exchanges?order_id=${order.id}&fields=*additional_items`)).body).toEqual({
      exchanges: [],
      count: 0,
      offset: 0,
      limit: 20,
    })
    // Refund reasons are the store's own (another test file makes some): the list's shape, not its content.
    const reasons = (await asAdmin("GET", "/admin/refund-reasons")).body
    expect(reasons).toMatchObject({
      refund_reasons: expect.any(Array),
      count: expect.any(Number),
      offset: 0,
      limit: 20,
    })
    expect(reasons.refund_reasons).toHaveLength(Math.min(reasons.count, 20))
    expect((await asAdmin("GET", `/admin/returns/ret_missing`)).status).toBe(404)
    expect((await asAdmin("GET", "/admin/returns", undefined, "")).status).toBe(401)
  })

  test("the dashboard's order actions: fulfill (with its shipping option), ship (labels sent back whole), deliver, capture, refund, cancel", async () => {
    const { order } = await guestOrder(`actions-${run}@example.com`, 2)
    const line = order.items[0].id
    // The shipping option the form reads its location from.
    const option = await asAdmin(
      "GET",
      `/admin/shipping-options/${fx.options.standard}?fields=+service_zone.fulfillment_set.location.id`,
    )
    expect(option.body.shipping_option.service_zone.fulfillment_set.location).toMatchObject({ id: fx.location })

    const fulfilled = await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, {
      location_id: fx.location,
      shipping_option_id: fx.options.standard,
      no_notification: false,
      items: [{ id: line, quantity: 2 }],
    })
    expect(fulfilled.status).toBe(200)
    expect(fulfilled.body.order.fulfillment_status).toBe("fulfilled")
    const fulfillment = fulfilled.body.order.fulfillments[0]
    expect(fulfillment).toMatchObject({
      location_id: fx.location,
      requires_shipping: true,
      shipped_at: null,
      labels: [],
    })
    expect(fulfillment.items).toEqual([
      expect.objectContaining({
        line_item_id: line,
        quantity: 2,
        title: order.items[0].title,
        sku: order.items[0].variant_sku,
      }),
    ])

    const label = { tracking_number: "TRACK-1", tracking_url: "https://track.example/1", label_url: "#" }
    const shipped = await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${fulfillment.id}/shipments`, {
      items: [{ id: line, quantity: 2 }],
      labels: [label],
      no_notification: false,
    })
    expect(shipped.status).toBe(200)
    expect(shipped.body.order.fulfillment_status).toBe("shipped")
    const delivered = await asAdmin(
      "POST",
      `/admin/orders/${order.id}/fulfillments/${fulfillment.id}/mark-as-delivered`,
      { no_notification: false },
    )
    expect(delivered.body.order.fulfillment_status).toBe("delivered")

    const payment = delivered.body.order.payment_collections[0].payments[0]
    expect((await asAdmin("POST", `/admin/payments/${payment.id}/capture`, { amount: order.total })).status).toBe(200)
    const refunded = await asAdmin("POST", `/admin/payments/${payment.id}/refund`, { amount: 1 })
    expect(refunded.status).toBe(200)
    const after = (await asAdmin("GET", `/admin/orders/${order.id}?fields=${encodeURIComponent(DETAIL_FIELDS)}`)).body
      .order
    expect(after).toMatchObject({ payment_status: "partially_refunded", fulfillment_status: "delivered" })
    expect(after.fulfillments[0].labels).toEqual([expect.objectContaining(label)])

    const other = (await guestOrder(`actions-${run}@example.com`)).order
    const canceled = await asAdmin("POST", `/admin/orders/${other.id}/cancel`)
    expect(canceled.body.order).toMatchObject({ status: "canceled", payment_status: "canceled" })
  })

  test("order list filters: sales channel, region, customer", async () => {
    const { order } = await guestOrder(`filters-${run}@example.com`)
    const ids = async (query: string) =>
      (await asAdmin("GET", `/admin/orders?${query}&fields=id&limit=100`)).body.orders.map((o: Json) => o.id)
    expect(await ids(`sales_channel_id[]=${fx.channel}`)).toContain(order.id)
    expect(await ids(`sales_channel_id[]=sc_none_${run}`)).toEqual([])
    expect(await ids(`region_id[]=${fx.regions.euro}`)).toContain(order.id)
    const customerId = (await asAdmin("GET", `/admin/orders/${order.id}?fields=customer_id`)).body.order.customer_id
    expect(await ids(`customer_id=${customerId}`)).toEqual([order.id])
    expect(await ids(`q=filters-${run}`)).toEqual([order.id])
  })
})

describe("guest customers from checkout", () => {
  test("two guest orders with one email make one guest customer; the orders point at it", async () => {
    const email = `Guest-${run}@Example.com`
    const first = await guestOrder(email)
    const second = await guestOrder(email.toLowerCase())
    const found = await asAdmin("GET", `/admin/customers?email=${encodeURIComponent(email.toLowerCase())}`)
    expect(found.body.count).toBe(1)
    const customer = found.body.customers[0]
    expect(customer).toMatchObject({ email: email.toLowerCase(), has_account: false })
    expect(first.order.customer_id).toBe(customer.id)
    expect(second.order.customer_id).toBe(customer.id)
    const orders = await asAdmin("GET", `/admin/orders?customer_id=${customer.id}&fields=id,customer_id,*customer`)
    expect(orders.body.count).toBe(2)
    expect(orders.body.orders.map((o: Json) => o.customer.id)).toEqual([customer.id, customer.id])
    // The customer detail page: the customer with addresses, and its (not yet existing) groups.
    expect((await asAdmin("GET", `/admin/customers/${customer.id}?fields=+*addresses`)).body.customer).toMatchObject({
      id: customer.id,
      addresses: [],
    })
    const groups = await asAdmin(
      "GET",
      `/admin/customer-groups?limit=10&offset=0&fields=+customers.id&customers[id]=${customer.id}`,
    )
    expect(groups).toEqual({ status: 200, body: { customer_groups: [], count: 0, offset: 0, limit: 10 } })
    const allGroups = await asAdmin("GET", "/admin/customer-groups?limit=1000")
    expect(allGroups.body).toMatchObject({ offset: 0, limit: 1000 })
    expect(allGroups.body.customer_groups).toHaveLength(allGroups.body.count)
    // customer.created was written for the new guest, once.
    const events = await session.db.query(
      `select count(*)::int as n from event_outbox where name = 'customer.created' and data->>'id' = $1`,
      [customer.id],
    )
    expect(events.rows[0].n).toBe(1)
    // The guest still reads its order and its completed cart by id.
    expect((await first.api.call("GET", `/store/orders/${first.order.id}`)).status).toBe(200)
    expect((await first.api.post(`/store/carts/${first.cartId}/complete`)).body).toMatchObject({
      type: "order",
      order: { id: first.order.id },
    })
  })

  test("a registered customer with the email is a different customer; their own order stays theirs", async () => {
    const email = `registered-${run}@example.com`
    const api = shopper(session.worker, fx.key, {
      region: fx.regions.euro,
      country: "th",
      shippingOption: fx.options.standard,
    })
    const registration = await session.worker.fetch("/auth/customer/emailpass/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "secret-pw" }),
    })
    const registerToken = ((await registration.json()) as Json).token
    const created = await api.post("/store/customers", { email }, { authorization: `Bearer ${registerToken}` })
    expect(created.status).toBe(200)
    const registered = created.body.customer
    const guest = await guestOrder(email)
    expect(guest.order.customer_id).not.toBe(registered.id)
    const customers = (await asAdmin("GET", `/admin/customers?email=${email}`)).body.customers
    expect(customers.map((c: Json) => [c.id, c.has_account]).sort()).toEqual(
      [
        [registered.id, true],
        [guest.order.customer_id, false],
      ].sort(),
    )
    // Someone holding a registered customer's order id without their login does not see it.
    const login = await session.worker.fetch("/auth/customer/emailpass", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "secret-pw" }),
    })
    const token = ((await login.json()) as Json).token
    const bearer = { authorization: `Bearer ${token}` }
    const cartId = await readyCart(api, { email }, 1, bearer)
    const own = await api.post(`/store/carts/${cartId}/complete`, undefined, bearer)
    expect(own.body.order.customer_id).toBe(registered.id)
    expect((await api.call("GET", `/store/orders/${own.body.order.id}`)).status).toBe(404)
    expect((await api.call("GET", `/store/orders/${own.body.order.id}`, undefined, bearer)).status).toBe(200)
  })

  test("the customers list counts guests made at checkout", async () => {
    const before = (await asAdmin("GET", "/admin/customers?has_account=false&limit=1")).body.count
    await guestOrder(`count-a-${run}@example.com`)
    await guestOrder(`count-b-${run}@example.com`)
    await guestOrder(`count-a-${run}@example.com`)
    expect((await asAdmin("GET", "/admin/customers?has_account=false&limit=1")).body.count).toBe(before + 2)
  })

  test("the customers list page's filters and sorts: groups (none exist yet), dates, has_account", async () => {
    const { order } = await guestOrder(`list-${run}@example.com`)
    const list = async (query: string) => {
      const res = await asAdmin("GET", `/admin/customers?limit=100&${query}`)
      expect(res.status).toBe(200)
      return res.body.customers.map((c: Json) => c.id) as string[]
    }
    expect(await list(`q=list-${run}&order=has_account`)).toEqual([order.customer_id])
    expect(await list(`q=list-${run}&order=-email&has_account=false`)).toEqual([order.customer_id])
    expect(await list(`q=list-${run}&groups[0]=cusgroup_any`)).toEqual([])
    expect(await list(`q=list-${run}&created_at[$gte]=2020-01-01`)).toEqual([order.customer_id])
    expect(await list(`q=list-${run}&created_at[$lt]=2020-01-01`)).toEqual([])
  })
})
