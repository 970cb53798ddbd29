import { Hono } from "hono"
import { describe, expect, test } from "vitest"
import { corsFor } from "./cors"

const app = new Hono()
app.use("/store/*", corsFor(["http://shop.test", /^https:\/\/.+\.preview\.test$/]))
app.get("/store/ping", (c) => c.json({ ok: true }))

const preflight = (origin: string) =>
  app.request("/store/ping", {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, x-publishable-api-key",
    },
  })

describe("corsFor", () => {
  test("an allowed origin is echoed with credentials", async () => {
    const res = await app.request("/store/ping", { headers: { origin: "http://shop.test" } })
    expect(res.status).toBe(200)
    expect(res.headers.get("access-control-allow-origin")).toBe("http://shop.test")
    expect(res.headers.get("access-control-allow-credentials")).toBe("true")
    expect(res.headers.get("vary")).toContain("Origin")
  })

  test("a preflight from a regex-matched origin echoes the requested headers", async () => {
    const res = await preflight("https://pr-7.preview.test")
    expect(res.status).toBe(204)
    expect(res.headers.get("access-control-allow-origin")).toBe("https://pr-7.preview.test")
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type,x-publishable-api-key")
    expect(res.headers.get("access-control-allow-methods")).toContain("POST")
    expect(res.headers.get("access-control-allow-credentials")).toBe("true")
  })

  test("an unknown origin gets no CORS header, on a request or a preflight", async () => {
    for (const res of [
      await app.request("/store/ping", { headers: { origin: "http://evil.test" } }),
      await preflight("http://evil.test"),
    ]) {
      const cors: string[] = []
      res.headers.forEach((_, name) => {
        if (name.startsWith("access-control-")) cors.push(name)
      })
      expect(cors).toEqual([])
    }
    expect((await preflight("http://evil.test")).status).toBe(204)
  })

  test("a request without Origin passes through untouched", async () => {
    const res = await app.request("/store/ping")
    expect(await res.json()).toEqual({ ok: true })
    expect(res.headers.get("access-control-allow-origin")).toBeNull()
  })
})
