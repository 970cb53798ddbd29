import Medusa from "@medusajs/js-sdk"
import { SignJWT, UnsecuredJWT } from "jose"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { testConfig } from "./helpers/services"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>
let worker: TestWorker
let fx: CheckoutFixture
let db: pg.Client
const run = Date.now().toString(36)
const email = (who: string) => `${who}-${run}@example.com`

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 10, countries: { euro: ["hr", "si"], won: "vn", noPayment: "gr" } })
  worker = await startWorker({}, { listen: true })
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

async function call(
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const res = await worker.fetch(path, {
    method,
    headers: {
      "x-publishable-api-key": fx.key,
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json }
}

/** Registers, creates the customer, and logs in again for a token that names them. */
async function customer(who: string, password = "correct horse battery") {
  const registered = await call("POST", "/auth/customer/emailpass/register", { body: { email: email(who), password } })
  expect(registered.status).toBe(200)
  const created = await call("POST", "/store/customers", {
    token: registered.body.token,
    body: { email: email(who), first_name: who },
  })
  expect(created.status).toBe(200)
  const login = await call("POST", "/auth/customer/emailpass", { body: { email: email(who), password } })
  return { token: login.body.token as string, id: created.body.customer.id as string }
}

describe("a shopper through @medusajs/js-sdk", () => {
  test("register, create the customer, log in, profile, addresses, order history", async () => {
    const sdk = new Medusa({
      baseUrl: worker.url,
      publishableKey: fx.key,
      auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
    })
    const password = "s3cret-enough"
    const registration = await sdk.auth.register("customer", "emailpass", { email: email("sdk"), password })
    expect(typeof registration).toBe("string")
    const { customer: created } = await sdk.store.customer.create({
      email: email("sdk"),
      first_name: "Grace",
      last_name: "Hopper",
    })
    expect(created).toMatchObject({ email: email("sdk"), first_name: "Grace", has_account: true, addresses: [] })
    expect(created.id).toMatch(/^cus_/)

    await sdk.auth.login("customer", "emailpass", { email: email("sdk"), password })
    const { customer } = await sdk.store.customer.retrieve()
    expect(customer.id).toBe(created.id)

    const withAddress = await sdk.store.customer.createAddress({
      address_1: "Main 1",
      city: "Zagreb",
      country_code: "hr",
      is_default_shipping: true,
    })
    expect(withAddress.customer.addresses).toEqual([
      expect.objectContaining({ address_1: "Main 1", country_code: "hr", is_default_shipping: true }),
    ])
    const { addresses, count } = await sdk.store.customer.listAddress()
    expect(count).toBe(1)
    expect(addresses[0]!.id).toMatch(/^cuaddr_/)

    const { orders } = await sdk.store.order.list()
    expect(orders).toEqual([])
  })
})

describe("tokens and sessions", () => {
  test("login: wrong password and unknown email get the same 401", async () => {
    await customer("login")
    const wrong = await call("POST", "/auth/customer/emailpass", { body: { email: email("login"), password: "nope" } })
    const unknown = await call("POST", "/auth/customer/emailpass", {
      body: { email: email("nobody"), password: "nope" },
    })
    expect(wrong).toMatchObject({ status: 401, body: { type: "unauthorized", message: "Invalid email or password" } })
    expect(unknown.body).toEqual(wrong.body)
  })

  test("a JWT carries Medusa's claims", async () => {
    const { token, id } = await customer("claims")
    const claims = JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/")))
    expect(claims).toMatchObject({
      actor_id: id,
      actor_type: "customer",
      auth_provider: "emailpass",
      app_metadata: { customer_id: id },
    })
    expect(claims.auth_identity_id).toMatch(/^authid_/)
    expect(claims.exp - claims.iat).toBe(24 * 3600)
    expect(JSON.parse(atob(token.split(".")[0]!))).toMatchObject({ alg: "HS256" })
  })

  test("refresh, session cookie (HttpOnly, SameSite=Lax), logout", async () => {
    const { token, id } = await customer("session")
    const refreshed = await call("POST", "/auth/token/refresh", { token })
    expect(refreshed.body.token).toEqual(expect.any(String))
    const session = await call("POST", "/auth/session", { token })
    expect(session.body.user).toMatchObject({ actor_id: id, actor_type: "customer" })
    const cookie = session.headers.get("set-cookie")!
    expect(cookie).toMatch(/^connect\.sid=[^;]+/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const sid = cookie.split(";")[0]!
    const me = await call("GET", "/store/customers/me", { headers: { cookie: sid } })
    expect(me.body.customer.id).toBe(id)
    const forged = await call("GET", "/store/customers/me", {
      headers: { cookie: sid.replace(/.$/, (ch) => (ch === "A" ? "B" : "A")) },
    })
    expect(forged.status).toBe(401)
    const out = await call("DELETE", "/auth/session", { headers: { cookie: sid } })
    expect(out.body).toEqual({ success: true })
    expect(out.headers.get("set-cookie")).toMatch(/connect\.sid=;.*Max-Age=0/)
  })

  test("expired, tampered, wrong-secret and alg:none tokens are refused", async () => {
    const { token, id } = await customer("forge")
    const claims = { actor_id: id, actor_type: "customer", auth_identity_id: "authid_x" }
    const key = (secret: string) => new TextEncoder().encode(secret)
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(0)
      .setExpirationTime(60)
      .sign(key("supersecret"))
    const wrongSecret = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(key("not-the-secret"))
    const none = new UnsecuredJWT(claims).setExpirationTime("1h").encode()
    const [header, payload, signature] = token.split(".")
    const otherPayload = btoa(
      JSON.stringify({
        ...JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/"))),
        actor_id: "cus_someone_else",
      }),
    ).replace(/=+$/, "")
    const tampered = `${header}.${otherPayload}.${signature}`
    for (const bad of [expired, wrongSecret, none, tampered, "garbage"]) {
      const res = await call("GET", "/store/customers/me", { token: bad })
      expect(res.status).toBe(401)
      expect(res.body.message).toBe("Unauthorized")
    }
    expect((await call("GET", "/store/customers/me", { token })).status).toBe(200)
  })
})

describe("registration", () => {
  test("a second registration of an email is refused with Medusa's message", async () => {
    await customer("twice")
    const again = await call("POST", "/auth/customer/emailpass/register", {
      body: { email: email("twice"), password: "x" },
    })
    expect(again).toMatchObject({
      status: 401,
      body: { type: "unauthorized", message: "Identity with email already exists" },
    })
  })

  test("a registered email cannot become a second customer account", async () => {
    await customer("account")
    const registration = await call("POST", "/auth/customer/emailpass/register", {
      body: { email: email("account-2"), password: "pw" },
    })
    const duplicate = await call("POST", "/store/customers", {
      token: registration.body.token,
      body: { email: email("account") },
    })
    expect(duplicate.status).toBe(422)
    expect(duplicate.body).toMatchObject({ type: "duplicate_error", code: "invalid_request_error" })
  })

  test("mass assignment: has_account, id or email cannot be set through a body", async () => {
    const registration = await call("POST", "/auth/customer/emailpass/register", {
      body: { email: email("mass"), password: "pw" },
    })
    const withFlags = await call("POST", "/store/customers", {
      token: registration.body.token,
      body: { email: email("mass"), has_account: false, id: "cus_mine" },
    })
    expect(withFlags.status).toBe(400)
    expect(withFlags.body.message).toBe("Unrecognized fields: 'has_account', 'id'")
    const { token } = await customer("mass-2")
    for (const body of [
      { email: "other@example.com" },
      { has_account: false },
      { id: "cus_x" },
      { created_by: "admin" },
    ]) {
      const res = await call("POST", "/store/customers/me", { token, body })
      expect(res.status).toBe(400)
    }
    expect((await call("GET", "/store/customers/me", { token })).body.customer).toMatchObject({
      email: email("mass-2"),
      has_account: true,
    })
  })
})

describe("customer A cannot read or change customer B's data", () => {
  test("profile, addresses, carts and orders: 404 and nothing changed", async () => {
    const a = await customer("alice")
    const b = await customer("bob")
    const withAddress = await call("POST", "/store/customers/me/addresses", {
      token: a.token,
      body: { address_1: "Alice st 1", country_code: "hr" },
    })
    const addressId = withAddress.body.customer.addresses[0].id
    for (const [method, body] of [
      ["GET", undefined],
      ["POST", { address_1: "Bob was here" }],
      ["DELETE", undefined],
    ] as const) {
      const res = await call(method, `/store/customers/me/addresses/${addressId}`, { token: b.token, body })
      expect(res.status).toBe(404)
    }
    expect(
      (await call("GET", `/store/customers/me/addresses/${addressId}`, { token: a.token })).body.address.address_1,
    ).toBe("Alice st 1")

    const cart = (
      await call("POST", "/store/carts", {
        token: a.token,
        body: { region_id: fx.regions.euro, items: [{ variant_id: fx.variants.tee, quantity: 1 }] },
      })
    ).body.cart
    expect(cart).toMatchObject({ customer_id: a.id, email: email("alice") })
    for (const token of [b.token, undefined]) {
      expect((await call("GET", `/store/carts/${cart.id}`, { token })).status).toBe(404)
      expect(
        (await call("POST", `/store/carts/${cart.id}`, { token, body: { email: "evil@example.com" } })).status,
      ).toBe(404)
      expect(
        (
          await call("POST", `/store/carts/${cart.id}/line-items`, {
            token,
            body: { variant_id: fx.variants.tee, quantity: 5 },
          })
        ).status,
      ).toBe(404)
      expect((await call("POST", `/store/carts/${cart.id}/customer`, { token })).status).toBe(token ? 404 : 401)
      expect((await call("POST", `/store/carts/${cart.id}/complete`, { token })).status).toBe(404)
    }
    const unchanged = (await call("GET", `/store/carts/${cart.id}`, { token: a.token })).body.cart
    expect(unchanged).toMatchObject({ email: email("alice"), customer_id: a.id })
    expect(unchanged.items.map((i: Json) => i.quantity)).toEqual([1])

    await call("POST", `/store/carts/${cart.id}`, {
      token: a.token,
      body: { shipping_address: { address_1: "x", country_code: "hr" } },
    })
    await call("POST", `/store/carts/${cart.id}/shipping-methods`, {
      token: a.token,
      body: { option_id: fx.options.standard },
    })
    const collection = (
      await call("POST", "/store/payment-collections", { token: a.token, body: { cart_id: cart.id } })
    ).body.payment_collection
    expect(
      (await call("POST", "/store/payment-collections", { token: b.token, body: { cart_id: cart.id } })).status,
    ).toBe(404)
    expect(
      (
        await call("POST", `/store/payment-collections/${collection.id}/payment-sessions`, {
          token: b.token,
          body: { provider_id: "pp_system_default" },
        })
      ).status,
    ).toBe(404)
    await call("POST", `/store/payment-collections/${collection.id}/payment-sessions`, {
      token: a.token,
      body: { provider_id: "pp_system_default" },
    })
    const order = (await call("POST", `/store/carts/${cart.id}/complete`, { token: a.token })).body.order
    expect(order.customer_id).toBe(a.id)
    expect((await call("GET", `/store/orders/${order.id}`, { token: b.token })).status).toBe(404)
    expect((await call("GET", `/store/orders/${order.id}`)).status).toBe(404)
    expect((await call("GET", `/store/orders/${order.id}`, { token: a.token })).body.order.id).toBe(order.id)
    expect((await call("GET", "/store/orders", { token: b.token })).body).toEqual({
      orders: [],
      count: 0,
      offset: 0,
      limit: 50,
    })
    const mine = (await call("GET", "/store/orders", { token: a.token })).body
    expect(mine.count).toBe(1)
    const withOrders = (await call("GET", "/store/customers/me?fields=*orders", { token: a.token })).body.customer
    expect(withOrders.orders.map((o: Json) => o.id)).toEqual([order.id])
    expect(mine.orders[0]).toEqual({
      id: order.id,
      status: "pending",
      display_id: order.display_id,
      total: order.total,
      currency_code: "eur",
      created_at: order.created_at,
      summary: expect.objectContaining({ pending_difference: order.total }),
    })
  })

  test("a guest cart becomes the customer's on transfer", async () => {
    const a = await customer("transfer")
    const guest = (await call("POST", "/store/carts", { body: { region_id: fx.regions.euro } })).body.cart
    expect(guest.customer_id).toBeNull()
    const transferred = await call("POST", `/store/carts/${guest.id}/customer`, { token: a.token })
    expect(transferred.body.cart).toMatchObject({ customer_id: a.id, email: email("transfer") })
    expect((await call("GET", `/store/carts/${guest.id}`)).status).toBe(404)
    const { rows } = await db.query(
      "select data from event_outbox where name = 'cart.customer_transferred' and data->>'id' = $1",
      [guest.id],
    )
    expect(rows).toEqual([{ data: { id: guest.id, customer_id: a.id } }])
  })
})

describe("password reset", () => {
  test("always 201; the emailed token sets a new password once", async () => {
    await customer("reset", "old-password")
    const unknown = await call("POST", "/auth/customer/emailpass/reset-password", {
      body: { identifier: email("ghost") },
    })
    expect(unknown.status).toBe(201)
    const known = await call("POST", "/auth/customer/emailpass/reset-password", {
      body: { identifier: email("reset") },
    })
    expect(known.status).toBe(201)
    const { rows } = await db.query(
      "select data from event_outbox where name = 'auth.password_reset' and data->>'entity_id' = $1",
      [email("reset")],
    )
    expect(rows).toHaveLength(1)
    const token = rows[0].data.token as string
    expect(rows[0].data).toMatchObject({ entity_id: email("reset"), actor_type: "customer" })
    expect((await call("GET", "/store/customers/me", { token })).status).toBe(401)

    expect(
      (await call("POST", "/auth/customer/emailpass/update", { token, body: { password: "new-password" } })).body,
    ).toEqual({ success: true })
    expect((await call("POST", "/auth/customer/emailpass/update", { token, body: { password: "again" } })).status).toBe(
      401,
    )
    expect(
      (await call("POST", "/auth/customer/emailpass", { body: { email: email("reset"), password: "old-password" } }))
        .status,
    ).toBe(401)
    expect(
      (await call("POST", "/auth/customer/emailpass", { body: { email: email("reset"), password: "new-password" } }))
        .status,
    ).toBe(200)
  })
})

describe("the admin", () => {
  test("every /admin route needs a user: 401 without, 403 for a customer", async () => {
    const { token } = await customer("not-admin")
    for (const path of ["/admin/users/me", "/admin/users", "/admin/customers"]) {
      expect((await call("GET", path)).status).toBe(401)
      expect((await call("GET", path, { token })).status).toBe(403)
    }
    expect((await call("POST", "/admin/invites", { token, body: { email: "x@example.com" } })).status).toBe(403)
  })

  test("an admin logs in, sees users and customers, invites another who accepts", async () => {
    const admin = await createAdminUser(testConfig(), { email: email("admin"), password: "admin-password" })
    const login = await call("POST", "/auth/user/emailpass", {
      body: { email: email("admin"), password: "admin-password" },
    })
    const token = login.body.token
    expect((await call("GET", "/admin/users/me", { token })).body.user).toMatchObject({
      id: admin.id,
      email: email("admin"),
    })
    expect((await call("GET", "/store/customers/me", { token })).status).toBe(401)

    const shopper = await customer("listed")
    const customers = await call("GET", `/admin/customers?email=${encodeURIComponent(email("listed"))}`, { token })
    expect(customers.body).toMatchObject({
      count: 1,
      customers: [{ id: shopper.id, has_account: true, addresses: [] }],
    })
    expect((await call("GET", `/admin/customers/${shopper.id}`, { token })).body.customer.email).toBe(email("listed"))

    const invite = (await call("POST", "/admin/invites", { token, body: { email: email("invited") } })).body.invite
    expect(invite).toMatchObject({ email: email("invited"), accepted: false })
    const registration = await call("POST", "/auth/user/emailpass/register", {
      body: { email: email("invited"), password: "pw-invited" },
    })
    const accepted = await call("POST", `/admin/invites/accept?token=${invite.token}`, {
      token: registration.body.token,
      body: { first_name: "New" },
    })
    expect(accepted.body.user).toMatchObject({ email: email("invited"), first_name: "New" })
    expect(
      (await call("POST", `/admin/invites/accept?token=${invite.token}`, { token: registration.body.token, body: {} }))
        .status,
    ).toBe(401)
    const invitedLogin = await call("POST", "/auth/user/emailpass", {
      body: { email: email("invited"), password: "pw-invited" },
    })
    expect((await call("GET", "/admin/users/me", { token: invitedLogin.body.token })).body.user.id).toBe(
      accepted.body.user.id,
    )
    const users = (await call("GET", "/admin/users?limit=100", { token })).body.users.map((u: Json) => u.email)
    expect(users).toEqual(expect.arrayContaining([email("admin"), email("invited")]))
  })
})
