// npm run dev: embedded Postgres → the local Neon stand-in (WebSocket and HTTP) → migrations → seed → wrangler dev on :9000.
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync, mkdirSync, watch, writeFileSync } from "node:fs"
import { buildAdmin } from "./lib/admin"
import { extensionsOf, ROOT, WRANGLER_ENV } from "./lib/build"
import { envLine, loadDotEnv } from "./lib/dotenv"
import { startLocalDatabase, type LocalDatabase } from "./lib/local-database"
import { runMigrations } from "./lib/migrate"
import { freePort } from "./lib/ports"
import { onShutdown, stopProcessGroup } from "./lib/shutdown"
import { generateRegistry, pluginDir } from "./lib/generate-registry"
import { jobs } from "../src/registry.generated"

const started = performance.now()
const PORT = Number(process.env.PORT ?? 9000)
// DEV_STATE_DIR and DEV_POSTGRES_PORT (0: any free one) let a test run beside a developer's .medusa and :54329.
const STATE_DIR = process.env.DEV_STATE_DIR ?? `${ROOT}.medusa`
const POSTGRES_PORT = Number(process.env.DEV_POSTGRES_PORT ?? 54329)
const say = (what: string, detail: string) => console.log(`  ${what.padEnd(11)}${detail}`)
// The Worker sees only these of the shell's variables (plus .env): the ones medusa.config.ts reads.
const FORWARDED =
  /^(NODE_ENV|PUBLIC_URL|DATABASE_\w+|REDIS_URL|UPSTASH_\w+|QSTASH_\w+|JWT_\w+|COOKIE_\w+|\w+_CORS|MEDUSA_\w+|STRIPE_\w+|RESEND_\w+|NOTIFICATION_\w+|FILE_\w+|R2_\w+)$/

const CRONS = [...new Set(jobs.map((job) => job.schedule))]
let database: Promise<LocalDatabase> | undefined
let wrangler: ChildProcess | undefined
let stopping = false

async function main() {
  loadDotEnv()
  process.env.NODE_ENV ??= "development"
  console.log(`Medusa Edge (development)`)
  if ((await freePort(PORT)) !== PORT) throw new Error(`port ${PORT} is in use: stop what holds it or set PORT`)

  mkdirSync(STATE_DIR, { recursive: true })
  const dataDir = `${STATE_DIR}/postgres`
  database = startLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    database: "medusa",
    port: POSTGRES_PORT,
    log: (line) => say("postgres", line),
  })
  const local = await database
  say(
    "postgres",
    local.embedded
      ? `embedded, ${local.url} (data in ${dataDir.replace(ROOT, "")})`
      : `DATABASE_URL ${redact(local.url)}`,
  )
  if (local.proxy) {
    const pooled = local.embedded ? " (pooled per transaction, as Neon's -pooler endpoint)" : ""
    say(
      "neon proxy",
      `ws://${local.proxy.address}/v2${pooled} and http://${local.proxy.address}/sql → ${new URL(local.url).host}`,
    )
  }
  Object.assign(process.env, local.bindings)

  // medusa.config.ts reads process.env when imported, so only now.
  const extensions = extensionsOf((await import("../medusa.config")).default)
  const plugins = extensions.plugins
  if (generateRegistry(extensions)) say("registry", "src/registry.generated.ts updated from src/ and the plugins")
  const admin = await buildAdmin((await import("../medusa.config")).default, (line) => say("admin", line))
  const { loadConfig } = await import("./lib/config")
  const { seedIfEmpty } = await import("./lib/seed")
  const config = loadConfig()
  await runMigrations(
    config.projectConfig.database_url,
    config.projectConfig.database_schema,
    (line) => say("migrate", line.replace(/^migrations: /, "")),
    plugins,
  )
  const { publishableKey } = await seedIfEmpty(config, (line) => say("seed", line.replace(/^seed: /, "")))

  const envFile = `${STATE_DIR}/dev.env`
  const forwarded = Object.entries(process.env).filter(([name, value]) => FORWARDED.test(name) && value !== undefined)
  writeFileSync(envFile, `${forwarded.map(([name, value]) => envLine(name, value!)).join("\n")}\n`)
  const inspectorPort = await freePort(9230)
  if (stopping) return
  wrangler = spawn(
    `${ROOT}node_modules/.bin/wrangler`,
    [
      "dev",
      "--port",
      String(PORT),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      String(inspectorPort),
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
      "--test-scheduled",
    ],
    // Its own process group, so that stopping it stops workerd too.
    { cwd: ROOT, env: WRANGLER_ENV, stdio: ["ignore", "inherit", "inherit"], detached: true },
  )
  wrangler.on("exit", (code) => {
    if (!stopping) void stop(`wrangler exited (${code})`, code ?? 1)
  })
  say("api", `wrangler dev (workerd) on http://localhost:${PORT}, inspector on ${inspectorPort}`)

  await waitForHealth(`http://127.0.0.1:${PORT}/health`)
  watchExtensions(extensions)
  // Cron triggers do not fire under wrangler dev: fire each minute's ourselves.
  const crons = setInterval(() => {
    for (const cron of CRONS)
      fetch(`http://127.0.0.1:${PORT}/__scheduled?cron=${encodeURIComponent(cron)}`).catch(() => {})
  }, 60_000)
  crons.unref()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `\nReady in ${seconds} s: http://localhost:${PORT} (GET /health answers { status: "ok" }). Ctrl-C stops everything.`,
  )
  if (admin.path) console.log(`Admin dashboard: http://localhost:${PORT}${admin.path}`)
  if (publishableKey) console.log(`Storefronts send the publishable key: x-publishable-api-key: ${publishableKey}`)
  console.log(`Create an admin user (in another terminal): npm run user -- -e admin@example.com -p secret\n`)
}

/** A new or removed route, service, subscriber or job file rewrites the registry; wrangler then reloads. */
function watchExtensions(extensions: ReturnType<typeof extensionsOf>) {
  const folders = [`${ROOT}src`, ...extensions.plugins.map((plugin) => pluginDir(plugin))].filter((folder) =>
    existsSync(folder),
  )
  let timer: NodeJS.Timeout | undefined
  for (const folder of folders) {
    watch(folder, { recursive: true }, (_event, file) => {
      if (!file || !/(^|\/)(api|services|subscribers|jobs)\//.test(String(file))) return
      clearTimeout(timer)
      timer = setTimeout(() => {
        try {
          if (generateRegistry(extensions)) say("registry", "src/registry.generated.ts updated")
        } catch (error) {
          say("registry", (error as Error).message)
        }
      }, 200)
    }).unref()
  }
}

async function waitForHealth(url: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url)
      if (response.ok) return
      if (attempt > 40) throw new Error(`GET /health answered ${response.status}: ${await response.text()}`)
    } catch (error) {
      if (attempt > 600) throw new Error(`the API did not come up: ${(error as Error).message}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function stop(reason: string, exitCode = 0) {
  if (stopping) return
  stopping = true
  console.log(`\nStopping (${reason})…`)
  // Whatever hangs, the process still ends (wrangler's group gets SIGKILL after 5 s).
  setTimeout(() => {
    console.error("Stopping took over 20 s: exiting anyway.")
    process.exit(exitCode || 1)
  }, 20_000).unref()
  // The whole group, not just wrangler: its workerd and esbuild may outlive it.
  if (wrangler?.pid) await stopProcessGroup(wrangler.pid)
  // A Postgres still starting is stopped once it is up.
  await database?.then(
    (started) => started.stop(),
    () => {},
  )
  console.log("Stopped: API, proxy and Postgres.")
  process.exit(exitCode)
}

function redact(url: string) {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = "***"
  return parsed.toString()
}

onShutdown((reason) => void stop(reason))
main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`)
  void stop("start-up failed", 1)
})
