import { startEmbeddedPostgres } from "./postgres"
import { startNeonProxy, type NeonProxy } from "./neon-proxy"

export interface LocalDatabase {
  /** DATABASE_URL for the Worker and the scripts */
  url: string
  /** the local stand-in for Neon's WebSocket and HTTP endpoints; undefined when the database is remote (Neon) */
  proxy: NeonProxy | undefined
  /** true when this process started the embedded Postgres */
  embedded: boolean
  /** what the Worker needs to reach this database: DATABASE_URL and, when local, the stand-in */
  bindings: Record<string, string>
  stop(): Promise<void>
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"])

export function isLocalDatabase(url: string): boolean {
  return LOCAL_HOSTS.has(new URL(url).hostname)
}

/**
 * The database the Worker will talk to. Given a URL (DATABASE_URL), that one; a local
 * Postgres still needs the Neon stand-in, since the Worker's driver speaks only WebSocket and HTTP.
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
  if (options.databaseUrl && !isLocalDatabase(options.databaseUrl)) {
    const url = options.databaseUrl
    return { url, proxy: undefined, embedded: false, bindings: { DATABASE_URL: url }, stop: async () => {} }
  }
  const postgres = options.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: options.dataDir,
        database: options.database,
        port: options.port,
        persistent: options.persistent,
        log: options.log,
      })
  const url = postgres?.url ?? options.databaseUrl!
  // The embedded Postgres logs in with a password, so the stand-in can pool it as Neon's pooled endpoint does.
  const proxy = await proxyFor(url, postgres !== undefined)
  return {
    url,
    proxy,
    embedded: postgres !== undefined,
    bindings: proxyBindings(url, proxy, postgres !== undefined),
    async stop() {
      await proxy.close()
      await postgres?.stop()
    },
  }
}

export function proxyFor(url: string, pooled = false): Promise<NeonProxy> {
  const target = new URL(url)
  return startNeonProxy(
    { host: target.hostname.replace(/^\[|\]$/g, ""), port: Number(target.port || 5432) },
    { pooled },
  )
}

/**
 * The embedded Postgres logs in with a cleartext password, as Neon's proxy does, so the driver
 * pipelines it with the start-up; any other local Postgres may ask for SCRAM, which cannot be pipelined.
 */
export function proxyBindings(url: string, proxy: NeonProxy, passwordAuth: boolean): Record<string, string> {
  return {
    DATABASE_URL: url,
    DATABASE_WS_PROXY: proxy.address,
    DATABASE_PIPELINE_CONNECT: passwordAuth ? "password" : "false",
  }
}
