import { neonConfig, Pool } from "@neondatabase/serverless"
import { drizzle, type NeonDatabase } from "drizzle-orm/neon-serverless"
import type { ResolvedConfig } from "../config"

/** Drizzle over the request's Pool. No relational schema is attached: building one costs every request milliseconds. */
export type Db = NeonDatabase

/**
 * The database handle of one request: the Pool (a WebSocket per connection) opens on first
 * use and must be closed when the request is done (`waitUntil`), as Workers share nothing
 * between requests.
 */
export interface RequestDatabase {
  readonly db: Db
  readonly opened: boolean
  /** SQL statements issued so far: lets tests and benchmarks hold endpoints to a fixed count */
  readonly statements: number
  close(): Promise<void>
}

type ProjectConfig = ResolvedConfig["projectConfig"]

export function openDatabase(project: ProjectConfig): RequestDatabase {
  let pool: Pool | undefined
  let db: Db | undefined
  let statements = 0
  const logger = {
    logQuery(query: string, params: unknown[]) {
      statements++
      if (project.database_logging) console.log(`[sql] ${query}`, params.length ? params : "")
    },
  }
  return {
    get db() {
      if (!db) {
        routeThroughLocalProxy(project.database_ws_proxy)
        pool = new Pool({ connectionString: project.database_url, ...project.database_extra })
        db = drizzle({ client: pool, logger })
      }
      return db
    },
    get opened() {
      return pool !== undefined
    },
    get statements() {
      return statements
    },
    async close() {
      await pool?.end()
    },
  }
}

/**
 * Locally there is no Neon endpoint: a small proxy (scripts/lib/ws-proxy.ts) carries the
 * driver's WebSocket to the embedded Postgres over plain TCP, without TLS.
 */
function routeThroughLocalProxy(proxy: string | undefined) {
  if (!proxy) return
  neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`
  neonConfig.useSecureWebSocket = false
  neonConfig.pipelineConnect = false
  neonConfig.pipelineTLS = false
}
