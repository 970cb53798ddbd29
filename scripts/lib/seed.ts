import { neonConfig } from "@neondatabase/serverless"
import ws from "ws"
import { createRegistry } from "../../src/app"
import type { ResolvedConfig } from "../../src/config"
import { openDatabase } from "../../src/infra/db"
import type { StoreService } from "../../src/modules/store/service"

// Node 20 has no global WebSocket; the Worker's driver needs one to reach Postgres from here.
neonConfig.webSocketConstructor = ws

/**
 * Seeds the demo store into an empty database, through the same services the API uses.
 * A database that already has a store is left alone.
 */
export async function seedIfEmpty(config: ResolvedConfig, log: (line: string) => void = console.log) {
  const database = openDatabase(config.projectConfig)
  const scope = createRegistry().createScope({ config, database })
  try {
    const { store, created } = await scope.resolve<StoreService>("storeService").ensureDefault()
    log(created ? `seed: created the demo store "${store.name}" (${store.id})` : `seed: store ${store.id} exists, nothing to seed`)
    return { created }
  } finally {
    await database.close()
  }
}
