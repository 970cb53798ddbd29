import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { freePort } from "../scripts/lib/ports"
import { adminToken } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { startQStashStandIn, type QStashStandIn } from "./helpers/qstash"
import { startResendStandIn, type ResendStandIn } from "./helpers/resend"
import { shopper } from "./helpers/shopper"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

const FROM = "Shop <shop@example.com>"
const run = Date.now().toString(36)
const email = (who: string) => `notify-${who}-${run}@example.com`

let fx: CheckoutFixture
let qstash: QStashStandIn
let resend: ResendStandIn
let worker: TestWorker
let publicUrl: string
let db: pg.Client
let token: string
let firstOrderId: string
const orderIds: string[] = []

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 10, countries: { euro: ["kz", "uz"], won: "kg", noPayment: "tj" } })
  // Slow enough retries that a test can see a failed attempt before the next one.
  qstash = await startQStashStandIn({ retryDelayMs: 300 })
  resend = await startResendStandIn()
  const port = await freePort()
  publicUrl = `http://127.0.0.1:${port}`
  worker = await startWorker(
    {
      QSTASH_TOKEN: qstash.token,
      QSTASH_URL: qstash.url,
      QSTASH_CURRENT_SIGNING_KEY: qstash.currentSigningKey,
      QSTASH_NEXT_SIGNING_KEY: qstash.nextSigningKey,
      PUBLIC_URL: publicUrl,
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: resend.url,
      NOTIFICATION_FROM: FROM,
    },
    { port },
  )
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  token = await adminToken(worker, email("admin"))
}, 120_000)
afterAll(async () => {
  await worker?.dispose()
  await qstash?.stop()
  await resend?.stop()
  await db?.end()
})

async function call(method: string, path: string, body?: unknown, auth: string | undefined = token) {
  const res = await worker.fetch(path, {
    method,
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json }
}

async function placeOrder(): Promise<string> {
  const api = shopper(worker, fx.key, { region: fx.regions.euro, country: "kz", shippingOption: fx.options.standard })
  const cart = await api.readyCart([
    { variant_id: fx.variants.tee, quantity: 2 },
    { variant_id: fx.variants.unmanaged, quantity: 1 },
  ])
  const completed = await api.post(`/store/carts/${cart}/complete`)
  expect(completed.body.type).toBe("order")
  orderIds.push(completed.body.order.id)
  return completed.body.order.id
}

const rowsWhere = async (where: string, params: unknown[]) =>
  (await db.query(`select * from notification where ${where} order by created_at`, params)).rows as Json[]

const settledRows = async (where: string, params: unknown[], count = 1) => {
  await expect
    .poll(async () => (await rowsWhere(where, params)).filter((row) => row.status === "success").length, {
      timeout: 15_000,
      interval: 100,
    })
    .toBe(count)
  await qstash.idle()
  return rowsWhere(where, params)
}

const sentWithKey = (key: string) => resend.sent.filter((mail) => mail.idempotencyKey === key)

/** Publishes an event through the QStash stand-in to one subscriber, as the Worker's publisher does. */
async function publish(subscriber: string, event: { id: string; name: string; data: Json }) {
  const res = await fetch(
    `${qstash.url}/v2/publish/${encodeURIComponent(`${publicUrl}/hooks/subscribers/${subscriber}`)}`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${qstash.token}`, "content-type": "application/json" },
      body: JSON.stringify(event),
    },
  )
  expect(res.status).toBe(200)
}

describe("the order confirmation", () => {
  let orderId: string

  test("an order placed sends one order-placed mail through Resend, with the order's exact totals", async () => {
    orderId = await placeOrder()
    firstOrderId = orderId
    const [found, ...others] = await settledRows("resource_id = $1 and template = 'order-placed'", [orderId])
    expect(others).toEqual([])
    const row = found!
    const { rows: orders } = await db.query(
      'select display_id, email, currency_code, totals from "order" where id = $1',
      [orderId],
    )
    const order = orders[0]
    const { rows: lines } = await db.query(
      "select title, quantity, totals from order_line_item where order_id = $1 order by id",
      [orderId],
    )
    expect(row).toMatchObject({
      to: order.email,
      channel: "email",
      template: "order-placed",
      trigger_type: "order.placed",
      resource_type: "order",
      resource_id: orderId,
      provider_id: "resend",
      status: "success",
      idempotency_key: `order-placed:${orderId}`,
    })
    expect(row.data).toMatchObject({
      display_id: order.display_id,
      currency_code: order.currency_code,
      total: order.totals.total,
      subtotal: order.totals.subtotal,
      tax_total: order.totals.tax_total,
      shipping_total: order.totals.shipping_total,
      items: lines.map((line) => ({
        title: line.title,
        quantity: line.quantity,
        total: line.totals.total,
        subtotal: line.totals.subtotal,
        unit_price: line.totals.unit_price,
      })),
    })
    // Exact decimal strings, never rounded numbers.
    expect(typeof row.data.total).toBe("string")
    const [mail, ...again] = sentWithKey(`order-placed:${orderId}`)
    expect(again).toEqual([])
    expect(mail).toMatchObject({ id: row.external_id, from: FROM, to: [order.email] })
    expect(mail!.subject).toBe(`Order #${order.display_id} confirmed`)
    expect(mail!.text).toContain(`Total: ${order.totals.total} ${order.currency_code.toUpperCase()}`)
    expect(row.content).toEqual({ subject: mail!.subject, text: mail!.text, html: mail!.html })
    const request = resend.requests.find((r) => r.idempotencyKey === `order-placed:${orderId}`)!
    expect(request.authorization).toBe(`Bearer ${resend.apiKey}`)
  })

  test("redeliveries, in parallel and as new events of the same order, send nothing more", async () => {
    const original = qstash.deliveries.find(
      (d) => d.destination.endsWith("/hooks/subscribers/notification-order-placed") && d.body.includes(orderId),
    )!
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(original.destination, {
          method: "POST",
          headers: { "content-type": "application/json", "upstash-signature": original.signature },
          body: original.body,
        }).then((res) => res.status),
      ),
    )
    expect(again).toEqual([200, 200, 200])
    // Other events naming the same order (as a replayed outbox would) reach the handler itself.
    await Promise.all(
      [1, 2, 3].map((i) =>
        publish("notification-order-placed", {
          id: `evt_again_${run}_${i}`,
          name: "order.placed",
          data: { id: orderId },
        }),
      ),
    )
    await qstash.idle()
    const { rows } = await db.query(
      "select status from event_delivery where subscriber_id = 'notification-order-placed' and event_id like $1",
      [`evt_again_${run}_%`],
    )
    expect(rows).toEqual([{ status: "completed" }, { status: "completed" }, { status: "completed" }])
    expect(await rowsWhere("resource_id = $1 and template = 'order-placed'", [orderId])).toHaveLength(1)
    expect(sentWithKey(`order-placed:${orderId}`)).toHaveLength(1)
  })

  test("a send that died while pending is retried with the same Idempotency-Key, so Resend sends it once", async () => {
    const key = `order-placed:${orderId}`
    const [before] = await rowsWhere("idempotency_key = $1", [key])
    // As a Worker killed between its call to Resend and storing the answer leaves it.
    await db.query(
      "update notification set status = 'pending', external_id = null, updated_at = now() - interval '2 minutes' where idempotency_key = $1",
      [key],
    )
    const requestsBefore = resend.requests.filter((r) => r.idempotencyKey === key).length
    await publish("notification-order-placed", { id: `evt_crash_${run}`, name: "order.placed", data: { id: orderId } })
    const [after, ...others] = await settledRows("idempotency_key = $1", [key])
    expect(others).toEqual([])
    expect(after).toMatchObject({ id: before!.id, status: "success", external_id: before!.external_id })
    expect(resend.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(requestsBefore + 1)
    expect(sentWithKey(key)).toHaveLength(1)
  })

  test("a Resend outage stores failure and fails the delivery; a retry sends the same notification once", async () => {
    resend.down = true
    let orderOfOutage: string
    try {
      orderOfOutage = await placeOrder()
      await expect
        .poll(
          async () =>
            (await rowsWhere("resource_id = $1 and template = 'order-placed'", [orderOfOutage])).map(
              (row) => row.status,
            ),
          {
            timeout: 10_000,
            interval: 20,
          },
        )
        .toEqual(["failure"])
    } finally {
      resend.down = false
    }
    const [row, ...others] = await settledRows("resource_id = $1 and template = 'order-placed'", [orderOfOutage!])
    expect(others).toEqual([])
    const key = `order-placed:${orderOfOutage!}`
    expect(resend.requests.filter((r) => r.idempotencyKey === key && r.status === 500).length).toBeGreaterThan(0)
    expect(sentWithKey(key)).toHaveLength(1)
    expect(row!.external_id).toBe(sentWithKey(key)[0]!.id)
    const failed = qstash.deliveries.filter(
      (d) => d.destination.endsWith("/notification-order-placed") && d.body.includes(orderOfOutage!),
    )
    expect(failed.map((d) => d.status).at(-1)).toBe(200)
    expect(failed.some((d) => d.status >= 500)).toBe(true)
  })
})

describe("password reset and invites", () => {
  test("a user's password reset mails the dashboard's reset link with the token", async () => {
    const reset = await call("POST", "/auth/user/emailpass/reset-password", { identifier: email("admin") }, undefined)
    expect(reset.status).toBe(201)
    const [row] = await settledRows("\"to\" = $1 and template = 'password-reset'", [email("admin")])
    const { rows: events } = await db.query(
      "select id, data from event_outbox where name = 'auth.password_reset' and data->>'entity_id' = $1",
      [email("admin")],
    )
    const event = events[0]
    const url = `${publicUrl}/app/reset-password?${new URLSearchParams({ token: event.data.token, email: email("admin") })}`
    expect(row).toMatchObject({
      channel: "email",
      trigger_type: "auth.password_reset",
      status: "success",
      idempotency_key: `${event.id}:password-reset:${email("admin")}`,
      // Stored without the token: any admin reads /admin/notifications.
      data: { url: url.replace(event.data.token, "[redacted]"), email: email("admin"), actor_type: "user" },
    })
    expect(JSON.stringify(row)).not.toContain(event.data.token)
    const listed = await call("GET", `/admin/notifications/${row!.id}`)
    expect(listed.status).toBe(200)
    expect(JSON.stringify(listed.body)).not.toContain(event.data.token)
    expect(listed.body.notification.data.url).toContain("token=[redacted]&email=")
    const [mail] = sentWithKey(row!.idempotency_key)
    expect(mail).toMatchObject({ to: [email("admin")], from: FROM, subject: "Reset your password" })
    expect(mail!.text).toContain(url)
    // In HTML the URL's & is escaped.
    expect(mail!.html).toContain(url.replace(/&/g, "&amp;"))
  })

  test("a customer's password reset links to the storefront", async () => {
    const registered = await call(
      "POST",
      "/auth/customer/emailpass/register",
      { email: email("shopper"), password: "pw-123456" },
      undefined,
    )
    expect(registered.status).toBe(200)
    await call("POST", "/auth/customer/emailpass/reset-password", { identifier: email("shopper") }, undefined)
    const [row] = await settledRows("\"to\" = $1 and template = 'password-reset'", [email("shopper")])
    expect(row!.data.url).toMatch(/^http:\/\/localhost:8000\/reset-password\?token=[^&]+&email=/)
  })

  test("an invite mails the accept link; a resend mails the new one", async () => {
    const invite = (await call("POST", "/admin/invites", { email: email("invitee") })).body.invite
    const [first] = await settledRows("\"to\" = $1 and template = 'user-invite'", [email("invitee")])
    expect(first).toMatchObject({
      trigger_type: "invite.created",
      resource_type: "invite",
      resource_id: invite.id,
      data: { url: `${publicUrl}/app/invite?token=${encodeURIComponent(invite.token)}` },
    })
    const resent = (await call("POST", `/admin/invites/${invite.id}/resend`)).body.invite
    expect(resent.token).not.toBe(invite.token)
    const rows = await settledRows("\"to\" = $1 and template = 'user-invite'", [email("invitee")], 2)
    expect(rows.map((row) => [row.trigger_type, row.data.url])).toEqual([
      ["invite.created", `${publicUrl}/app/invite?token=${encodeURIComponent(invite.token)}`],
      ["invite.resent", `${publicUrl}/app/invite?token=${encodeURIComponent(resent.token)}`],
    ])
    const mails = resend.sent.filter((mail) => mail.to.includes(email("invitee")))
    expect(mails.map((mail) => mail.idempotencyKey)).toEqual(rows.map((row) => row.idempotency_key))
    expect(mails[1]!.text).toContain(resent.token)
  })
})

describe("/admin/notifications", () => {
  const DEFAULT_FIELDS = [
    "id",
    "to",
    "channel",
    "template",
    "data",
    "trigger_type",
    "resource_id",
    "resource_type",
    "receiver_id",
    "created_at",
    "updated_at",
  ]

  test("lists Medusa's shape, newest first, with its filters", async () => {
    const all = await call("GET", "/admin/notifications")
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({ count: expect.any(Number), offset: 0, limit: 50 })
    expect(all.body.count).toBeGreaterThanOrEqual(6)
    expect(Object.keys(all.body.notifications[0]).sort()).toEqual([...DEFAULT_FIELDS].sort())
    const created = all.body.notifications.map((n: Json) => Date.parse(n.created_at))
    expect(created).toEqual([...created].sort((a, b) => b - a))

    const invitee = await call(
      "GET",
      `/admin/notifications?to=${encodeURIComponent(email("invitee"))}&channel=email&order=created_at&fields=id,template,trigger_type,+status`,
    )
    expect(invitee.body).toEqual({
      notifications: [
        { id: expect.any(String), template: "user-invite", trigger_type: "invite.created", status: "success" },
        { id: expect.any(String), template: "user-invite", trigger_type: "invite.resent", status: "success" },
      ],
      count: 2,
      offset: 0,
      limit: 50,
    })
    const byOrder = orderIds.map((id, i) => `resource_id[${i}]=${id}`).join("&")
    const orders = await call(
      "GET",
      `/admin/notifications?${byOrder}&resource_type=order&template=order-placed&limit=1&offset=1`,
    )
    expect(orders.body).toMatchObject({ count: 2, offset: 1, limit: 1 })
    expect(orderIds).toHaveLength(2)
    expect(orders.body.notifications).toHaveLength(1)
    const search = await call("GET", `/admin/notifications?q=${encodeURIComponent(`notify-invitee-${run}`)}`)
    expect(search.body.count).toBe(2)
    const future = await call("GET", "/admin/notifications?created_at[$gte]=2999-01-01")
    expect(future.body).toEqual({ notifications: [], count: 0, offset: 0, limit: 50 })
    // The dashboard's feed: to is the user's id, email or "", on the feed channel.
    const feed = await call(
      "GET",
      `/admin/notifications?to[0]=usr_x&to[1]=${encodeURIComponent(email("admin"))}&to[2]=&channel=feed&limit=10&offset=0`,
    )
    expect(feed.status).toBe(200)
    expect(feed.body).toMatchObject({ count: expect.any(Number), limit: 10, offset: 0 })
    expect(feed.body.notifications.every((n: Json) => n.channel === "feed")).toBe(true)
    // The example subscriber (src/subscribers/order-placed-logger.ts) sends to the feed through Medusa's service name.
    const orderFeed = await call("GET", `/admin/notifications?to[0]=&channel=feed&resource_id=${firstOrderId}`)
    expect(orderFeed.body.notifications).toEqual([
      expect.objectContaining({
        to: "",
        template: "admin-ui",
        resource_type: "order",
        data: { title: "New order", description: expect.stringMatching(/^Order #\d+ was placed by /) },
      }),
    ])
  })

  test("@medusajs/js-sdk reads them as the dashboard does (its bell's feed and unread check)", async () => {
    const sdk = new Medusa({ baseUrl: publicUrl, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
    await sdk.auth.login("user", "emailpass", { email: email("admin"), password: "admin-pw" })
    const me = (await sdk.admin.user.me()).user
    const feed = await sdk.admin.notification.list({
      limit: 20,
      offset: 0,
      to: [me.id, me.email, ""],
      channel: "feed",
    } as never)
    expect(feed.notifications.length).toBeGreaterThanOrEqual(2)
    expect(feed.notifications.every((n: Json) => n.channel === "feed")).toBe(true)
    const unread = await sdk.admin.notification.list({ limit: 1, offset: 0, fields: "created_at" })
    expect(unread.notifications).toHaveLength(1)
    expect(unread.notifications[0]).toMatchObject({ created_at: expect.any(String) })
    const one = await sdk.admin.notification.retrieve(feed.notifications[0]!.id)
    expect(one.notification).toMatchObject({ id: feed.notifications[0]!.id, channel: "feed" })
  })

  test("retrieves one; an unknown id is a 404", async () => {
    const [row] = await rowsWhere("\"to\" = $1 and template = 'password-reset'", [email("admin")])
    const one = await call("GET", `/admin/notifications/${row!.id}`)
    expect(one.status).toBe(200)
    expect(Object.keys(one.body.notification).sort()).toEqual([...DEFAULT_FIELDS].sort())
    expect(one.body.notification).toMatchObject({ id: row!.id, to: email("admin"), template: "password-reset" })
    const more = await call("GET", `/admin/notifications/${row!.id}?fields=+content,+provider_id,+external_id`)
    expect(more.body.notification).toMatchObject({
      provider_id: "resend",
      external_id: row!.external_id,
      content: { subject: "Reset your password" },
    })
    const missing = await call("GET", "/admin/notifications/noti_missing")
    expect(missing).toEqual({
      status: 404,
      body: { type: "not_found", message: "Notification with id: noti_missing was not found" },
    })
  })

  test("needs an admin, and refuses bad queries with 400", async () => {
    expect((await call("GET", "/admin/notifications", undefined, "")).status).toBe(401)
    expect((await call("GET", "/admin/notifications/noti_x", undefined, "")).status).toBe(401)
    for (const bad of [
      "limit=abc",
      "offset=-1",
      "order=nope",
      "created_at=notadate",
      "created_at[$gte]=notadate",
      "status=sent",
      "to[$regex]=x",
    ]) {
      const res = await call("GET", `/admin/notifications?${bad}`)
      expect([bad, res.status, res.body.type]).toEqual([bad, 400, "invalid_data"])
    }
  })
})

describe("zero setup", () => {
  test("without Resend, the local provider logs and stores the mail", async () => {
    const local = await startWorker()
    try {
      const res = await local.fetch("/auth/user/emailpass/reset-password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ identifier: email("admin") }),
      })
      expect(res.status).toBe(201)
      await expect
        .poll(async () => (await rowsWhere("\"to\" = $1 and provider_id = 'local'", [email("admin")])).length, {
          timeout: 10_000,
          interval: 100,
        })
        .toBe(1)
      const [row] = await rowsWhere("\"to\" = $1 and provider_id = 'local'", [email("admin")])
      expect(row).toMatchObject({ status: "success", template: "password-reset", channel: "email" })
      expect(row!.data.url).toMatch(/^http:\/\/localhost:9000\/app\/reset-password\?token=/)
      await expect
        .poll(() => local.output())
        .toContain(`notification (local): password-reset on email to ${email("admin")}`)
    } finally {
      await local.dispose()
    }
  })
})
