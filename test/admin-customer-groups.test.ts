import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { expectRefused } from "./helpers/admin"
import { testConfig } from "./helpers/services"
import { startWorker, type TestWorker } from "./helpers/worker"

// @medusajs/types is not installed, so the SDK's answers are untyped here.
type Json = Record<string, any>

// Medusa's customer groups through its own client: CRUD, members both ways, filters and refusals.
const run = Date.now().toString(36)
let worker: TestWorker
let db: pg.Client
let sdk: Medusa
let token: string

beforeAll(async () => {
  worker = await startWorker({}, { listen: true })
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  const email = `groups-${run}@example.com`
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  sdk = new Medusa({ baseUrl: worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  token = (await sdk.auth.login("user", "emailpass", { email, password: "admin-pw" })) as string
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

const raw = async (method: string, path: string, body?: unknown) => {
  const res = await worker.fetch(path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the request to fail")
    },
    (error: { status?: number; message?: string }) => error,
  )
const newCustomer = async (who: string) =>
  ((await sdk.admin.customer.create({ email: `${who}-${run}@example.com`, first_name: who })) as Json).customer as Json

describe("customer groups through @medusajs/js-sdk", () => {
  test("create, retrieve, update, list and delete a group", async () => {
    const { customer_group: created } = (await sdk.admin.customerGroup.create({
      name: `VIP ${run}`,
      metadata: { tier: "gold" },
    })) as Json
    expect(created).toMatchObject({ name: `VIP ${run}`, metadata: { tier: "gold" }, deleted_at: null })
    expect(created.id).toMatch(/^cusgroup_/)
    expect(typeof created.created_by).toBe("string")
    expect(Object.keys(created).sort()).toEqual(
      ["created_at", "created_by", "deleted_at", "id", "metadata", "name", "updated_at"].sort(),
    )

    const { customer_group: fetched } = (await sdk.admin.customerGroup.retrieve(created.id)) as Json
    expect(fetched).toEqual(created)

    const { customer_group: updated } = (await sdk.admin.customerGroup.update(created.id, {
      name: `VIP+ ${run}`,
    })) as Json
    expect(updated).toMatchObject({ id: created.id, name: `VIP+ ${run}`, metadata: { tier: "gold" } })

    const listed = (await sdk.admin.customerGroup.list({ q: `VIP+ ${run}` })) as Json
    expect(listed).toMatchObject({ count: 1, offset: 0, limit: 50 })
    expect(listed.customer_groups.map((g: Json) => g.id)).toEqual([created.id])

    const deleted = (await sdk.admin.customerGroup.delete(created.id)) as Json
    expect(deleted).toEqual({ id: created.id, object: "customer_group", deleted: true })
    const gone = await failure(sdk.admin.customerGroup.retrieve(created.id))
    expect(gone.status).toBe(404)
    expect(gone.message).toBe(`Customer group with id: ${created.id} was not found`)
    // The name is free again once the group is deleted.
    const again = (await sdk.admin.customerGroup.create({ name: `VIP+ ${run}` })) as Json
    expect(again.customer_group.id).not.toBe(created.id)

    const events = await db.query("select name from event_outbox where data->>'id' = $1 order by created_at, id", [
      created.id,
    ])
    expect(events.rows.map((row) => row.name)).toEqual([
      "customer_group.created",
      "customer_group.updated",
      "customer_group.deleted",
    ])
  })

  test("customers join and leave a group, from either side", async () => {
    const { customer_group: group } = (await sdk.admin.customerGroup.create({ name: `Wholesale ${run}` })) as Json
    const { customer_group: other } = (await sdk.admin.customerGroup.create({ name: `Retail ${run}` })) as Json
    const ada = await newCustomer("ada")
    const bob = await newCustomer("bob")

    const linked = (await sdk.admin.customerGroup.batchCustomers(group.id, { add: [ada.id, bob.id] })) as Json
    expect(linked.customer_group.id).toBe(group.id)
    const withMembers = (await sdk.admin.customerGroup.retrieve(group.id, { fields: "*customers" })) as Json
    expect(withMembers.customer_group.customers.map((c: Json) => c.id).sort()).toEqual([ada.id, bob.id].sort())
    // Adding a member twice keeps one membership.
    await sdk.admin.customerGroup.batchCustomers(group.id, { add: [ada.id], remove: [bob.id] })
    const after = (await sdk.admin.customerGroup.retrieve(group.id, { fields: "id,*customers" })) as Json
    expect(after.customer_group.customers.map((c: Json) => c.id)).toEqual([ada.id])

    const { customer } = (await sdk.admin.customer.batchCustomerGroups(bob.id, { add: [group.id, other.id] })) as Json
    expect(customer.id).toBe(bob.id)
    const bobWithGroups = (await sdk.admin.customer.retrieve(bob.id, { fields: "*groups" })) as Json
    expect(bobWithGroups.customer.groups.map((g: Json) => g.id).sort()).toEqual([group.id, other.id].sort())
    expect(bobWithGroups.customer.groups.find((g: Json) => g.id === group.id).name).toBe(`Wholesale ${run}`)
    // Without `fields` a customer's answer is as before: no groups.
    expect((await sdk.admin.customer.retrieve(bob.id)) as Json).not.toHaveProperty("customer.groups")
    await sdk.admin.customer.batchCustomerGroups(bob.id, { remove: [other.id] })
    const bobAfter = (await sdk.admin.customer.retrieve(bob.id, { fields: "id,groups.name" })) as Json
    expect(bobAfter.customer.groups.map((g: Json) => g.name)).toEqual([`Wholesale ${run}`])

    // The customers list filters by group; the group list by member.
    const inGroup = (await sdk.admin.customer.list({ groups: [group.id], fields: "id,*groups" } as Json)) as Json
    expect(inGroup.customers.map((c: Json) => c.id).sort()).toEqual([ada.id, bob.id].sort())
    const lists = (await sdk.admin.customer.list({ id: [ada.id, bob.id], fields: "id,*groups" } as Json)) as Json
    for (const c of lists.customers) expect(c.groups.map((g: Json) => g.id)).toEqual([group.id])
    const ofAda = (await raw("GET", `/admin/customer-groups?customers=${ada.id}`)).body
    expect(ofAda.customer_groups.map((g: Json) => g.id)).toEqual([group.id])
    const dashboard = (await raw("GET", `/admin/customer-groups?fields=+customers.id&customers[id]=${ada.id}`)).body
    expect(dashboard.customer_groups.map((g: Json) => g.id)).toEqual([group.id])
    expect(dashboard.customer_groups[0].customers.map((c: Json) => c.id).sort()).toEqual([ada.id, bob.id].sort())

    // A deleted group no longer lists among a customer's groups.
    await sdk.admin.customerGroup.delete(other.id)
    await sdk.admin.customer.batchCustomerGroups(bob.id, { add: [] })
    const missing = await failure(sdk.admin.customer.batchCustomerGroups(bob.id, { add: [other.id] }))
    expect(missing.status).toBe(404)
    const noCustomer = await failure(sdk.admin.customerGroup.batchCustomers(group.id, { add: ["cus_missing"] }))
    expect(noCustomer.status).toBe(404)
    const { rows } = await db.query(
      "select count(*)::int as n from customer_group_customer where customer_group_id = $1",
      [group.id],
    )
    expect(rows[0].n).toBe(2)
  })

  test("list filters: id, name, q, order and paging", async () => {
    const names = ["Alpha", "Beta", "Gamma"].map((n) => `${n} ${run}`)
    const ids: string[] = []
    for (const name of names) ids.push(((await sdk.admin.customerGroup.create({ name })) as Json).customer_group.id)
    const byName = (await sdk.admin.customerGroup.list({ name: [names[1]!] })) as Json
    expect(byName.customer_groups.map((g: Json) => g.id)).toEqual([ids[1]])
    const byId = (await sdk.admin.customerGroup.list({ id: [ids[0]!, ids[2]!], order: "name" })) as Json
    expect(byId.customer_groups.map((g: Json) => g.name)).toEqual([names[0], names[2]])
    const paged = (await sdk.admin.customerGroup.list({ q: run, order: "-name", limit: 1, offset: 1 } as Json)) as Json
    expect(paged).toMatchObject({ limit: 1, offset: 1 })
    expect(paged.count).toBeGreaterThanOrEqual(3)
    expect(paged.customer_groups).toHaveLength(1)
    const dated = (await raw("GET", `/admin/customer-groups?id=${ids[0]}&created_at[$gte]=2000-01-01`)).body
    expect(dated.customer_groups.map((g: Json) => g.id)).toEqual([ids[0]])
  })

  test("a duplicate name is a 422; bad input is a 400 with nothing stored; unknown ids are 404s", async () => {
    const name = `Unique ${run}`
    const { customer_group: first } = (await sdk.admin.customerGroup.create({ name })) as Json
    const dup = await raw("POST", "/admin/customer-groups", { name })
    expect(dup.status).toBe(422)
    expect(dup.body).toMatchObject({
      type: "duplicate_error",
      message: `Customer group with name: ${name}, already exists.`,
    })
    const { customer_group: second } = (await sdk.admin.customerGroup.create({ name: `Second ${run}` })) as Json
    const renamed = await raw("POST", `/admin/customer-groups/${second.id}`, { name })
    expect(renamed.status).toBe(422)
    expect(first.id).not.toBe(second.id)

    await expectRefused(db, "customer_group", (body) => raw("POST", "/admin/customer-groups", body), [
      [{}, /name/],
      [{ name: "" }, /name/],
      [{ name: 5 }, /name/],
      [{ name: `x ${run}`, colour: "red" }, /colour/],
      [{ name: `x ${run}`, metadata: "no" }, /metadata/],
    ])
    await expectRefused(
      db,
      "customer_group_customer",
      (body) => raw("POST", `/admin/customer-groups/${first.id}/customers`, body),
      [
        [{ add: "cus_1" }, /add/],
        [{ add: [5] }, /add/],
        [{ delete: [] }, /delete/],
      ],
    )

    for (const [method, path] of [
      ["GET", "/admin/customer-groups/cusgroup_missing"],
      ["POST", "/admin/customer-groups/cusgroup_missing"],
      ["DELETE", "/admin/customer-groups/cusgroup_missing"],
      ["POST", "/admin/customer-groups/cusgroup_missing/customers"],
    ] as const) {
      const res = await raw(method, path, method === "POST" ? {} : undefined)
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.body.message).toBe("Customer group with id: cusgroup_missing was not found")
    }
    const noCustomer = await raw("POST", "/admin/customers/cus_missing/customer-groups", { add: [first.id] })
    expect(noCustomer.status).toBe(404)
  })
})
