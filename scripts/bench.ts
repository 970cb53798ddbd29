// npm run bench: the Worker bundle served by workerd (as `wrangler dev` and Cloudflare run it) against a seeded
// Postgres through the local Neon stand-in. Each catalog read is printed beside the ceiling measured in the same
// run: the same runtime answering a static JSON of the same size. Options: --duration s, --connections n,
// --shoppers n, --isolates n (checkout spread over n Worker isolates), --profile (writes bench-<name>.cpuprofile for each load).
import autocannon from "autocannon"
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Miniflare } from "miniflare"
import pg from "pg"
import { unstable_readConfig } from "wrangler"
import { resolveConfig } from "../src/config"
import type { ApiKeyService } from "../src/modules/api-key/service"
import { checkouts, sampleCheckout, variantsOf } from "./lib/bench/checkout"
import { importBeside } from "./lib/bench/imports"
import { busyMilliseconds, connectProfiler } from "./lib/bench/profiler"
import { BUNDLE, ROOT, buildWorker } from "./lib/build"
import { startLocalDatabase } from "./lib/local-database"
import { runMigrations } from "./lib/migrate"
import { inTransaction } from "./lib/node-scope"
import { freePort } from "./lib/ports"
import { seedIfEmpty } from "./lib/seed"

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "50" },
    shoppers: { type: "string", default: "10" },
    profile: { type: "boolean", default: false },
    isolates: { type: "string", default: "1" },
  },
})
const duration = Number(values.duration)
const connections = Number(values.connections)
const shoppers = Number(values.shoppers)
const isolates = Number(values.isolates)
// The starter's product list (src/lib/data/products.ts): prices for the region and stock.
const STARTER_FIELDS = "*variants.calculated_price,+variants.inventory_quantity,*variants.images,+metadata,+tags"

const workDir = mkdtempSync(join(tmpdir(), "medusa-edge-bench-"))
chmodSync(workDir, 0o755)
const database = await startLocalDatabase({ dataDir: join(workDir, "postgres"), database: "bench", persistent: false })
const miniflares: Miniflare[] = []
const stats = new pg.Client({ connectionString: database.url })
try {
  await runMigrations(database.url, "public", () => {})
  const config = resolveConfig({ projectConfig: { database_url: database.url } }, database.bindings)
  const { publishableKey } = await seedIfEmpty(config, () => {})
  const { gzipBytes } = await buildWorker({ quiet: true })
  const wrangler = unstable_readConfig({ config: `${ROOT}wrangler.toml` })
  await stats.connect()

  const serve = async (options: Record<string, unknown>) => {
    const port = await freePort()
    const inspectorPort = await freePort()
    const mf = new Miniflare({
      ...options,
      port,
      host: "127.0.0.1",
      inspectorPort,
      compatibilityDate: wrangler.compatibility_date,
    } as never)
    miniflares.push(mf)
    await mf.ready
    return { url: `http://127.0.0.1:${port}`, inspectorPort }
  }
  const worker = {
    // Listed rather than scanned: the bundle holds dynamic imports Miniflare's scanner refuses.
    modules: [{ type: "ESModule", path: BUNDLE }],
    compatibilityFlags: wrangler.compatibility_flags,
    bindings: { NODE_ENV: "development", ...database.bindings },
    handleRuntimeStdio() {}, // the example subscriber logs every order
  }
  const api = await serve(worker)
  // More isolates for the checkout (--isolates): each runs JavaScript on one thread, as a Worker isolate does.
  const moreIsolates = await Promise.all(Array.from({ length: isolates - 1 }, () => serve(worker)))
  const headers = { "x-publishable-api-key": publishableKey! }
  const regions = (await (await fetch(`${api.url}/store/regions`, { headers })).json()) as { regions: { id: string }[] }
  const regionId = regions.regions[0]!.id

  const reads = [
    { name: "GET /store/regions", path: "/store/regions" },
    { name: "GET /store/products?limit=20", path: "/store/products?limit=20" },
    {
      name: "GET /store/products, the starter's fields and prices",
      path: `/store/products?limit=20&region_id=${regionId}&fields=${encodeURIComponent(STARTER_FIELDS)}`,
    },
  ]
  const bodies: Record<string, string> = {}
  for (const [i, read] of reads.entries())
    bodies[`/${i}`] = await (await fetch(`${api.url}${read.path}`, { headers })).text()
  // The ceiling: the same runtime, no database, a response of the same size.
  const ceiling = await serve({
    modules: true,
    script: `const bodies = ${JSON.stringify(bodies)}; export default { fetch: (request) => new Response(bodies[new URL(request.url).pathname], { headers: { "content-type": "application/json" } }) }`,
  })
  const profiler = await connectProfiler(api.inspectorPort)
  const backends = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)) // Postgres publishes its statistics at most every second
    const result = await stats.query(
      "select pg_stat_clear_snapshot(); select sum(sessions)::int as n from pg_stat_database",
    )
    return (result as unknown as pg.QueryResult[])[1]!.rows[0].n as number
  }

  console.log(
    `Worker bundle: ${(gzipBytes / 1024).toFixed(1)} KiB gzip. Each load: ${connections} connections for ${duration} s.\n`,
  )
  const rows: Record<string, string | number>[] = []
  /** Runs `work` with the Worker profiled and Postgres's backends counted. */
  const measured = async <T>(name: string, work: () => Promise<T>) => {
    const before = await backends()
    await profiler.start()
    const result = await work()
    const profile = await profiler.stop()
    if (values.profile)
      writeFileSync(`bench-${name.replace(/\W+/g, "-").replace(/^-|-$/g, "")}.cpuprofile`, JSON.stringify(profile))
    return { result, busy: busyMilliseconds(profile), backends: (await backends()) - before }
  }
  const load = (url: string, sendHeaders: Record<string, string>) =>
    autocannon({ url, connections, duration, headers: sendHeaders })

  for (const [i, read] of reads.entries()) {
    // What a read costs when the catalog cache misses (no-cache reads Postgres); under load it mostly hits.
    const sample = await fetch(`${api.url}${read.path}`, { headers: { ...headers, "cache-control": "no-cache" } })
    const statements = sample.headers.get("x-sql-statements") ?? "?"
    const size = (await sample.text()).length
    const { result, busy, backends: started } = await measured(read.name, () => load(`${api.url}${read.path}`, headers))
    const top = await load(`${ceiling.url}/${i}`, {})
    const rps = result.requests.average
    rows.push({
      request: read.name,
      "req/s": Math.round(rps),
      "ceiling req/s": Math.round(top.requests.average),
      "of ceiling": `${((rps / top.requests.average) * 100).toFixed(1)} %`,
      "p50 ms": result.latency.p50,
      bytes: size,
      SQL: statements,
      "backends started": started,
      "Worker CPU ms/req": (busy / result.requests.total).toFixed(2),
      errors: result.errors + result.timeouts + result.non2xx,
    })
    console.log(
      `${read.name}: ${Math.round(rps)} req/s, ceiling ${Math.round(top.requests.average)} req/s (${size} bytes)`,
    )
  }

  const variants = await variantsOf(api.url, headers)
  await sampleCheckout(api.url, headers, regionId, variants[0]!) // warms the catalog cache as shoppers find it
  const sample = await sampleCheckout(api.url, headers, regionId, variants[0]!)
  const perFlow = sample.steps.reduce((sum, step) => sum + step.statements, 0)
  console.log(
    `\nOne checkout, SQL statements per call: ${sample.steps.map((s) => `${s.call} ${s.statements}`).join(", ")}; ${perFlow} in all`,
  )
  const ordersBefore = Number((await stats.query(`select count(*) from "order"`)).rows[0].count)
  const apis = [api.url, ...moreIsolates.map((more) => more.url)]
  const run = await measured("checkout", () =>
    checkouts({ apis, key: headers, regionId, variants, shoppers, seconds: duration }),
  )
  const stored = await stats.query(`select count(*)::int as n from "order" where id = any($1)`, [run.result.orderIds])
  const ordersAfter = Number((await stats.query(`select count(*) from "order"`)).rows[0].count)
  const flows = run.result.completed / duration
  rows.push({
    request: `checkout, ${shoppers} shoppers, 7 calls a flow (flows/s)${isolates > 1 ? `, ${isolates} isolates` : ""}`,
    "req/s": Number(flows.toFixed(1)),
    "p50 ms": run.result.p50,
    SQL: perFlow,
    "backends started": run.backends,
    // The profile is of the first isolate, which served 1/isolates of the calls.
    "Worker CPU ms/req": ((run.busy * isolates) / (run.result.completed * 7)).toFixed(2),
    errors: run.result.failed,
  })
  console.log(
    `checkout: ${flows.toFixed(1)} flows/s, p50 ${run.result.p50} ms a flow, ${run.result.failed} failed; ` +
      `${stored.rows[0].n} of ${run.result.completed} orders found in Postgres (${ordersAfter - ordersBefore} new); ` +
      `${run.backends} Postgres backends started (${(run.backends / Math.max(1, run.result.completed)).toFixed(2)} a flow)`,
  )

  // The Admin API with a secret key, over the orders just placed.
  const secret = await inTransaction(config, (scope) =>
    scope.resolve<ApiKeyService>("apiKeyService").createSecret({ title: "bench" }),
  )
  const admin = { authorization: `Basic ${btoa(`${secret.token}:`)}` }
  for (const path of ["/admin/products?limit=20", "/admin/orders?limit=15"]) {
    const sampleAdmin = await fetch(`${api.url}${path}`, { headers: admin })
    const size = (await sampleAdmin.text()).length
    const { result, busy, backends: started } = await measured(path, () => load(`${api.url}${path}`, admin))
    rows.push({
      request: `GET ${path} (secret key)`,
      "req/s": Math.round(result.requests.average),
      "p50 ms": result.latency.p50,
      bytes: size,
      SQL: sampleAdmin.headers.get("x-sql-statements") ?? "?",
      "backends started": started,
      "Worker CPU ms/req": (busy / result.requests.total).toFixed(2),
      errors: result.errors + result.timeouts + result.non2xx,
    })
  }
  // The product CSV import beside the same products created in one batch (its writes without the CSV).
  const csv = await importBeside(api.url, admin)
  const perProduct = (statements: number) => (statements / csv.products).toFixed(1)
  console.log(
    `\nCSV import of ${csv.products} products × 2 variants: preview ${Math.round(csv.preview.ms)} ms, ${csv.preview.statements} SQL; ` +
      `confirm ${Math.round(csv.confirm.ms)} ms, ${csv.confirm.statements} SQL (${perProduct(csv.confirm.statements)} a product). ` +
      `Ceiling, POST /admin/products/batch of the same: ${Math.round(csv.ceiling.ms)} ms, ${csv.ceiling.statements} SQL ` +
      `(${perProduct(csv.ceiling.statements)} a product); confirm at ${(csv.ceiling.ms / csv.confirm.ms).toFixed(2)}× the batch's speed`,
  )
  profiler.close()
  console.log()
  console.table(rows)
  console.log(
    "SQL: statements of one read past the catalog cache; of one checkout flow with the catalog cached; of one admin list.",
  )
  console.log(
    "backends started: Postgres sessions begun during the load (pg_stat_database.sessions), the stand-in's pool included.",
  )
} finally {
  await stats.end().catch(() => {})
  await Promise.all(miniflares.map((mf) => mf.dispose()))
  await database.stop()
  rmSync(workDir, { recursive: true, force: true })
}
