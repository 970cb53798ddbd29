import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { buildWorker, ROOT } from "../scripts/lib/build"
import { createAdminUser } from "../scripts/lib/create-user"
import { registrySource } from "../scripts/lib/generate-registry"
import { runMigrations } from "../scripts/lib/migrate"
import { searchPathSchema } from "../src/config"
import pluginAppConfig from "./fixtures/plugin-app/medusa.config"
import { testConfig } from "./helpers/services"
import { startWorker, type TestWorker } from "./helpers/worker"

const PLUGIN = "./test/fixtures/plugins/example"
/** Files as Medusa's docs write them: v2 (functions and their config) and v1 (classes built with the cradle). */
const MEDUSA_V2 = "./test/fixtures/plugins/medusa-v2"
const MEDUSA_V1 = "./test/fixtures/plugins/medusa-v1"
const run = Date.now().toString(36)
let worker: TestWorker
let db: pg.Client
const migrationLines: string[] = []

beforeAll(async () => {
  const { bundle } = await buildWorker({
    quiet: true,
    entry: "test/fixtures/plugin-app/worker.ts",
    outdir: "dist-plugin",
    config: pluginAppConfig,
    registryFile: `${ROOT}test/fixtures/plugin-app/registry.generated.ts`,
  })
  const url = inject("databaseUrl")
  await runMigrations(url, searchPathSchema(url), (line) => migrationLines.push(line), [PLUGIN, MEDUSA_V2, MEDUSA_V1])
  worker = await startWorker({}, { bundle })
  db = new pg.Client({ connectionString: url })
  await db.connect()
}, 120_000)
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

const key = () => ({ "x-publishable-api-key": inject("demoKey") })
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> })
const visits = async (prefix: string) =>
  (await db.query("select name from example_plugin_visit where name like $1 order by id", [`${prefix}%`])).rows.map(
    (r) => r.name,
  )
const notes = async (table: "medusa_v2_note" | "medusa_v1_note", prefix: string) =>
  (await db.query(`select name from ${table} where name like $1 order by id`, [`${prefix}%`])).rows.map(
    (r) => r.name as string,
  )
const newCustomer = async (email: string) => {
  const register = await json(
    await worker.fetch("/auth/customer/emailpass/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "pw" }),
    }),
  )
  const created = await json(
    await worker.fetch("/store/customers", {
      method: "POST",
      headers: { ...key(), "content-type": "application/json", authorization: `Bearer ${register.body.token}` },
      body: JSON.stringify({ email }),
    }),
  )
  return created.body.customer.id as string
}

describe("a plugin loaded through medusa.config.ts with options", () => {
  test("its migration is applied by npm run migrate's code, once", async () => {
    expect(migrationLines).toContain(`migrations: applying plugin ${PLUGIN} 0001_visits.sql`)
    const again: string[] = []
    await runMigrations(inject("databaseUrl"), "public", (line) => again.push(line), [PLUGIN])
    expect(again.some((line) => line.includes("applying"))).toBe(false)
  })

  test("its store route gets the publishable-key check, and its options", async () => {
    expect((await worker.fetch("/store/example/greeting")).status).toBe(400)
    expect(await json(await worker.fetch("/store/example/greeting", { headers: key() }))).toEqual({
      status: 200,
      body: { greeting: "Hello from the example plugin" },
    })
  })

  test("its input is validated: a bad body is a 400 naming the field, and nothing is stored", async () => {
    const post = (body: unknown) =>
      worker.fetch("/store/example/visits", {
        method: "POST",
        headers: { ...key(), "content-type": "application/json" },
        body: JSON.stringify(body),
      })
    expect(await json(await post({}))).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: expect.stringMatching(/^name: /) },
    })
    expect(await json(await post({ name: `visit-${run}`, admin: true }))).toMatchObject({
      status: 400,
      body: { message: "Unrecognized fields: 'admin'" },
    })
    expect(await visits(`visit-${run}`)).toEqual([])
    expect(await json(await post({ name: `visit-${run}` }))).toMatchObject({
      status: 200,
      body: { visit: { name: `visit-${run}` } },
    })
    const listed = await json(await worker.fetch(`/store/example/visits?prefix=visit-${run}`, { headers: key() }))
    expect(listed.body.visits.map((v: { name: string }) => v.name)).toEqual([`visit-${run}`])
  })

  test("a route may raise its body limit (bodyLimit, as Medusa's bodyParser.sizeLimit); every other route keeps 1 MiB", async () => {
    const post = (path: string, size: number) =>
      worker.fetch(path, {
        method: "POST",
        headers: { ...key(), "content-type": "application/json" },
        body: JSON.stringify({ data: "x".repeat(size) }),
      })
    const twoMb = 2 * 1024 * 1024
    expect(await json(await post("/store/example/upload", twoMb))).toEqual({ status: 200, body: { received: twoMb } })
    expect(await json(await post("/store/example/upload", 4 * 1024 * 1024))).toEqual({
      status: 413,
      body: { type: "invalid_data", message: "The request body is larger than 3145728 bytes" },
    })
    expect(await json(await post("/store/example/visits", twoMb))).toEqual({
      status: 413,
      body: { type: "invalid_data", message: "The request body is larger than 1048576 bytes" },
    })
  })

  test("a route file may export a Hono router, mounted at its path behind the same checks", async () => {
    expect((await worker.fetch("/store/example/router/ada")).status).toBe(400)
    expect(await json(await worker.fetch("/store/example/router/ada", { headers: key() }))).toEqual({
      status: 200,
      body: { hello: "ada" },
    })
    expect(await json(await worker.fetch("/store/example/router", { headers: key() }))).toEqual({
      status: 200,
      body: { router: true },
    })
  })

  test("its admin route needs an admin; its public route needs nothing", async () => {
    expect((await worker.fetch("/admin/example/stats")).status).toBe(401)
    await createAdminUser(testConfig(), { email: `plugin-admin-${run}@example.com`, password: "pw" })
    const login = await json(
      await worker.fetch("/auth/user/emailpass", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `plugin-admin-${run}@example.com`, password: "pw" }),
      }),
    )
    const stats = await json(
      await worker.fetch("/admin/example/stats", { headers: { authorization: `Bearer ${login.body.token}` } }),
    )
    expect(stats.status).toBe(200)
    expect(stats.body.visits).toBeGreaterThanOrEqual(1)
    expect(await json(await worker.fetch("/example-public"))).toEqual({ status: 200, body: { public: true } })
    expect(
      (await worker.fetch("/admin/hello", { headers: { authorization: `Bearer ${login.body.token}` } })).status,
    ).toBe(200)
  })

  test("services live in the request's scope: 20 concurrent requests never share one", async () => {
    const results = await Promise.all(
      Array.from(
        { length: 20 },
        async () => (await json(await worker.fetch("/store/example/scope", { headers: key() }))).body,
      ),
    )
    for (const result of results) expect(result).toMatchObject({ same: true, calls: 2 })
    expect(new Set(results.map((r) => r.instance)).size).toBe(20)
    expect(new Set(results.map((r) => r.requestId)).size).toBe(20)
  })

  test("its subscriber runs on the event and its job on its schedule", async () => {
    const customer = await newCustomer(`plugin-${run}@example.com`)
    await expect.poll(() => visits(`customer:${customer}`), { timeout: 10_000 }).toEqual([`customer:${customer}`])
    const before = (await visits("heartbeat")).length
    await worker.scheduled("*/5 * * * *")
    await expect.poll(async () => (await visits("heartbeat")).length, { timeout: 10_000 }).toBe(before + 1)
  })
})

describe("a project's files written for Medusa, unchanged", () => {
  const ping = (name: string) => worker.fetch(`/store/medusa-v2/pings/${name}`, { method: "POST", headers: key() })

  test("v2: a route typed from @medusajs/framework/http emits an event; MedusaError from /utils is the API's error", async () => {
    expect(await json(await ping(`p-${run}`))).toEqual({ status: 202, body: { pinged: `p-${run}` } })
    expect(await json(await ping("x".repeat(61)))).toEqual({
      status: 400,
      body: { type: "invalid_data", message: "A ping's name has 1 to 60 characters" },
    })
  })

  test("v2 and v1 subscribers run on the route's custom event and on a core one (customer.created)", async () => {
    expect((await ping(`both-${run}`)).status).toBe(202)
    const customer = await newCustomer(`medusa-style-${run}@example.com`)
    // v2: `{ event: { name, data }, container, pluginOptions }`; v1: handler(data, eventName), its service from the cradle.
    await expect
      .poll(() => notes("medusa_v2_note", "v2:"), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([`v2:medusa-v2.pinged:both-${run}`, `v2:customer.created:${customer}`]))
    await expect
      .poll(() => notes("medusa_v1_note", "v1:"), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([`v1:medusa-v2.pinged:both-${run}`, `v1:customer:${customer}`]))
    expect(await notes("medusa_v2_note", `v2:medusa-v2.pinged:both-${run}`)).toHaveLength(1)
    expect(await notes("medusa_v1_note", `v1:customer:${customer}`)).toHaveLength(1)
  })

  test("a v2 subscriber's id is its config's subscriberId, a v1 one's its file name (their webhooks exist; unsigned is 401)", async () => {
    const hook = async (id: string) =>
      (await worker.fetch(`/hooks/subscribers/${id}`, { method: "POST", body: "{}" })).status
    expect(await hook("medusa-v2-notes")).toBe(401)
    expect(await hook("notebook-subscriber")).toBe(401)
    expect(await hook("note-pings")).toBe(404)
  })

  test("a v2 job (a function of the container, and its config) runs on its schedule", async () => {
    const before = (await notes("medusa_v2_note", "job:medusa-v2-nightly")).length
    await worker.scheduled("0 0 * * *")
    await expect
      .poll(async () => (await notes("medusa_v2_note", "job:medusa-v2-nightly")).length, { timeout: 10_000 })
      .toBe(before + 1)
  })

  test("a v1 service extending TransactionBaseService resolves from a route, with its cradle's services and its options", async () => {
    const storeName = (await db.query("select name from store where deleted_at is null order by created_at limit 1"))
      .rows[0]?.name
    expect(storeName).toEqual(expect.any(String))
    expect(await json(await worker.fetch("/store/medusa-v1/notebook", { headers: key() }))).toEqual({
      status: 200,
      body: { prefix: "v1", store_name: storeName, admin_path: "/app", same: true },
    })
  })
})

describe("modules", () => {
  test("a cache module from a local path replaces the built-in one, with its options", async () => {
    expect(await json(await worker.fetch("/store/example/cache", { headers: key() }))).toEqual({
      status: 200,
      body: { tag: "project cache", value: { hits: 1 } },
    })
  })
})

describe("loading plugins at build time", () => {
  test("a missing or empty plugin stops the build, naming the plugin and the reason", async () => {
    expect(() => registrySource({ plugins: ["./test/fixtures/plugins/missing"], warn: () => {} })).toThrow(
      "Plugin ./test/fixtures/plugins/missing could not be loaded: no folder at test/fixtures/plugins/missing",
    )
    expect(() => registrySource({ plugins: ["./test/fixtures/plugins/empty"], warn: () => {} })).toThrow(
      "Plugin ./test/fixtures/plugins/empty could not be loaded: it has none of src/api, src/services, src/subscribers, src/jobs or migrations",
    )
    const config = { projectConfig: {}, plugins: ["medusa-plugin-not-installed"] }
    await expect(
      buildWorker({ quiet: true, config, registryFile: join(mkdtempSync(join(tmpdir(), "reg-")), "r.ts") }),
    ).rejects.toThrow(
      /^Plugin medusa-plugin-not-installed could not be loaded: no folder at node_modules\/medusa-plugin-not-installed/,
    )
  })

  test("the project's own files win over a plugin's on a name clash, with a warning", () => {
    const project = mkdtempSync(join(tmpdir(), "project-"))
    mkdirSync(join(project, "src", "services"), { recursive: true })
    writeFileSync(join(project, "src", "services", "exampleGreeter.ts"), "export default class {}\n")
    const warnings: string[] = []
    const source = registrySource({
      root: project,
      plugins: [join(ROOT, "test/fixtures/plugins/example")],
      warn: (w) => warnings.push(w),
      outFile: join(project, "src", "registry.generated.ts"),
    })
    expect(warnings).toEqual([
      expect.stringMatching(
        /^service exampleGreeterService of plugin .*example is ignored: the project provides it too and wins$/,
      ),
    ])
    expect(source).toContain('{ name: "exampleGreeterService", factory: service')
    expect(source.match(/exampleGreeterService/g)).toHaveLength(1)
    expect(source).toContain('import service0 from "./services/exampleGreeter"')
  })
})
