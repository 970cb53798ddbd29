import { neon, neonConfig, Pool, type NeonQueryFunction } from "@neondatabase/serverless"
import { drizzle as drizzleHttp } from "drizzle-orm/neon-http"
import { drizzle as drizzleWebSocket, type NeonDatabase } from "drizzle-orm/neon-serverless"
import type { ResolvedConfig } from "../config"

/** Drizzle over the request's database. No relational schema is attached: building one costs every request milliseconds. */
export type Db = NeonDatabase

/**
 * The database handle of one request. Statements outside a transaction go over Neon's HTTP
 * endpoint (one fetch each, no connection to set up, no login); `transaction()` opens the
 * request's Pool (one WebSocket, one Postgres backend) on first use, which must be closed when
 * the request is done (`waitUntil`), as Workers share no socket between requests.
 */
export interface RequestDatabase {
  readonly db: Db
  readonly opened: boolean
  /** SQL statements issued so far: lets tests and benchmarks hold endpoints to a fixed count */
  readonly statements: number
  /** the tables this request wrote to (insert, update, delete), in or out of transactions */
  readonly written: ReadonlySet<string>
  close(): Promise<void>
}

type ProjectConfig = ResolvedConfig["projectConfig"]

export interface DatabaseHooks {
  /** runs inside each top-level transaction after its work, with the tables it wrote: its last statements commit with it */
  beforeCommit?(tx: Db, written: string[]): Promise<void>
}

// Work registered by code running inside one of our top-level transactions, run just before it commits.
const commitWork = new WeakMap<object, (() => Promise<void>)[]>()

/**
 * Runs `work` inside `tx` just before it commits (e.g. one insert for everything buffered);
 * false when `tx` is not a top-level transaction of a request database, so the caller acts now.
 */
export function beforeCommit(tx: Db, work: () => Promise<void>): boolean {
  const queue = commitWork.get(tx)
  if (!queue) return false
  queue.push(work)
  return true
}

// Drizzle writes `insert into "t"`, `update "t"`, `delete from "t"`.
const WRITE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?([a-z0-9_]+)"?/i

// One HTTP query function per connection string and isolate: it holds no socket, so requests may share it.
const httpClients = new Map<string, NeonQueryFunction<false, false>>()

export function openDatabase(project: ProjectConfig, hooks: DatabaseHooks = {}): RequestDatabase {
  let pool: Pool | undefined
  let db: Db | undefined
  let statements = 0
  const writes: string[] = []
  const logger = {
    logQuery(query: string, params: unknown[]) {
      statements++
      const table = WRITE.exec(query)?.[1]
      if (table) writes.push(table)
      if (project.database_logging) console.log(`[sql] ${query}`, params.length ? params : "")
    },
  }
  const transactional = () => {
    pool ??= new Pool({ connectionString: project.database_url, ...project.database_extra })
    return drizzleWebSocket({ client: pool, logger })
  }
  return {
    get db() {
      if (!db) {
        configureDriver(project)
        // The HTTP session has no interactive transactions: those run on the Pool.
        const http = drizzleHttp({ client: httpClient(project.database_url), logger }) as unknown as Db
        http.transaction = ((work, config) =>
          transactional().transaction(async (tx) => {
            const from = writes.length
            const queue: (() => Promise<void>)[] = []
            commitWork.set(tx, queue)
            const result = await work(tx)
            if (writes.length > from) await hooks.beforeCommit?.(tx as unknown as Db, writes.slice(from))
            for (let next = queue.shift(); next; next = queue.shift()) await next()
            commitWork.delete(tx)
            return result
          }, config)) as Db["transaction"]
        db = http
      }
      return db
    },
    get opened() {
      return db !== undefined
    },
    get statements() {
      return statements
    },
    get written() {
      return new Set(writes)
    },
    async close() {
      await pool?.end()
    },
  }
}

function httpClient(url: string) {
  let client = httpClients.get(url)
  if (!client) {
    client = neon(url)
    httpClients.set(url, client)
  }
  return client
}

/**
 * Neon's recommended connection: the password pipelined with the start-up over the encrypted
 * socket. Locally, the stand-in of scripts/lib/neon-proxy.ts serves both endpoints without TLS.
 */
function configureDriver(project: ProjectConfig) {
  neonConfig.pipelineConnect = project.database_pipeline_connect ? "password" : false
  const proxy = project.database_ws_proxy
  if (!proxy) return
  neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`
  neonConfig.fetchEndpoint = `http://${proxy}/sql`
  neonConfig.useSecureWebSocket = false
  neonConfig.pipelineTLS = false
}

declare module "../core/container" {
  interface ServiceMap {
    /** the request's database, or the transaction it is in */
    manager: Db
    database: RequestDatabase
  }
}
