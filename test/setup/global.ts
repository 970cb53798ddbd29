import { chmodSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { TestProject } from "vitest/node"
import { buildWorker } from "../../scripts/lib/build"
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
  try {
    await runMigrations(database.url, searchPathSchema(database.url), () => {})
    const config = resolveConfig({ projectConfig: { database_url: database.url } }, database.bindings)
    demoKey = (await seedIfEmpty(config, () => {})).publishableKey
    await buildWorker({ quiet: true })
  } catch (error) {
    await database.stop()
    throw error
  }
  project.provide("databaseUrl", database.url)
  project.provide("demoKey", demoKey ?? "")
  project.provide("databaseBindings", database.bindings)
  return () => database.stop()
}
