import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { startWorker, type TestWorker } from "./helpers/worker"

let worker: TestWorker
beforeAll(async () => {
  worker = await startWorker({
    STORE_CORS: "http://shop.test,/^https:\\/\\/[a-z0-9-]+\\.preview\\.test$/",
    ADMIN_CORS: "http://admin.test",
  })
})
afterAll(() => worker?.dispose())

const corsHeaders = (res: Response) => {
  const names: string[] = []
  res.headers.forEach((_, name) => {
    if (name.startsWith("access-control-")) names.push(name)
  })
  return names.sort()
}

describe("the Worker in workerd", () => {
  test("GET /health checks the database and answers ok", async () => {
    const res = await worker.fetch("/health")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ status: "ok" })
    expect(res.headers.get("x-sql-statements")).toBe("1")
  })

  test("every response carries a request id, and a given one is kept", async () => {
    const generated = await worker.fetch("/health")
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
    const given = await worker.fetch("/health", { headers: { "x-request-id": "trace-123" } })
    expect(given.headers.get("x-request-id")).toBe("trace-123")
  })

  test("an unknown route is a JSON 404 in Medusa's error shape, without touching the database", async () => {
    const res = await worker.fetch("/nothing-here?x=1", { method: "POST" })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ type: "not_found", message: "Cannot POST /nothing-here" })
    expect(res.headers.get("x-sql-statements")).toBeNull()
  })

  test("an unknown store route with a valid key is a JSON 404 too", async () => {
    const res = await worker.fetch("/store/nothing-here", { headers: { "x-publishable-api-key": inject("demoKey") } })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ type: "not_found", message: "Cannot GET /store/nothing-here" })
  })
})

describe("CORS in workerd", () => {
  test("store routes answer store_cors origins, exact and by regex, with credentials", async () => {
    for (const origin of ["http://shop.test", "https://pr-12.preview.test"]) {
      const res = await worker.fetch("/store/anything", { headers: { origin } })
      expect(res.headers.get("access-control-allow-origin")).toBe(origin)
      expect(res.headers.get("access-control-allow-credentials")).toBe("true")
    }
  })

  test("a store origin is not an admin origin, and vice versa", async () => {
    const adminFromShop = await worker.fetch("/admin/products", { headers: { origin: "http://shop.test" } })
    expect(corsHeaders(adminFromShop)).toEqual([])
    const storeFromAdmin = await worker.fetch("/store/products", { headers: { origin: "http://admin.test" } })
    expect(corsHeaders(storeFromAdmin)).toEqual([])
  })

  test("/auth accepts both lists by default", async () => {
    for (const origin of ["http://shop.test", "http://admin.test"]) {
      const res = await worker.fetch("/auth/customer/emailpass", { headers: { origin } })
      expect(res.headers.get("access-control-allow-origin")).toBe(origin)
    }
  })

  test("a preflight is answered with the requested headers echoed", async () => {
    const res = await worker.fetch("/store/carts", {
      method: "OPTIONS",
      headers: {
        origin: "http://shop.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-publishable-api-key,authorization",
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get("access-control-allow-origin")).toBe("http://shop.test")
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type,x-publishable-api-key,authorization")
    expect(res.headers.get("access-control-allow-methods")).toContain("POST")
    expect(res.headers.get("access-control-allow-credentials")).toBe("true")
  })

  test("an unknown origin gets no CORS headers, even on a preflight", async () => {
    const plain = await worker.fetch("/store/products", { headers: { origin: "https://evil.test" } })
    const preflight = await worker.fetch("/store/carts", {
      method: "OPTIONS",
      headers: { origin: "https://pr-1.preview.test.evil.test", "access-control-request-method": "POST" },
    })
    expect(corsHeaders(plain)).toEqual([])
    expect(corsHeaders(preflight)).toEqual([])
  })

  test("routes outside /store, /admin and /auth have no CORS", async () => {
    const res = await worker.fetch("/health", { headers: { origin: "http://shop.test" } })
    expect(corsHeaders(res)).toEqual([])
  })
})
