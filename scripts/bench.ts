// npm run bench: load on the Store and Admin APIs in workerd against a seeded Postgres, and the ceiling
// of the same runtime answering a static JSON of the same size. Options: --duration s, --connections n.
import autocannon from "autocannon"
import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Miniflare } from "miniflare"
import { unstable_readConfig } from "wrangler"
import { resolveConfig, searchPathSchema } from "../src/config"
import { BUNDLE, ROOT, buildWorker } from "./lib/build"
import { startLocalDatabase } from "./lib/local-database"
import { runMigrations } from "./lib/migrate"
import type { ApiKeyService } from "../src/modules/api-key/service"
import { inTransaction } from "./lib/node-scope"
import { freePort } from "./lib/ports"
import { seedIfEmpty } from "./lib/seed"

const { values } = parseArgs({
  options: { duration: { type: "string", default: "20" }, connections: { type: "string", default: "50" }, shoppers: { type: "string", default: "10" } },
})
const duration = Number(values.duration)
const connections = Number(values.connections)
const shoppers = Number(values.shoppers)

const workDir = mkdtempSync(join(tmpdir(), "medusa-edge-bench-"))
chmodSync(workDir, 0o755)
const database = await startLocalDatabase({ dataDir: join(workDir, "postgres"), database: "bench", persistent: false })
const miniflares: Miniflare[] = []
try {
  await runMigrations(database.url, searchPathSchema(database.url), () => {})
  const config = resolveConfig({ projectConfig: { database_url: database.url } }, database.bindings)
  const { publishableKey } = await seedIfEmpty(config, () => {})
  const { gzipBytes } = await buildWorker({ quiet: true })
  const wrangler = unstable_readConfig({ config: `${ROOT}wrangler.toml` })

  const serve = async (options: ConstructorParameters<typeof Miniflare>[0]) => {
    const port = await freePort()
    const mf = new Miniflare({ ...options, port, host: "127.0.0.1" } as never)
    miniflares.push(mf)
    await mf.ready
    return `http://127.0.0.1:${port}`
  }
  const api = await serve({
    // Listed rather than scanned: the bundle holds dynamic imports Miniflare's scanner refuses.
    modules: [{ type: "ESModule", path: BUNDLE }],
    compatibilityDate: wrangler.compatibility_date,
    compatibilityFlags: wrangler.compatibility_flags,
    bindings: { NODE_ENV: "development", ...database.bindings },
  })
  const headers = { "x-publishable-api-key": publishableKey! }
  const regions = (await (await fetch(`${api}/store/regions`, { headers })).json()) as { regions: { id: string }[] }
  const productsPath = `/store/products?limit=20&region_id=${regions.regions[0]!.id}`
  const sample = await fetch(`${api}${productsPath}`, { headers })
  const body = await sample.text()
  const statements = sample.headers.get("x-sql-statements")

  // The ceiling: the same runtime, no database, a response of the same size.
  const staticApi = await serve({
    modules: true,
    script: `const body = ${JSON.stringify(body)}; export default { fetch: () => new Response(body, { headers: { "content-type": "application/json" } }) }`,
    compatibilityDate: wrangler.compatibility_date,
  })

  console.log(`Worker bundle: ${(gzipBytes / 1024).toFixed(1)} KiB gzip. Products page: ${body.length} bytes, ${statements} SQL statements.`)
  console.log(`Each run: ${connections} connections for ${duration} s.\n`)
  const rows: Record<string, string | number>[] = []
  const load = async (name: string, url: string, sendHeaders: Record<string, string>) => {
    const result = await autocannon({ url, connections, duration, headers: sendHeaders })
    rows.push({
      request: name,
      "req/s": Math.round(result.requests.average),
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      errors: result.errors + result.timeouts,
      "non-2xx": result.non2xx,
      requests: result.requests.total,
    })
    console.log(`${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`)
  }
  await load(`GET ${productsPath.replace(/region_id=\w+/, "region_id=…")}`, `${api}${productsPath}`, headers)
  await load("GET /store/regions", `${api}/store/regions`, headers)
  await load(`static JSON, ${body.length} bytes (ceiling)`, staticApi, {})
  const checkout = await checkouts(api, headers, regions.regions[0]!.id)
  rows.push({
    request: `complete checkouts, ${shoppers} concurrent shoppers (8 requests each)`,
    "req/s": Number((checkout.completed / duration).toFixed(1)),
    "p50 ms": checkout.p50,
    "p99 ms": checkout.p99,
    errors: checkout.failed,
    "non-2xx": checkout.failed,
    requests: checkout.completed,
  })
  console.log(`checkouts: ${(checkout.completed / duration).toFixed(1)}/s completed, p50 ${checkout.p50} ms per checkout, ${checkout.failed} failed`)

  // The Admin API with a secret key (one more statement per request: the key's lookup), over the orders just placed.
  const secret = await inTransaction(config, (scope) => scope.resolve<ApiKeyService>("apiKeyService").createSecret({ title: "bench" }))
  const admin = { authorization: `Basic ${btoa(`${secret.token}:`)}` }
  for (const path of ["/admin/products?limit=20", "/admin/orders?limit=15"]) {
    const sampleAdmin = await fetch(`${api}${path}`, { headers: admin })
    console.log(`${path}: ${(await sampleAdmin.text()).length} bytes, ${sampleAdmin.headers.get("x-sql-statements")} SQL statements`)
    await load(`GET ${path} (secret key)`, `${api}${path}`, admin)
  }
  console.log()
  console.table(rows)
} finally {
  await Promise.all(miniflares.map((mf) => mf.dispose()))
  await database.stop()
  rmSync(workDir, { recursive: true, force: true })
}

/**
 * Shoppers each running Medusa's checkout (create cart with a line, address, shipping options,
 * shipping method, payment collection, session, complete) over and over for the duration.
 */
async function checkouts(api: string, key: Record<string, string>, regionId: string) {
  const headers = { ...key, "content-type": "application/json" }
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as Record<string, any>
  }
  const { products } = await call("GET", "/store/products?fields=id,*variants&limit=50")
  const variants: string[] = products.flatMap((p: any) => p.variants.map((v: any) => v.id))
  const address = { first_name: "Bench", last_name: "Shopper", address_1: "Street 1", city: "Copenhagen", country_code: "dk", postal_code: "2200" }
  const timings: number[] = []
  let failed = 0
  let n = 0
  const until = Date.now() + duration * 1000
  const shopper = async () => {
    while (Date.now() < until) {
      const started = performance.now()
      try {
        const { cart } = await call("POST", "/store/carts", { region_id: regionId, items: [{ variant_id: variants[n++ % variants.length], quantity: 1 }] })
        await call("POST", `/store/carts/${cart.id}`, { email: "bench@example.com", shipping_address: address })
        const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
        await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
        const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
        await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
        const result = await call("POST", `/store/carts/${cart.id}/complete`)
        if (result.type !== "order") throw new Error(result.error?.message)
        timings.push(performance.now() - started)
      } catch (error) {
        failed++
        if (failed <= 3) console.error(`checkout failed: ${(error as Error).message}`)
      }
    }
  }
  await Promise.all(Array.from({ length: shoppers }, shopper))
  timings.sort((a, b) => a - b)
  const at = (q: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0)
  return { completed: timings.length, failed, p50: at(0.5), p99: at(0.99) }
}
