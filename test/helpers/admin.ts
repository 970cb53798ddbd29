import type pg from "pg"
import { expect } from "vitest"
import { createAdminUser } from "../../scripts/lib/create-user"
import { testConfig } from "./services"
import type { TestWorker } from "./worker"

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
