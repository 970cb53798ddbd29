import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"
import * as extensions from "../src/registry.generated"
import { adminToken } from "./helpers/admin"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>

// Seeded and bounded: the same hostile requests every run, a few per route, so CI stays quick.
const SEED = 20261202
const RUNS_PER_ROUTE = 4

let worker: TestWorker
let admin: string

beforeAll(async () => {
  worker = await startWorker()
  admin = await adminToken(worker, `fuzz-${Date.now()}@example.com`)
})
afterAll(() => worker?.dispose())

// Strings an attacker or a broken client sends: NUL, prototype names, huge, unicode, SQL, operators, numbers as text.
const hostileString = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "__proto__", "constructor", "toString", "prototype", "' or 1=1 --", "title;drop table product", "$gte", "null", "-1", "1e309", "😀".repeat(50), "x".repeat(5000), ""),
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
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "metadata", "id")), tie("value"), { maxKeys: 4 }),
  ),
})).value
const queryKeys = fc.constantFrom("fields", "order", "limit", "offset", "q", "id", "created_at[$gte]", "created_at[$foo]", "region_id", "handle", "status", "__proto__", "expand")

// Always tried on every route, besides the generated ones: what attackers try first.
const NUL = "a\u0000b"
const KNOWN_HOSTILE: [[string, string][], unknown][] = [
  [[["fields", "__proto__"]], {}],
  [[["fields", "constructor.prototype,*toString"]], {}],
  [[["q", NUL], ["id", NUL]], {}],
  [[["order", "title;drop table product"], ["limit", "-1"], ["offset", "1e309"]], {}],
  [[["created_at[$gte]", "notadate"]], { title: NUL, name: NUL, email: NUL, region_id: NUL, handle: NUL, code: NUL, metadata: { [NUL]: NUL } }],
  // Parsed, so that "__proto__" is an own key as it arrives in a request, not the literal's prototype.
  [[], JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}, "metadata": {"__proto__": {"x": 1}}}')],
  [[], { metadata: "x".repeat(10_000) }],
  [[], "not an object"],
  [[], [1, 2, 3]],
  [[], null],
]

describe("every route of the app's route table, given hostile bodies and queries", () => {
  const app = createApp(resolveConfig({ projectConfig: { database_url: "postgres://u:p@localhost/db" } }), extensions)
  const routes = [...new Map(app.routes.filter((r) => /^\/(store|admin|auth)\//.test(r.path) && r.method !== "ALL").map((r) => [`${r.method} ${r.path}`, r])).values()]

  test("answers with a JSON { type, message } and never a 5xx", async () => {
    expect(routes.length).toBeGreaterThan(150)
    for (const route of routes) {
      const path = route.path.replace(/:\w+/g, "x_fuzz").replace(/\/\*$/, "")
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(queryKeys, hostileString), { maxLength: 4 }), hostileValue, async (query, body) => {
          const search = new URLSearchParams(query).toString()
          const res = await worker.fetch(`${path}${search ? `?${search}` : ""}`, {
            method: route.method,
            headers: { authorization: `Bearer ${admin}`, "x-publishable-api-key": inject("demoKey"), "content-type": "application/json" },
            body: route.method === "GET" || route.method === "DELETE" ? undefined : JSON.stringify(body),
          })
          const text = await res.text()
          if (res.status >= 500) throw new Error(`${route.method} ${path}?${search} → ${res.status} ${text.slice(0, 300)} (body ${JSON.stringify(body)?.slice(0, 200)})`)
          if (res.status >= 400) {
            const json = JSON.parse(text) as Json
            expect(typeof json.type === "string" && typeof json.message === "string").toBe(true)
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true, examples: KNOWN_HOSTILE },
      )
    }
  }, 240_000)
})
