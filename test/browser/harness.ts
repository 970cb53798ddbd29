// One browser-test file's world: the stack, an admin token for reading the API back, the logged-in dashboard,
// and the hooks that start and stop them.
import { afterAll, afterEach, beforeAll, expect } from "vitest"
import { openDashboard, type DashboardSession } from "./dashboard-session"
import { startStack, type Stack } from "./stack"

export type Json = Record<string, any>

export interface Harness {
  stack: Stack
  dashboard: DashboardSession
  /** ids that `expectPage` substitutes for `:name` in a path */
  ids: Record<string, string>
  /** the Admin API as the logged-in admin; throws on an answer >= 400 */
  admin(path: string, init?: RequestInit): Promise<Json>
  firstId(path: string, key: string): Promise<string>
  /** visits the page and expects it drawn: no error page, no page error, no failed API call */
  expectPage(path: string): Promise<void>
  /** waits for the dashboard's requests to settle, then expects nothing went wrong */
  settled(): Promise<void>
  /** clicks, waits for the dashboard's write to `path` (a POST or DELETE) to be answered, then `settled()` */
  submit(click: () => Promise<void>, path: RegExp): Promise<Json>
}

/** Registers the hooks of a browser-test file; `prepare` runs after the stack is up, before the dashboard opens. */
export function useDashboard(prepare: (harness: Harness) => Promise<void> = async () => {}): Harness {
  let token = ""
  const harness: Harness = {
    stack: undefined as unknown as Stack,
    dashboard: undefined as unknown as DashboardSession,
    ids: {},
    async admin(path, init = {}) {
      const response = await fetch(`${harness.stack.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      })
      const json = (await response.json()) as Json
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`)
      return json
    },
    async firstId(path, key) {
      const id = (await harness.admin(path))[key]?.[0]?.id
      if (!id) throw new Error(`${path} has no ${key}`)
      return id as string
    },
    async expectPage(path) {
      const { dashboard, ids } = harness
      await dashboard.visit(path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `missing-${name}`))
      expect(dashboard.take(), `what went wrong on ${path}`).toEqual([])
      expect(
        await dashboard.page.getByText(/An error occurred|There is no page at this address/).count(),
        `error page at ${path}`,
      ).toBe(0)
    },
    async settled() {
      await harness.dashboard.page.waitForLoadState("networkidle")
      expect(harness.dashboard.take()).toEqual([])
    },
    async submit(click, path) {
      const answered = harness.dashboard.page.waitForResponse(
        (response) => response.request().method() !== "GET" && path.test(new URL(response.url()).pathname),
      )
      await click()
      const response = await answered
      const json = (await response.json()) as Json
      // Checked here too: the session records a failed answer only once it has read its body.
      expect(response.status(), JSON.stringify(json)).toBeLessThan(400)
      await harness.settled()
      return json
    },
  }

  beforeAll(async () => {
    harness.stack = await startStack(() => {})
    const login = await fetch(`${harness.stack.url}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(harness.stack.admin),
    })
    token = ((await login.json()) as Json).token
    await prepare(harness)
    harness.dashboard = await openDashboard(harness.stack)
    expect(harness.dashboard.take()).toEqual([])
  })

  afterEach(async (context) => {
    if (context.task.result?.state !== "fail" || !harness.dashboard) return
    console.log(`screenshot: ${await harness.dashboard.shoot(context.task.name)}`)
    // What a failed test left behind is its failure, not the next test's.
    harness.dashboard.take()
  })

  afterAll(async () => {
    await harness.dashboard?.close()
    await harness.stack?.stop()
  })

  return harness
}
