import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"
import * as extensions from "../src/registry.generated"
import { adminToken, expectRefused } from "./helpers/admin"
import { sqlStatements, startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>
const run = Date.now().toString(36)
let worker: TestWorker
let db: pg.Client
let admin: string
let customer: string

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await worker.fetch(path, {
    method,
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}
const asAdmin = (method: string, path: string, body?: unknown) => call(method, path, { token: admin, body })

beforeAll(async () => {
  worker = await startWorker()
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  admin = await adminToken(worker, `settings-${run}@example.com`)
  const registered = await call("POST", "/auth/customer/emailpass/register", {
    body: { email: `shopper-${run}@example.com`, password: "pw" },
  })
  await call("POST", "/store/customers", {
    token: registered.body.token,
    body: { email: `shopper-${run}@example.com` },
    headers: { "x-publishable-api-key": inject("demoKey") },
  })
  customer = (
    await call("POST", "/auth/customer/emailpass", { body: { email: `shopper-${run}@example.com`, password: "pw" } })
  ).body.token
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

describe("the whole admin route table", () => {
  // Generated from the router itself, so a new admin route cannot be left unguarded.
  const app = createApp(resolveConfig({ projectConfig: { database_url: "postgres://u:p@localhost/db" } }), extensions)
  const routes = [
    ...new Map(
      app.routes
        .filter((r) => r.path.startsWith("/admin") && r.method !== "ALL")
        .map((r) => [`${r.method} ${r.path}`, r]),
    ).values(),
  ]

  test("lists every admin route", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20)
  })

  // What the dashboard's login page reads before anyone logs in: public, as in Medusa, and no list.
  const PUBLIC = ["/admin/feature-flags"]

  test("every admin route: 401 without a token, 403 with a customer's (the public ones answer anyone)", async () => {
    for (const path of PUBLIC) expect((await call("GET", path)).status).toBe(200)
    for (const route of routes.filter((r) => !PUBLIC.includes(r.path))) {
      const path = route.path.replace(/:\w+/g, "x").replace(/\/\*$/, "")
      const anonymous = await call(route.method, path, { body: route.method === "GET" ? undefined : {} })
      expect([route.method, route.path, anonymous.status]).toEqual([route.method, route.path, 401])
      const shopper = await call(route.method, path, { token: customer, body: route.method === "GET" ? undefined : {} })
      expect([route.method, route.path, shopper.status]).toEqual([route.method, route.path, 403])
    }
  })

  test("every admin route given malformed input answers a JSON 4xx, never a 500", async () => {
    // The project's example route (src/api/admin/hello) takes no input, so it has nothing to refuse.
    for (const route of routes.filter((r) => !r.path.startsWith("/admin/hello"))) {
      const path = route.path.replace(/:\w+/g, "x_missing").replace(/\/\*$/, "")
      const res =
        route.method === "GET"
          ? await worker.fetch(`${path}?limit=abc&fields=${"a.".repeat(20)}b&order=nope`, {
              headers: { authorization: `Bearer ${admin}` },
            })
          : await worker.fetch(path, {
              method: route.method,
              headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
              body: '{"broken": ',
            })
      const body = (await res.json()) as Json
      expect([route.method, route.path, res.status >= 400 && res.status < 500]).toEqual([
        route.method,
        route.path,
        true,
      ])
      expect(typeof body.type === "string" && typeof body.message === "string").toBe(true)
    }
  })

  test("every admin list costs about the same number of SQL statements for 1 row as for 50 (no N+1)", async () => {
    const lists = routes.filter(
      (r) =>
        r.method === "GET" &&
        !r.path.includes(":") &&
        r.path !== "/admin/users/me" &&
        !r.path.startsWith("/admin/hello") &&
        !PUBLIC.includes(r.path),
    )
    expect(lists.length).toBeGreaterThanOrEqual(15)
    let rowsSeen = 0
    for (const route of lists) {
      const page = async (limit: number) => {
        const res = await worker.fetch(`${route.path}?limit=${limit}`, {
          headers: { authorization: `Bearer ${admin}` },
        })
        expect([route.path, res.status]).toEqual([route.path, 200])
        const body = (await res.json()) as Json
        const rows = Object.values(body).find(Array.isArray) as unknown[]
        return { statements: sqlStatements(res), rows: rows.length }
      }
      const one = await page(1)
      const fifty = await page(50)
      rowsSeen += fifty.rows
      // A relation with no rows on the small page is skipped, so a few more statements are fine; one per row is not.
      expect([route.path, fifty.statements <= one.statements + 3]).toEqual([route.path, true])
    }
    expect(rowsSeen).toBeGreaterThan(30)
  })
})

describe("/admin/regions", () => {
  test("create, read, update, delete; countries move between regions; tax-inclusive prices", async () => {
    const created = await asAdmin("POST", "/admin/regions", {
      name: `Islands ${run}`,
      currency_code: "EUR",
      countries: ["mt", "cy"],
      payment_providers: ["pp_system_default"],
      is_tax_inclusive: true,
      metadata: { source: "test" },
    })
    expect(created.status).toBe(200)
    const region = created.body.region
    expect(region).toMatchObject({
      name: `Islands ${run}`,
      currency_code: "eur",
      automatic_taxes: true,
      metadata: { source: "test" },
    })
    expect(region.countries.map((c: Json) => c.iso_2)).toEqual(["cy", "mt"])
    expect(region.payment_providers).toEqual([expect.objectContaining({ id: "pp_system_default" })])
    expect(
      (
        await db.query("select is_tax_inclusive from price_preference where attribute = 'region_id' and value = $1", [
          region.id,
        ])
      ).rows,
    ).toEqual([{ is_tax_inclusive: true }])

    const clash = await asAdmin("POST", "/admin/regions", { name: "Other", currency_code: "eur", countries: ["mt"] })
    expect(clash.status).toBe(400)
    expect(clash.body.message).toMatch(/"mt" do not exist or are already assigned to a region/)

    const updated = await asAdmin("POST", `/admin/regions/${region.id}`, { name: `Malta ${run}`, countries: ["mt"] })
    expect(updated.body.region).toMatchObject({ name: `Malta ${run}` })
    expect(updated.body.region.countries.map((c: Json) => c.iso_2)).toEqual(["mt"])
    const cyprus = await asAdmin("POST", "/admin/regions", {
      name: `Cyprus ${run}`,
      currency_code: "eur",
      countries: ["cy"],
    })
    expect(cyprus.status).toBe(200)

    const listed = await asAdmin("GET", `/admin/regions?q=${run}&order=name`)
    expect(listed.body.regions.map((r: Json) => r.name)).toEqual([`Cyprus ${run}`, `Malta ${run}`])

    expect((await asAdmin("DELETE", `/admin/regions/${region.id}`)).body).toEqual({
      id: region.id,
      object: "region",
      deleted: true,
    })
    expect((await asAdmin("GET", `/admin/regions/${region.id}`)).status).toBe(404)
    expect((await db.query("select region_id from region_country where iso_2 = 'mt'")).rows).toEqual([
      { region_id: null },
    ])
    const { rows } = await db.query("select name from event_outbox where data->>'id' = $1 order by created_at, id", [
      region.id,
    ])
    expect(rows.map((r) => r.name)).toEqual(["region.created", "region.updated", "region.deleted"])
  })

  test("bad bodies are a 400 naming the field, and nothing is stored", async () => {
    await expectRefused(db, "region", (body) => asAdmin("POST", "/admin/regions", body), [
      [{ name: "X", currency_code: "euro" }, /^currency_code: must be an ISO 4217 code$/],
      [{ currency_code: "eur" }, /^name: /],
      [{ name: "X", currency_code: "eur", countries: ["mars"] }, /^countries\.0: must be an ISO 3166-1 alpha-2 code$/],
      [{ name: "X", currency_code: "eur", tax_rate: 20 }, /^Unrecognized fields: 'tax_rate'$/],
      [{ name: 7, currency_code: "eur" }, /^name: /],
    ])
  })
})

describe("/admin/sales-channels and /admin/api-keys", () => {
  test("a new channel and key: products added are sold through the key, removed ones vanish, a revoked key stops working", async () => {
    const channel = (
      await asAdmin("POST", "/admin/sales-channels", { name: `Pop-up ${run}`, description: "A pop-up shop" })
    ).body.sales_channel
    expect(channel).toMatchObject({ name: `Pop-up ${run}`, is_disabled: false })
    const key = (await asAdmin("POST", "/admin/api-keys", { title: `Pop-up key ${run}`, type: "publishable" })).body
      .api_key
    expect(key.token).toMatch(/^pk_[0-9a-f]{64}$/)
    const linked = await asAdmin("POST", `/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] })
    expect(linked.body.api_key.sales_channels).toEqual([
      expect.objectContaining({ id: channel.id, name: `Pop-up ${run}`, description: "A pop-up shop" }),
    ])
    const slim = await asAdmin("GET", `/admin/api-keys/${linked.body.api_key.id}?fields=id,title,sales_channels.name`)
    expect(slim.body.api_key).toEqual({
      id: linked.body.api_key.id,
      title: linked.body.api_key.title,
      sales_channels: [{ id: channel.id, name: `Pop-up ${run}` }],
    })
    expect((await asAdmin("POST", `/admin/api-keys/${key.id}/sales-channels`, { add: ["sc_missing"] })).status).toBe(
      404,
    )

    const store = (path: string) => call("GET", path, { headers: { "x-publishable-api-key": key.token } })
    expect((await store("/store/products?fields=handle")).body.count).toBe(0)
    const demo = (
      await call("GET", "/store/products?handle=shorts&fields=id", {
        headers: { "x-publishable-api-key": inject("demoKey") },
      })
    ).body.products[0]
    expect((await asAdmin("POST", `/admin/sales-channels/${channel.id}/products`, { add: [demo.id] })).status).toBe(200)
    expect((await store("/store/products?fields=handle")).body.products.map((p: Json) => p.handle)).toEqual(["shorts"])
    await asAdmin("POST", `/admin/sales-channels/${channel.id}/products`, { remove: [demo.id] })
    expect((await store("/store/products?fields=handle")).body.count).toBe(0)
    expect(
      (await asAdmin("POST", `/admin/sales-channels/${channel.id}/products`, { add: ["prod_missing"] })).status,
    ).toBe(404)

    const renamed = await asAdmin("POST", `/admin/sales-channels/${channel.id}`, { name: `Pop-up 2 ${run}` })
    expect(renamed.body.sales_channel.name).toBe(`Pop-up 2 ${run}`)
    expect((await asAdmin("GET", `/admin/sales-channels?q=${run}`)).body.sales_channels.map((c: Json) => c.id)).toEqual(
      [channel.id],
    )

    const revoked = await asAdmin("POST", `/admin/api-keys/${key.id}/revoke`)
    expect(revoked.body.api_key.revoked_at).not.toBeNull()
    expect((await store("/store/regions")).status).toBe(400)
    expect((await asAdmin("DELETE", `/admin/sales-channels/${channel.id}`)).body).toEqual({
      id: channel.id,
      object: "sales-channel",
      deleted: true,
    })
  })

  test("a secret key's token is shown once and stored only as a hash", async () => {
    const created = (await asAdmin("POST", "/admin/api-keys", { title: `CI ${run}`, type: "secret" })).body.api_key
    expect(created.token).toMatch(/^sk_[0-9a-f]{64}$/)
    expect(created.redacted).toBe(`${created.token.slice(0, 6)}***${created.token.slice(-3)}`)
    expect((await asAdmin("GET", `/admin/api-keys/${created.id}`)).body.api_key.token).toBe("")
    const stored = (await db.query("select token from api_key where id = $1", [created.id])).rows[0].token
    expect(stored).not.toContain(created.token)
    expect(stored).toMatch(/^[0-9a-f]{64}$/)
    expect((await asAdmin("GET", "/admin/api-keys?type=secret")).body.api_keys.map((k: Json) => k.id)).toContain(
      created.id,
    )
    expect((await asAdmin("POST", "/admin/api-keys", { title: "x", type: "other" })).status).toBe(400)
  })
})
