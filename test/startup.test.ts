import { SignJWT } from "jose"
import { afterAll, describe, expect, test } from "vitest"
import { startWorker, type TestWorker } from "./helpers/worker"

const workers: TestWorker[] = []
afterAll(() => Promise.all(workers.map((worker) => worker.dispose())))

describe("configuration at Worker start-up", () => {
  test("production without secrets does not start, and says what is missing", async () => {
    const failure = String(await startWorker({ NODE_ENV: "production" }).catch((error: Error) => error))
    expect(failure).toMatch(/the Worker did not start/)
    expect(failure).toContain("Invalid medusa.config.ts:")
    expect(failure).toContain("- projectConfig.jwt_secret: is required in production")
    expect(failure).toContain("- projectConfig.cookie_secret: is required in production")
  })

  test("production with secrets and a shared cache starts", async () => {
    const worker = await startWorker({
      NODE_ENV: "production",
      JWT_SECRET: "a-long-random-jwt-secret",
      COOKIE_SECRET: "a-long-random-cookie-secret",
      REDIS_URL: "rediss://default:token@example.upstash.io:6379",
    })
    workers.push(worker)
    const res = await worker.fetch("/health")
    expect(await res.json()).toEqual({ status: "ok" })
    expect(res.headers.get("x-sql-statements")).toBeNull()
    // In production the session cookie is Secure (and still HttpOnly, SameSite=Lax).
    const token = await new SignJWT({ actor_id: "cus_x", actor_type: "customer", auth_identity_id: "authid_x" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("a-long-random-jwt-secret"))
    const session = await worker.fetch("/auth/session", { method: "POST", headers: { authorization: `Bearer ${token}` } })
    expect(session.status).toBe(200)
    expect(session.headers.get("set-cookie")).toMatch(/^connect\.sid=.*; HttpOnly; Secure; SameSite=Lax$/)
  })

  test("an invalid option value stops start-up with its message", async () => {
    const failure = String(await startWorker({ DATABASE_LOGGING: "maybe" }).catch((error: Error) => error))
    expect(failure).toMatch(/projectConfig\.database_logging: must be true, false/)
  })
})

describe("database_logging", () => {
  test("logs each SQL statement the Worker runs", async () => {
    const worker = await startWorker({ DATABASE_LOGGING: "true" })
    workers.push(worker)
    await worker.fetch("/health")
    await expect.poll(() => worker.output()).toMatch(/\[sql\] select max\(created_at\)::text as applied from "public"\."__drizzle_migrations"/)
  })
})

describe("the env file npm run dev hands to wrangler", () => {
  test("a CORS /regex/ keeps its backslashes, and quotes and newlines survive", async () => {
    const { envLine } = await import("../scripts/lib/dotenv")
    const { parseEnv } = await import("node:util")
    const values = { STORE_CORS: "/^https:\\/\\/.+\\.vercel\\.app$/,http://localhost:8000", QUOTED: `it's "here"`, LINES: "a\nb", PLAIN: "x=y" }
    const file = Object.entries(values).map(([name, value]) => envLine(name, value)).join("\n")
    expect(parseEnv(file)).toEqual(values)
  })
})
