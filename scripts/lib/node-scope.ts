import { neonConfig } from "@neondatabase/serverless"
import ws from "ws"
import { createRegistry } from "../../src/app"
import type { ResolvedConfig } from "../../src/config"
import type { Scope } from "../../src/core/container"
import { recordCatalogChanges } from "../../src/infra/catalog-invalidation"
import { openDatabase } from "../../src/infra/db"
import { isLocalDatabase, proxyFor } from "./local-database"

// Node 20 has no global WebSocket; the Worker's driver needs one to reach Postgres from here.
neonConfig.webSocketConstructor = ws

/**
 * Runs `work` with the API's own services, from Node (seed, scripts, test fixtures), in one
 * transaction: all of it is stored, or none. A local DATABASE_URL with no stand-in running
 * (`npm run seed` without `npm run dev`) gets one for the duration.
 */
export async function inTransaction<T>(config: ResolvedConfig, work: (scope: Scope) => Promise<T>): Promise<T> {
  const project = config.projectConfig
  const proxy =
    !project.database_ws_proxy && isLocalDatabase(project.database_url)
      ? await proxyFor(project.database_url)
      : undefined
  const reachable: ResolvedConfig = proxy
    ? { ...config, projectConfig: { ...project, database_ws_proxy: proxy.address, database_pipeline_connect: false } }
    : config
  // Catalog writes leave their invalidation in the outbox, for the running API's repair job to publish.
  const database = openDatabase(reachable.projectConfig, { beforeCommit: recordCatalogChanges([]) })
  const registry = createRegistry(reachable)
  try {
    // Events these scripts emit stay in the outbox; the repair job publishes them.
    return await database.db.transaction((tx) =>
      work(registry.createScope({ config: reachable, database, manager: tx, emittedEvents: [] })),
    )
  } finally {
    await database.close()
    await proxy?.close()
  }
}
