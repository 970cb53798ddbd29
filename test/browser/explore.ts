// Exploration harness (not a test): log in to the dashboard, visit the pages in PAGES, log every failure.
import { chromium } from "playwright-core"
import { startStack } from "./stack"
const stack = await startStack(() => {})
console.log("stack", stack.url, stack.publishableKey)
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] })
const page = await browser.newPage()
page.on("pageerror", (e) => console.log("PAGEERROR", page.url(), e.message))
page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load")) console.log("CONSOLE", m.text().slice(0, 300)) })
page.on("response", async (r) => {
  const u = r.url()
  if (process.env.LOG_ALL && /\/(admin|auth|store)\//.test(u)) console.log("REQ", r.status(), r.request().method(), decodeURIComponent(u))
  if (r.status() >= 400) console.log("HTTP", r.status(), r.request().method(), decodeURIComponent(u), (await r.text().catch(() => "")).slice(0, 300))
})
await page.goto(stack.url + "/app/login")
await page.fill("input[name=email]", stack.admin.email)
await page.fill("input[name=password]", stack.admin.password)
await page.click("button[type=submit]")
await page.waitForURL(/\/app\/orders/)
const token = (await (await fetch(stack.url + "/auth/user/emailpass", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(stack.admin) })).json()).token
const api = async (path: string) => (await fetch(stack.url + path, { headers: { authorization: `Bearer ${token}` } })).json()
const first = async (path: string, key: string) => (await api(path))[key]?.[0]?.id
const ids: Record<string, string> = {
  product: await first("/admin/products?limit=1", "products"),
  region: await first("/admin/regions?limit=1", "regions"),
  location: await first("/admin/stock-locations?limit=1", "stock_locations"),
  channel: await first("/admin/sales-channels?limit=1", "sales_channels"),
  inventory: await first("/admin/inventory-items?limit=1", "inventory_items"),
  category: await first("/admin/product-categories?limit=1", "product_categories"),
  collection: await first("/admin/collections?limit=1", "collections"),
  key: await first("/admin/api-keys?limit=1", "api_keys"),
  taxRegion: await first("/admin/tax-regions?limit=1", "tax_regions"),
  customer: await first("/admin/customers?limit=1", "customers"),
  order: await first("/admin/orders?limit=1", "orders"),
  user: await first("/admin/users?limit=1", "users"),
}
console.log(ids)
const pages = (process.env.PAGES ?? "/products/:product,/settings/regions/:region,/settings/locations/:location,/settings/sales-channels/:channel,/inventory/:inventory,/categories/:category,/collections/:collection,/settings/publishable-api-keys/:key,/settings/tax-regions/:taxRegion,/settings/users/:user").split(",")
for (const p of pages) {
  const path = p.replace(/:(\w+)/g, (_, k) => ids[k] ?? "missing")
  console.log("== visit", path)
  await page.goto(stack.url + "/app" + path)
  await page.waitForTimeout(3000)
  await page.screenshot({ path: `/tmp/shot-${p.replace(/[/:]/g, "_")}.png` })
}
if (process.env.HOLD) await new Promise((r) => setTimeout(r, Number(process.env.HOLD)))
await browser.close()
await stack.stop()
