import { describe, expect, test } from "vitest"
import { adminToken, expectRefused, adminSession } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const email = (who: string) => `${who}-${run}@example.com`
const session = adminSession(email("people-admin"))
const call = session.call
const events = async (id: string) =>
  (await session.db.query("select name from event_outbox where data->>'id' = $1 order by id", [id])).rows.map(
    (r) => r.name,
  )

/** The oldest live publishable key: a storefront's. */
async function publishableKey(): Promise<string> {
  return (
    await session.db.query(
      "select token from api_key where type = 'publishable' and deleted_at is null order by created_at limit 1",
    )
  ).rows[0].token
}

/** A storefront's JSON POST, as a shopper (with their token) or a guest. */
async function post(path: string, body: unknown, token?: string) {
  const res = await session.worker.fetch(path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": await publishableKey(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Json
}

describe("/admin/customers", () => {
  test("create, list with fields, update, delete; bad bodies store nothing", async () => {
    const created = await call("POST", "/admin/customers", {
      email: email("Guest"),
      first_name: "Ngaio",
      company_name: "Marsh Ltd",
    })
    expect(created.status).toBe(200)
    const customer = created.body.customer
    expect(customer).toMatchObject({ email: email("guest"), first_name: "Ngaio", has_account: false, addresses: [] })
    expect(customer.created_by).toMatch(/^user_/)

    const listed = await call("GET", `/admin/customers?q=${run}&has_account=false&fields=id,email,company_name`)
    expect(listed.body).toMatchObject({ count: 1, limit: 20, offset: 0 })
    expect(listed.body.customers).toEqual([{ id: customer.id, email: email("guest"), company_name: "Marsh Ltd" }])

    const updated = await call("POST", `/admin/customers/${customer.id}`, {
      last_name: "Marsh",
      email: email("renamed"),
    })
    expect(updated.body.customer).toMatchObject({
      id: customer.id,
      first_name: "Ngaio",
      last_name: "Marsh",
      email: email("renamed"),
    })

    await expectRefused(session.db, "customer", (body) => call("POST", "/admin/customers", body), [
      [{ email: "not-an-email" }, /email/],
      [{ email: email("x"), has_account: true }, /has_account/],
      [{ email: email("x"), first_name: 42 }, /first_name/],
    ])
    expect((await call("POST", `/admin/customers/${customer.id}`, { id: "cus_other" })).status).toBe(400)

    expect((await call("DELETE", `/admin/customers/${customer.id}`)).body).toEqual({
      id: customer.id,
      object: "customer",
      deleted: true,
    })
    expect((await call("GET", `/admin/customers/${customer.id}`)).status).toBe(404)
    expect((await call("POST", `/admin/customers/${customer.id}`, { first_name: "Again" })).status).toBe(404)
    expect(await events(customer.id)).toEqual(["customer.created", "customer.updated", "customer.deleted"])
  })

  test("a registered customer's email is their login; deleting the customer ends that login", async () => {
    const credentials = { email: email("member"), password: "member-pw-1" }
    const { token } = await post("/auth/customer/emailpass/register", credentials)
    const member = (await post("/store/customers", { email: email("member") }, token)).customer
    const refused = await call("POST", `/admin/customers/${member.id}`, { email: email("other") })
    expect(refused).toMatchObject({ status: 400, body: { type: "invalid_data" } })
    expect((await call("GET", `/admin/customers/${member.id}`)).body.customer.email).toBe(email("member"))

    await call("DELETE", `/admin/customers/${member.id}`)
    // The old password no longer logs in, and the old token reaches no customer.
    expect(await post("/auth/customer/emailpass", credentials)).toEqual({
      type: "unauthorized",
      message: "Invalid email or password",
    })
    const me = await session.worker.fetch("/store/customers/me", {
      headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": await publishableKey() },
    })
    expect(me.status).toBe(401)
    expect(
      (
        await session.db.query("select count(*)::int as n from provider_identity where entity_id = $1", [
          email("member"),
        ])
      ).rows[0].n,
    ).toBe(0)
    // The shopper may register again with that email, as a new customer.
    const again = await post("/auth/customer/emailpass/register", { ...credentials, password: "member-pw-2" })
    expect((await post("/store/customers", { email: email("member") }, again.token)).customer.id).not.toBe(member.id)
  })

  test("deleting a customer who is also an admin user (one login for both) keeps the admin's login", async () => {
    const both = email("both")
    await adminToken(session.worker, both)
    const asShopper = await post("/auth/customer/emailpass", { email: both, password: "admin-pw" })
    const customer = (await post("/store/customers", { email: both }, asShopper.token)).customer
    expect(customer.email).toBe(both)
    await call("DELETE", `/admin/customers/${customer.id}`)
    const asAdmin = await post("/auth/user/emailpass", { email: both, password: "admin-pw" })
    expect((await call("GET", "/admin/users/me?fields=email", undefined, asAdmin.token)).body.user.email).toBe(both)
  })

  test("a customer's addresses through /admin: add, read, change, delete", async () => {
    const customer = (await call("POST", "/admin/customers", { email: email("addresses") })).body.customer
    const home = {
      first_name: "Kate",
      last_name: "Sheppard",
      address_1: "1 Suffrage Rd",
      city: "Christchurch",
      country_code: "NZ",
      postal_code: "8011",
      is_default_shipping: true,
    }
    const added = await call("POST", `/admin/customers/${customer.id}/addresses`, home)
    expect(added.body.customer.addresses).toEqual([
      expect.objectContaining({ address_1: "1 Suffrage Rd", country_code: "nz", is_default_shipping: true }),
    ])
    const addressId = added.body.customer.addresses[0].id
    await call("POST", `/admin/customers/${customer.id}/addresses`, {
      ...home,
      address_1: "2 Work St",
      is_default_shipping: true,
    })
    const listed = await call("GET", `/admin/customers/${customer.id}/addresses?fields=address_1,is_default_shipping`)
    expect(listed.body).toMatchObject({ count: 2, offset: 0 })
    expect(listed.body.addresses.map((a: Json) => [a.address_1, a.is_default_shipping])).toEqual([
      ["1 Suffrage Rd", false],
      ["2 Work St", true],
    ])
    const changed = await call("POST", `/admin/customers/${customer.id}/addresses/${addressId}`, {
      id: addressId,
      city: "Wellington",
    })
    expect(changed.body.customer.addresses.find((a: Json) => a.id === addressId).city).toBe("Wellington")
    expect((await call("GET", `/admin/customers/${customer.id}/addresses/${addressId}`)).body.address.city).toBe(
      "Wellington",
    )
    expect(
      (await call("POST", `/admin/customers/${customer.id}/addresses`, { ...home, country_code: "nzl" })).status,
    ).toBe(400)
    const other = (await call("POST", "/admin/customers", { email: email("addresses-other") })).body.customer
    expect((await call("GET", `/admin/customers/${other.id}/addresses/${addressId}`)).status).toBe(404)

    const deleted = await call("DELETE", `/admin/customers/${customer.id}/addresses/${addressId}`)
    expect(deleted.body).toMatchObject({
      id: addressId,
      object: "customer_address",
      deleted: true,
      parent: { id: customer.id },
    })
    expect((await call("GET", `/admin/customers/${customer.id}/addresses`)).body.count).toBe(1)
  })
})

describe("/admin/users and /admin/invites", () => {
  test("an admin edits only themself; a deleted admin's token and login stop working", async () => {
    const other = await adminToken(session.worker, email("leaving"))
    const me = (await call("GET", "/admin/users/me?fields=id,email", undefined, other)).body.user
    expect(me).toEqual({ id: me.id, email: email("leaving") })
    const self = (await call("GET", "/admin/users/me")).body.user

    const edited = await call(
      "POST",
      `/admin/users/${me.id}`,
      { first_name: "Leaving", avatar_url: "https://example.com/a.png" },
      other,
    )
    expect(edited.body.user).toMatchObject({
      id: me.id,
      first_name: "Leaving",
      avatar_url: "https://example.com/a.png",
    })
    expect(await call("POST", `/admin/users/${self.id}`, { first_name: "Hijacked" }, other)).toMatchObject({
      status: 400,
      body: { type: "not_allowed" },
    })
    expect(await call("DELETE", `/admin/users/${self.id}`, undefined, other)).toMatchObject({
      status: 400,
      body: { type: "not_allowed" },
    })
    expect((await call("POST", `/admin/users/${me.id}`, { email: "new@example.com" }, other)).status).toBe(400)
    expect((await call("GET", "/admin/users/me")).body.user.first_name).toBe(self.first_name)

    const listed = await call("GET", `/admin/users?q=leaving-${run}&fields=email,first_name`)
    expect(listed.body.users).toEqual([{ id: me.id, email: email("leaving"), first_name: "Leaving" }])

    expect((await call("DELETE", `/admin/users/${me.id}`, undefined, other)).body).toEqual({
      id: me.id,
      object: "user",
      deleted: true,
    })
    expect((await call("GET", "/admin/users/me", undefined, other)).status).toBe(401)
    const relogin = await session.worker.fetch("/auth/user/emailpass", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: email("leaving"), password: "admin-pw" }),
    })
    // Not also a customer, the identity went with the user: the password no longer logs in.
    expect(relogin.status).toBe(401)
    expect(await relogin.json()).toEqual({ type: "unauthorized", message: "Invalid email or password" })
    expect(await events(me.id)).toEqual(["user.updated", "user.deleted"])
  })

  test("invites: list, resend (the old link stops working), delete", async () => {
    const invite = (await call("POST", "/admin/invites", { email: email("invitee") })).body.invite
    const listed = await call(
      "GET",
      `/admin/invites?email=${encodeURIComponent(email("invitee"))}&fields=id,email,accepted`,
    )
    expect(listed.body).toMatchObject({
      count: 1,
      invites: [{ id: invite.id, email: email("invitee"), accepted: false }],
    })

    const resent = (await call("POST", `/admin/invites/${invite.id}/resend`)).body.invite
    expect(resent.token).not.toBe(invite.token)
    const registration = await session.worker.fetch("/auth/user/emailpass/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: email("invitee"), password: "invitee-pw" }),
    })
    const registrationToken = ((await registration.json()) as Json).token
    expect((await call("POST", `/admin/invites/accept?token=${invite.token}`, {}, registrationToken)).status).toBe(401)

    expect((await call("DELETE", `/admin/invites/${invite.id}`)).body).toEqual({
      id: invite.id,
      object: "invite",
      deleted: true,
    })
    expect((await call("POST", `/admin/invites/accept?token=${resent.token}`, {}, registrationToken)).status).toBe(401)
    expect((await call("GET", `/admin/invites/${invite.id}`)).status).toBe(404)
    expect(await events(invite.id)).toEqual(["invite.created", "invite.resent", "invite.deleted"])
  })
})
