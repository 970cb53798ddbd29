import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startUpstashStandIn, type UpstashStandIn } from "./helpers/upstash-redis"
import { startWorker, type TestWorker } from "./helpers/worker"

const WINDOW_SECONDS = 2
const limits = {
  AUTH_RATE_LIMIT_PER_EMAIL: "3",
  AUTH_RATE_LIMIT_PER_IP: "5",
  AUTH_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
}
const run = Date.now().toString(36)

async function login(worker: TestWorker, email: string, ip = "203.0.113.7") {
  const res = await worker.fetch("/auth/customer/emailpass", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify({ email, password: "wrong" }),
  })
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() }
}

/** Upstash's fixed windows start on multiples of their length: a burst starts just after a boundary, so it never spans two. */
const atWindowStart = () =>
  new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 - (Date.now() % (WINDOW_SECONDS * 1000)) + 50))

/** Over the limit per email and per IP, then allowed again once the window has passed. */
function rateLimitCases(label: string, worker: () => TestWorker) {
  test(`${label}: the 4th attempt for one email within the window is a 429 with Retry-After, and the limit resets`, async () => {
    const email = `limited-${label}-${run}@example.com`
    await atWindowStart()
    for (let i = 0; i < 3; i++) expect((await login(worker(), email, `198.51.100.${i}`)).status).toBe(401)
    const limited = await login(worker(), email, "198.51.100.9")
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ type: "too_many_requests" })
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(WINDOW_SECONDS)
    await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 + 200))
    expect((await login(worker(), email, "198.51.100.10")).status).toBe(401)
  })

  test(`${label}: one client is limited across emails; in development the address it claims changes nothing`, async () => {
    // The one local client's earlier attempts must have left the window first.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 + 100))
    await atWindowStart()
    for (let i = 0; i < 5; i++)
      expect((await login(worker(), `spoof-${label}-${i}-${run}@example.com`, `203.0.113.${100 + i}`)).status).toBe(401)
    expect((await login(worker(), `spoof-${label}-9-${run}@example.com`, "203.0.113.199")).status).toBe(429)
  })
}

/** In production Cloudflare's edge sets CF-Connecting-IP, so each address has its own limit. */
function perAddressCases(label: string, worker: () => TestWorker) {
  test(`${label}: one IP is limited across emails; another IP is not`, async () => {
    const ip = `192.0.2.${label === "memory" ? 1 : 2}`
    await atWindowStart()
    for (let i = 0; i < 5; i++)
      expect((await login(worker(), `ip-${label}-${i}-${run}@example.com`, ip)).status).toBe(401)
    expect((await login(worker(), `ip-${label}-9-${run}@example.com`, ip)).status).toBe(429)
    expect((await login(worker(), `ip-${label}-9-${run}@example.com`, "192.0.2.200")).status).toBe(401)
  })
}

describe("rate limits in memory (development)", () => {
  let worker: TestWorker
  beforeAll(async () => {
    worker = await startWorker(limits)
  })
  afterAll(() => worker?.dispose())
  rateLimitCases("memory", () => worker)
})

describe("rate limits in Upstash Redis (real @upstash/ratelimit against a local REST stand-in on redis-server)", () => {
  let worker: TestWorker
  let upstash: UpstashStandIn
  beforeAll(async () => {
    upstash = await startUpstashStandIn()
    worker = await startWorker({
      ...limits,
      REDIS_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: upstash.token,
      NODE_ENV: "development",
    })
  })
  afterAll(async () => {
    await worker?.dispose()
    await upstash?.stop()
  })
  rateLimitCases("upstash", () => worker)

  test("the counters live in Redis", async () => {
    const keys = await upstash.redis.keys("ratelimit:login:*")
    expect(keys.some((key) => key.includes(`spoof-upstash-4-${run}@example.com`))).toBe(true)
  })
})

describe("rate limits in production, behind Cloudflare's edge (CF-Connecting-IP is the edge's)", () => {
  let worker: TestWorker
  let upstash: UpstashStandIn
  beforeAll(async () => {
    upstash = await startUpstashStandIn()
    const secrets = { JWT_SECRET: "a-production-jwt-secret", COOKIE_SECRET: "a-production-cookie-secret" }
    worker = await startWorker({
      ...limits,
      ...secrets,
      REDIS_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: upstash.token,
      NODE_ENV: "production",
    })
  })
  afterAll(async () => {
    await worker?.dispose()
    await upstash?.stop()
  })
  perAddressCases("production", () => worker)
})
