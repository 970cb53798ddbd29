import { execFileSync, spawn } from "node:child_process"
import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SignJWT } from "jose"
import { afterAll, describe, expect, test } from "vitest"
import { ROOT } from "../scripts/lib/build"
import { freePort } from "../scripts/lib/ports"
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
    const session = await worker.fetch("/auth/session", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    })
    expect(session.status).toBe(200)
    expect(session.headers.get("set-cookie")).toMatch(/^connect\.sid=.*; HttpOnly; Secure; SameSite=Lax$/)
  })

  test("production refuses a provider whose secrets are missing: Stripe, Resend, R2", async () => {
    const secrets = {
      NODE_ENV: "production",
      JWT_SECRET: "a-long-random-jwt-secret",
      COOKIE_SECRET: "a-long-random-cookie-secret",
      REDIS_URL: "rediss://default:token@example.upstash.io:6379",
    }
    const failure = String(
      await startWorker({
        ...secrets,
        STRIPE_API_KEY: "sk_live_x",
        RESEND_API_KEY: "re_x",
        FILE_R2_BINDING: "FILES",
      }).catch((error: Error) => error),
    )
    expect(failure).toMatch(/the Worker did not start/)
    expect(failure).toMatch(/modules\.payment.*STRIPE_WEBHOOK_SECRET/)
    expect(failure).toMatch(/modules\.notification.*NOTIFICATION_FROM/)
    expect(failure).toMatch(/modules\.file.*FILES/)
    // The same providers with their secrets (and the bucket bound) start.
    const worker = await startWorker(
      {
        ...secrets,
        STRIPE_API_KEY: "sk_live_x",
        STRIPE_WEBHOOK_SECRET: "whsec_x",
        RESEND_API_KEY: "re_x",
        NOTIFICATION_FROM: "Shop <shop@example.com>",
        FILE_R2_BINDING: "FILES",
      },
      { r2Buckets: ["FILES"] },
    )
    workers.push(worker)
    expect(await (await worker.fetch("/health")).json()).toEqual({ status: "ok" })
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
    await expect
      .poll(() => worker.output())
      .toMatch(/\[sql\] select max\(created_at\)::text as applied from "public"\."__drizzle_migrations"/)
  })
})

describe("the env file npm run dev hands to wrangler", () => {
  test("a CORS /regex/ keeps its backslashes, and quotes and newlines survive", async () => {
    const { envLine } = await import("../scripts/lib/dotenv")
    const { parseEnv } = await import("node:util")
    const values = {
      STORE_CORS: "/^https:\\/\\/.+\\.vercel\\.app$/,http://localhost:8000",
      QUOTED: `it's "here"`,
      LINES: "a\nb",
      PLAIN: "x=y",
    }
    const file = Object.entries(values)
      .map(([name, value]) => envLine(name, value))
      .join("\n")
    expect(parseEnv(file)).toEqual(values)
  })
})

describe.skipIf(process.platform === "win32")("npm run dev", () => {
  test("SIGTERM to npm alone, as a process manager sends it, stops wrangler, workerd, esbuild and Postgres", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "medusa-edge-dev-"))
    chmodSync(stateDir, 0o755) // as root, Postgres runs as the "postgres" user and must reach its data dir
    const port = await freePort()
    let output = ""
    // Its own process group, as a process manager starts it; DATABASE_URL empty: the embedded Postgres even when .env names another.
    const npm = spawn("npm", ["run", "dev"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "development",
        PORT: String(port),
        DEV_STATE_DIR: stateDir,
        DEV_POSTGRES_PORT: "0",
        DATABASE_URL: "",
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    for (const stream of [npm.stdout, npm.stderr]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()))
    let run: ProcessRow[] = []
    const left = () => {
      const pids = new Set(run.map((row) => row.pid))
      const groups = new Set(run.map((row) => row.pgid))
      return processes().filter((row) => pids.has(row.pid) || groups.has(row.pgid) || row.args.includes(stateDir))
    }
    try {
      await waitForHealth(`http://127.0.0.1:${port}/health`, npm, () => output)
      run = descendants(npm.pid!)
      const commands = run.map((row) => row.args).join("\n")
      for (const part of ["wrangler dev", "workerd serve", "esbuild", `postgres -D ${stateDir}/postgres`])
        expect(commands).toContain(part)

      process.kill(npm.pid!, "SIGTERM")
      const deadline = Date.now() + 20_000
      while (left().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
      expect(
        left().map((row) => row.args),
        output,
      ).toEqual([])
      expect(await freePort(port)).toBe(port)
      expect(output).toContain("Stopped: API, proxy and Postgres.")
    } finally {
      for (const row of run.length > 0 ? left() : descendants(npm.pid!)) {
        try {
          process.kill(row.pid, "SIGKILL")
        } catch {}
      }
      rmSync(stateDir, { recursive: true, force: true })
    }
  }, 300_000)
})

interface ProcessRow {
  pid: number
  ppid: number
  pgid: number
  args: string
}

function processes(): ProcessRow[] {
  return execFileSync("ps", ["-A", "-o", "pid=,ppid=,pgid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, ppid, pgid, args]) => ({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), args: args! }))
}

/** `pid` and every process below it. */
function descendants(pid: number): ProcessRow[] {
  const all = processes()
  const found = all.filter((row) => row.pid === pid)
  for (let i = 0; i < found.length; i++) found.push(...all.filter((row) => row.ppid === found[i]!.pid))
  return found
}

/** A first start builds the admin dashboard (about a minute) and a new Postgres cluster; a loaded 2-core machine takes longer. */
async function waitForHealth(url: string, child: ReturnType<typeof spawn>, output: () => string) {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`npm run dev exited (${child.exitCode ?? child.signalCode}):\n${output()}`)
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`npm run dev did not answer ${url} within 240 s:\n${output()}`)
}
