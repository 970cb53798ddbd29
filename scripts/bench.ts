// npm run bench: load on the Store API in workerd against a seeded Postgres, and the ceiling
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
import { freePort } from "./lib/ports"
import { seedIfEmpty } from "./lib/seed"

const { values } = parseArgs({ options: { duration: { type: "string", default: "20" }, connections: { type: "string", default: "50" } } })
const duration = Number(values.duration)
const connections = Number(values.connections)

const workDir = mkdtempSync(join(tmpdir(), "medusa-edge-bench-"))
chmodSync(workDir, 0o755)
const database = await startLocalDatabase({ dataDir: join(workDir, "postgres"), database: "bench", persistent: false })
const miniflares: Miniflare[] = []
try {
  await runMigrations(database.url, searchPathSchema(database.url), () => {})
  const config = resolveConfig({ projectConfig: { database_url: database.url } }, { DATABASE_WS_PROXY: database.wsProxy })
  const { publishableKey } = await seedIfEmpty(config, () => {})
  const { gzipBytes } = buildWorker({ quiet: true })
  const wrangler = unstable_readConfig({ config: `${ROOT}wrangler.toml` })

  const serve = async (options: ConstructorParameters<typeof Miniflare>[0]) => {
    const port = await freePort()
    const mf = new Miniflare({ ...options, port, host: "127.0.0.1" } as never)
    miniflares.push(mf)
    await mf.ready
    return `http://127.0.0.1:${port}`
  }
  const api = await serve({
    modules: true,
    scriptPath: BUNDLE,
    compatibilityDate: wrangler.compatibility_date,
    compatibilityFlags: wrangler.compatibility_flags,
    bindings: { NODE_ENV: "development", DATABASE_URL: database.url, DATABASE_WS_PROXY: database.wsProxy ?? "" },
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
  for (const [name, url, sendHeaders] of [
    [`GET ${productsPath.replace(/region_id=\w+/, "region_id=…")}`, `${api}${productsPath}`, headers],
    ["GET /store/regions", `${api}/store/regions`, headers],
    [`static JSON, ${body.length} bytes (ceiling)`, staticApi, {}],
  ] as const) {
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
  console.log()
  console.table(rows)
} finally {
  await Promise.all(miniflares.map((mf) => mf.dispose()))
  await database.stop()
  rmSync(workDir, { recursive: true, force: true })
}
