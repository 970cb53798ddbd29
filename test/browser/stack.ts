// The real local stack for the browser test: `npm run dev` (wrangler dev, the built dashboard) on a free
// port, against its own throw-away embedded Postgres, with an admin user.
import { spawn } from "node:child_process"
import { chmodSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ROOT } from "../../scripts/lib/build"
import { createAdminUser } from "../../scripts/lib/create-user"
import { startLocalDatabase } from "../../scripts/lib/local-database"
import { freePort } from "../../scripts/lib/ports"
import { resolveConfig } from "../../src/config"

export interface Stack {
  url: string
  publishableKey: string
  admin: { email: string; password: string }
  stop(): Promise<void>
}

export async function startStack(log: (line: string) => void): Promise<Stack> {
  const workDir = mkdtempSync(join(tmpdir(), "medusa-edge-browser-"))
  chmodSync(workDir, 0o755) // as root, Postgres runs as "postgres" and must reach its data dir
  const database = await startLocalDatabase({
    dataDir: join(workDir, "postgres"),
    database: "medusa_browser",
    persistent: false,
  })
  const port = await freePort(9100)
  const dev = spawn(`${ROOT}node_modules/.bin/tsx`, ["scripts/dev.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: database.url, NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let output = ""
  const stop = async () => {
    if (dev.exitCode === null && dev.pid) {
      const exited = new Promise((resolve) => dev.once("exit", resolve))
      process.kill(dev.pid, "SIGTERM")
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    }
    await database.stop()
  }
  const publishableKey = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(`dev | ${line}`)
      const key = /x-publishable-api-key: (pk_\w+)/.exec(output)
      if (key) resolve(key[1]!)
    }
    dev.stdout!.on("data", onData)
    dev.stderr!.on("data", onData)
    dev.once("exit", (code) => reject(new Error(`npm run dev exited (${code}) before it was ready`)))
    setTimeout(() => reject(new Error("npm run dev was not ready within 5 minutes")), 300_000).unref()
  }).catch(async (error) => {
    await stop()
    throw error
  })
  const admin = { email: "admin@medusa-test.com", password: "supersecret-browser" }
  const config = resolveConfig({ projectConfig: { database_url: database.url } }, database.bindings)
  await createAdminUser(config, admin)
  return { url: `http://localhost:${port}`, publishableKey, admin, stop }
}
