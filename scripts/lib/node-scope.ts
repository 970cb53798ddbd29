import { neonConfig } from "@neondatabase/serverless"
import ws from "ws"
import { createRegistry } from "../../src/app"
import type { ResolvedConfig } from "../../src/config"
import type { Scope } from "../../src/core/container"
import { openDatabase } from "../../src/infra/db"

// Node 20 has no global WebSocket; the Worker's driver needs one to reach Postgres from here.
neonConfig.webSocketConstructor = ws

/**
 * Runs `work` with the API's own services, from Node (seed, scripts, test fixtures), in one
 * transaction: all of it is stored, or none.
 */
export async function inTransaction<T>(config: ResolvedConfig, work: (scope: Scope) => Promise<T>): Promise<T> {
  const database = openDatabase(config.projectConfig)
  const registry = createRegistry(config)
  try {
    // Events these scripts emit stay in the outbox; the repair job publishes them.
    return await database.db.transaction((tx) => work(registry.createScope({ config, database, manager: tx, emittedEvents: [] })))
  } finally {
    await database.close()
  }
}
