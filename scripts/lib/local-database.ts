import { startEmbeddedPostgres } from "./postgres"
import { startWsProxy } from "./ws-proxy"

export interface LocalDatabase {
  /** DATABASE_URL for the Worker and the scripts */
  url: string
  /** DATABASE_WS_PROXY for the Worker; undefined when the database is remote (Neon) */
  wsProxy: string | undefined
  /** true when this process started the embedded Postgres */
  embedded: boolean
  stop(): Promise<void>
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"])

/**
 * The database the Worker will talk to. Given a URL (DATABASE_URL), that one; a local
 * Postgres still needs the WebSocket proxy, since the Worker's driver speaks only WebSocket.
 * Without one, an embedded Postgres from npm is started in `dataDir`.
 */
export async function startLocalDatabase(options: {
  databaseUrl?: string
  dataDir: string
  database: string
  port?: number
  persistent?: boolean
  log?: (line: string) => void
}): Promise<LocalDatabase> {
  const given = options.databaseUrl ? new URL(options.databaseUrl) : undefined
  if (given && !LOCAL_HOSTS.has(given.hostname)) {
    return { url: options.databaseUrl!, wsProxy: undefined, embedded: false, stop: async () => {} }
  }
  const postgres = given
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: options.dataDir,
        database: options.database,
        port: options.port,
        persistent: options.persistent,
        log: options.log,
      })
  const url = postgres?.url ?? options.databaseUrl!
  const target = new URL(url)
  const proxy = await startWsProxy({ host: target.hostname.replace(/^\[|\]$/g, ""), port: Number(target.port || 5432) })
  return {
    url,
    wsProxy: proxy.address,
    embedded: postgres !== undefined,
    async stop() {
      await proxy.close()
      await postgres?.stop()
    },
  }
}
