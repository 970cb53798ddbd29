import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import type { TestProject } from "vitest/node"
import { ROOT, buildWorker } from "../../scripts/lib/build"
import { startLocalDatabase } from "../../scripts/lib/local-database"
import { runMigrations } from "../../scripts/lib/migrate"
import { seedIfEmpty } from "../../scripts/lib/seed"
import { resolveConfig, searchPathSchema } from "../../src/config"

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string
    /** DATABASE_URL and the local Neon stand-in's bindings, as the Worker gets them */
    databaseBindings: Record<string, string>
    /** the demo store's publishable key */
    demoKey: string
    /** this run's Worker bundle: a run of its own, so that runs side by side never load each other's */
    bundle: string
  }
}

/**
 * Once per test run: a real Postgres (embedded on a free port, or DATABASE_URL), the
 * local Neon stand-in, the migrations, and the Worker bundle exactly as `wrangler deploy` builds it.
 */
export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), "medusa-edge-test-"))
  chmodSync(workDir, 0o755) // as root, Postgres runs as the "postgres" user and must reach its data dir
  const database = await startLocalDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: join(workDir, "postgres"),
    database: "medusa_test",
    persistent: false,
  })
  let demoKey: string | undefined
  let bundle: string
  const outdir = `dist/test-run-${basename(workDir)}`
  try {
    await runMigrations(database.url, searchPathSchema(database.url), () => {})
    const config = resolveConfig({ projectConfig: { database_url: database.url } }, database.bindings)
    demoKey = (await seedIfEmpty(config, () => {})).publishableKey
    bundle = (await buildWorker({ quiet: true, outdir })).bundle
  } catch (error) {
    await database.stop()
    throw error
  }
  project.provide("databaseUrl", database.url)
  project.provide("demoKey", demoKey ?? "")
  project.provide("bundle", bundle)
  project.provide("databaseBindings", database.bindings)
  return async () => {
    rmSync(join(ROOT, outdir), { recursive: true, force: true })
    await database.stop()
  }
}
