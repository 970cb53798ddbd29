import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createApp } from "../src/app"
import { resolveConfig } from "../src/config"
import * as extensions from "../src/registry.generated"
import { startWorker, type TestWorker } from "./helpers/worker"

interface Operation {
  parameters?: { in: string; name: string; schema?: unknown }[]
  requestBody?: { content?: Record<string, { schema?: { type?: string; properties?: Record<string, unknown> } }> }
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> }

let worker: TestWorker
let document: Document
beforeAll(async () => {
  worker = await startWorker()
  const res = await worker.fetch("/openapi.json")
  expect(res.status).toBe(200)
  document = (await res.json()) as Document
})
afterAll(() => worker?.dispose())

// The route table the Worker serves, read from the app itself (not from the document under test).
const app = createApp(resolveConfig({ projectConfig: { database_url: "postgres://u:p@localhost/db" } }), extensions)
const routes = [
  ...new Map(
    app.routes
      .filter((r) => /^\/(store|admin|auth)\//.test(r.path) && r.method !== "ALL" && !r.path.endsWith("*"))
      .map((r) => [`${r.method} ${r.path}`, r]),
  ).values(),
]
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}")
const operation = (method: string, path: string) => document.paths[openApiPath(path)]?.[method.toLowerCase()]

describe("/openapi.json, generated from the schemas that validate", () => {
  test("is OpenAPI 3.1 and holds every route of the route table with its path parameters", () => {
    expect(document.openapi).toBe("3.1.0")
    expect(routes.length).toBeGreaterThan(150)
    const missing = routes.filter((r) => !operation(r.method, r.path)).map((r) => `${r.method} ${r.path}`)
    expect(missing).toEqual([])
    const unparameterized = routes.flatMap((r) =>
      [...r.path.matchAll(/:(\w+)/g)]
        .filter(([, name]) => !operation(r.method, r.path)?.parameters?.some((p) => p.in === "path" && p.name === name))
        .map(([, name]) => `${r.method} ${r.path} (${name})`),
    )
    expect(unparameterized).toEqual([])
  })

  test("every POST declares its body: a JSON or multipart schema, or an empty object for a route that reads none", () => {
    const undeclared = routes
      .filter((r) => ["POST", "PUT", "PATCH"].includes(r.method))
      .filter((r) => {
        const content = operation(r.method, r.path)?.requestBody?.content
        return !(content?.["application/json"]?.schema ?? content?.["multipart/form-data"]?.schema)
      })
      .map((r) => `${r.method} ${r.path}`)
    expect(undeclared).toEqual([])
  })

  test("a body and a query come out as the validators declare them", () => {
    const createCart = operation("POST", "/store/carts")?.requestBody?.content?.["application/json"]?.schema
    expect(Object.keys(createCart?.properties ?? {})).toEqual(
      expect.arrayContaining(["region_id", "email", "items", "metadata"]),
    )
    const listProducts = operation("GET", "/store/products")?.parameters?.filter((p) => p.in === "query")
    expect(listProducts?.map((p) => p.name)).toEqual(expect.arrayContaining(["limit", "offset", "fields", "q"]))
  })
})

test("/docs serves the interactive reference, reading /openapi.json", async () => {
  const res = await worker.fetch("/docs")
  expect(res.status).toBe(200)
  expect(res.headers.get("content-type")).toMatch(/^text\/html/)
  expect(await res.text()).toContain("/openapi.json")
})
