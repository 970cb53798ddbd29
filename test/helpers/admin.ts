import pg from "pg"
import { afterAll, beforeAll, expect, inject } from "vitest"
import { createAdminUser } from "../../scripts/lib/create-user"
import { testConfig } from "./services"
import { startWorker, type TestWorker } from "./worker"

type Json = Record<string, any>

/** An admin user made with `npm run user`'s code, logged in through /auth/user/emailpass. */
export async function adminToken(worker: TestWorker, email: string): Promise<string> {
  await createAdminUser(testConfig(), { email, password: "admin-pw" })
  const res = await worker.fetch("/auth/user/emailpass", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "admin-pw" }),
  })
  return ((await res.json()) as Json).token
}

/** Each body is a 400 invalid_data whose message matches, and the table holds as many rows after as before. */
export async function expectRefused(
  db: pg.Client,
  table: string,
  send: (body: unknown) => Promise<{ status: number; body: Json }>,
  cases: readonly (readonly [unknown, RegExp])[],
) {
  const count = async () => (await db.query(`select count(*)::int as n from "${table}"`)).rows[0].n as number
  const before = await count()
  for (const [body, message] of cases) {
    const res = await send(body)
    expect(res.status).toBe(400)
    expect(res.body.type).toBe("invalid_data")
    expect(res.body.message).toMatch(message)
  }
  expect(await count()).toBe(before)
}

export interface AdminSession {
  worker: TestWorker
  db: pg.Client
  /** the logged-in admin's token */
  token: string
  /** A JSON request as that admin (or with another token). */
  call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Json }>
}

/**
 * An admin test file's setup: after `prepare` (fixtures), a Worker, a Postgres client and an
 * admin user logged in with this email; all closed when the file ends.
 */
export function adminSession(email: string, prepare?: () => Promise<unknown>): AdminSession {
  const session = {
    token: "",
    async call(method: string, path: string, body?: unknown, token = session.token) {
      const res = await session.worker.fetch(path, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json()) as Json }
    },
  } as AdminSession
  beforeAll(async () => {
    await prepare?.()
    session.worker = await startWorker()
    session.db = new pg.Client({ connectionString: inject("databaseUrl") })
    await session.db.connect()
    session.token = await adminToken(session.worker, email)
  })
  afterAll(async () => {
    await session.worker?.dispose()
    await session.db?.end()
  })
  return session
}

/**
 * The Admin API body of a flat-rate shipping option that the store offers (Medusa's two rules:
 * shown in the store, not a return), in a zone and profile, with its prices.
 */
export function flatShippingOptionBody(
  name: string,
  zoneId: string,
  profileId: string,
  prices: (({ currency_code: string } | { region_id: string }) & { amount: number })[],
) {
  return {
    name,
    service_zone_id: zoneId,
    shipping_profile_id: profileId,
    provider_id: "manual_manual",
    price_type: "flat" as const,
    type: { label: name, description: `${name} delivery`, code: name.toLowerCase() },
    prices,
    rules: [
      { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
      { attribute: "is_return", operator: "eq" as const, value: "false" },
    ],
  }
}
