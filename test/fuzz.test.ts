import fc from "fast-check"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { runMigrations } from "../scripts/lib/migrate"
import { seedIfEmpty } from "../scripts/lib/seed"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"
import * as extensions from "../src/registry.generated"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

// Seeded and bounded: the same hostile requests every run, a few per route, so CI stays quick.
const SEED = 20261202
const RUNS_PER_ROUTE = 4

let worker: TestWorker
let admin: string
let publishableKey: string
let db: pg.Client
let fingerprint: () => Promise<string>
const DATABASE = `medusa_fuzz_${Date.now().toString(36)}`

/**
 * A database of its own (migrated and seeded like the demo store), so that no other test file
 * writes where this one checks that a refused request wrote nothing.
 */
beforeAll(async () => {
  const url = new URL(inject("databaseUrl"))
  const server = new pg.Client({ connectionString: url.toString() })
  await server.connect()
  await server.query(`create database "${DATABASE}"`)
  await server.end()
  url.pathname = `/${DATABASE}`
  const config = resolveConfig({ projectConfig: { database_url: url.toString() } }, {
    ...inject("databaseBindings"),
    DATABASE_URL: url.toString(),
  } as Record<string, string>)
  await runMigrations(url.toString(), "public", () => {})
  publishableKey = (await seedIfEmpty(config, () => {})).publishableKey!
  worker = await startWorker({ DATABASE_URL: url.toString() })
  await createAdminUser(config, { email: "fuzz@example.com", password: "fuzz-pw" })
  const login = await worker.fetch("/auth/user/emailpass", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "fuzz@example.com", password: "fuzz-pw" }),
  })
  admin = ((await login.json()) as Json).token
  db = new pg.Client({ connectionString: url.toString() })
  await db.connect()
  // Every table's row count and newest row version (xmin): any insert, update or delete changes it.
  const tables = (
    await db.query(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )
  ).rows.map((r) => r.table_name as string)
  // One array of per-table pairs (a function takes at most 100 arguments, the schema has more tables).
  const sql = `select array[${tables.map((t) => `(select array[count(*), coalesce(max(xmin::text::bigint), 0)] from "${t}")`).join(", ")}]::text as state`
  fingerprint = async () => (await db.query(sql)).rows[0].state
}, 120_000)
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

/** The fingerprint once work a success left running (subscribers after the response) has settled. */
async function settled(): Promise<string> {
  let last = await fingerprint()
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    const now = await fingerprint()
    if (now === last) return now
    last = now
  }
  return last
}

// Strings an attacker or a broken client sends: NUL, prototype names, huge, unicode, SQL, operators, numbers as text.
const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "__proto__",
    "constructor",
    "toString",
    "prototype",
    "' or 1=1 --",
    "title;drop table product",
    "$gte",
    "null",
    "-1",
    "1e309",
    "😀".repeat(50),
    "x".repeat(5000),
    "",
  ),
  fc.string({ maxLength: 40 }),
)
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "metadata", "id")),
      tie("value"),
      { maxKeys: 4 },
    ),
  ),
})).value
const queryKeys = fc.constantFrom(
  "fields",
  "order",
  "limit",
  "offset",
  "q",
  "id",
  "created_at[$gte]",
  "created_at[$foo]",
  "region_id",
  "handle",
  "status",
  "__proto__",
  "expand",
)

// Always tried on every route, besides the generated ones: what attackers try first.
const NUL = "a\u0000b"
const KNOWN_HOSTILE: [[string, string][], unknown][] = [
  [[["fields", "__proto__"]], {}],
  [[["fields", "constructor.prototype,*toString"]], {}],
  [
    [
      ["q", NUL],
      ["id", NUL],
    ],
    {},
  ],
  [
    [
      ["order", "title;drop table product"],
      ["limit", "-1"],
      ["offset", "1e309"],
    ],
    {},
  ],
  [
    [["created_at[$gte]", "notadate"]],
    { title: NUL, name: NUL, email: NUL, region_id: NUL, handle: NUL, code: NUL, metadata: { [NUL]: NUL } },
  ],
  // Parsed, so that "__proto__" is an own key as it arrives in a request, not the literal's prototype.
  [
    [],
    JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}, "metadata": {"__proto__": {"x": 1}}}'),
  ],
  [[], { metadata: "x".repeat(10_000) }],
  [[], "not an object"],
  [[], [1, 2, 3]],
  [[], null],
]

describe("every route of the app's route table, given hostile bodies and queries", () => {
  const app = createApp(resolveConfig({ projectConfig: { database_url: "postgres://u:p@localhost/db" } }), extensions)
  const routes = [
    ...new Map(
      app.routes
        .filter((r) => /^\/(store|admin|auth)\//.test(r.path) && r.method !== "ALL")
        .map((r) => [`${r.method} ${r.path}`, r]),
    ).values(),
  ]

  test("answers with a JSON { type, message }, never a 5xx, and a refused request stores nothing", async () => {
    expect(routes.length).toBeGreaterThan(150)
    let refused = 0
    let sent = 0
    let before = await settled()
    for (const route of routes) {
      const path = route.path.replace(/:\w+/g, "x_fuzz").replace(/\/\*$/, "")
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(queryKeys, hostileString), { maxLength: 4 }),
          hostileValue,
          async (query, body) => {
            const search = new URLSearchParams(query).toString()
            const res = await worker.fetch(`${path}${search ? `?${search}` : ""}`, {
              method: route.method,
              headers: {
                authorization: `Bearer ${admin}`,
                "x-publishable-api-key": publishableKey,
                "content-type": "application/json",
              },
              body: route.method === "GET" || route.method === "DELETE" ? undefined : JSON.stringify(body),
            })
            const text = await res.text()
            sent++
            if (res.status >= 500)
              throw new Error(
                `${route.method} ${path}?${search} → ${res.status} ${text.slice(0, 300)} (body ${JSON.stringify(body)?.slice(0, 200)})`,
              )
            if (res.status >= 400) {
              const json = JSON.parse(text) as Json
              expect(typeof json.type === "string" && typeof json.message === "string").toBe(true)
              refused++
              const after = await fingerprint()
              if (after !== before)
                throw new Error(
                  `${route.method} ${path}?${search} → ${res.status} changed the database (body ${JSON.stringify(body)?.slice(0, 200)})`,
                )
            } else before = await settled()
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true, examples: KNOWN_HOSTILE },
      )
    }
    // Most of these requests must be refused, or the check above proves little.
    expect(refused).toBeGreaterThan(sent / 2)
  }, 300_000)
})
