// A logged-in dashboard page that records what went wrong: page errors and API answers >= 400.
import { mkdirSync } from "node:fs"
import { chromium, type Browser, type Page } from "playwright-core"
import { ROOT } from "../../scripts/lib/build"
import type { Stack } from "./stack"

export const SCREENSHOTS = `${ROOT}test/browser/screenshots`
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
// Without these, chromium reaches for Google's services, which this network refuses.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export interface DashboardSession {
  browser: Browser
  page: Page
  /** what went wrong since the last `take()` */
  take(): string[]
  /** visits a dashboard path and waits until its requests have settled */
  visit(path: string): Promise<void>
  /** a screenshot named after the test, kept for CI */
  shoot(name: string): Promise<string>
  close(): Promise<void>
}

export async function openDashboard(stack: Stack): Promise<DashboardSession> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  let problems: string[] = []
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`))
  page.on("response", async (response) => {
    const url = new URL(response.url())
    if (response.status() < 400 || url.origin !== stack.url) return
    const body = await response.text().catch(() => "")
    problems.push(
      `${response.status()} ${response.request().method()} ${decodeURIComponent(url.pathname + url.search)}: ${body.slice(0, 300)}`,
    )
  })
  const session: DashboardSession = {
    browser,
    page,
    take() {
      const taken = problems
      problems = []
      return taken
    },
    async visit(path) {
      await page.goto(`${stack.url}/app${path}`)
      await page.waitForLoadState("networkidle")
    },
    async shoot(name) {
      const file = `${SCREENSHOTS}/${name.replace(/[^a-z0-9-]+/gi, "_")}.png`
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    close: () => browser.close(),
  }
  // The dashboard's own login form, with its default session auth (a cookie after the token).
  await session.visit("/login")
  await page.fill("input[name=email]", stack.admin.email)
  await page.fill("input[name=password]", stack.admin.password)
  await page.click("button[type=submit]")
  await page.waitForURL(/\/app\/orders/)
  return session
}
