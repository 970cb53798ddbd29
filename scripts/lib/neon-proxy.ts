import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import { connect } from "node:net"
import pg from "pg"
import { WebSocketServer, createWebSocketStream } from "ws"
import { createPooler } from "./pg-pooler"

/**
 * A local stand-in for Neon's two endpoints in front of one local Postgres, speaking what
 * `@neondatabase/serverless` speaks unmodified:
 * - WebSocket `/v2?address=host:port` (`neonConfig.wsProxy`): the Pool's socket, bridged to Postgres over TCP;
 * - HTTP `POST /sql` (`neonConfig.fetchEndpoint`): `neon()` queries and batches, run on a pool of
 *   connections kept open here, as Neon's HTTP endpoint does, so that no query logs in to Postgres.
 * It serves only the one Postgres it was started for, so it is never an open relay.
 */
export interface NeonProxy {
  port: number
  /** value for the `DATABASE_WS_PROXY` binding: `host:port` of this proxy */
  address: string
  /** Postgres connections this proxy opened for HTTP queries (each one a login) */
  readonly httpConnections: number
  /** WebSockets opened by the Worker's Pools (without pooling, each one a Postgres login and backend) */
  readonly wsConnections: number
  /** with `pooled`: the Postgres connections the pooler opened for them */
  readonly pooledConnections: number
  close(): Promise<void>
}

// Neon answers with every value as Postgres's text; the client parses them by type OID.
const RAW_TEXT = { getTypeParser: () => (value: string) => value }
const ERROR_FIELDS = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const
const ISOLATION: Record<string, string> = {
  ReadUncommitted: "read uncommitted",
  ReadCommitted: "read committed",
  RepeatableRead: "repeatable read",
  Serializable: "serializable",
}
const MAX_BODY = 64 * 1024 * 1024

interface QueryData {
  query: string
  params?: unknown[]
}

/**
 * `pooled`: the WebSocket path goes through a transaction-mode pooler (Neon's pooled endpoint);
 * it needs a Postgres that logs in with a password or md5 (the embedded one does), not SCRAM.
 */
export async function startNeonProxy(
  target: { host: string; port: number },
  options: { port?: number; pooled?: boolean } = {},
): Promise<NeonProxy> {
  const pooler = options.pooled ? createPooler(target) : undefined
  const allowed = new Set([`${target.host}:${target.port}`, `localhost:${target.port}`, `127.0.0.1:${target.port}`])
  const pools = new Map<string, pg.Pool>()
  let httpConnections = 0
  let wsConnections = 0

  const poolFor = (connectionString: string) => {
    let pool = pools.get(connectionString)
    if (!pool) {
      const url = new URL(connectionString)
      url.hostname = target.host
      url.searchParams.delete("sslmode")
      pool = new pg.Pool({ connectionString: url.toString(), max: 16, idleTimeoutMillis: 60_000 })
      pool.on("connect", () => httpConnections++)
      pool.on("error", () => {}) // an idle connection dropped by Postgres is replaced on next use
      pools.set(connectionString, pool)
    }
    return pool
  }

  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && req.url?.split("?")[0] === "/sql") {
      handleSql(req, res).catch((error) => reply(res, 500, { message: String(error) }))
      return
    }
    res.writeHead(426, { "content-type": "text/plain" }).end("WebSocket upgrade required (or POST /sql)\n")
  })
  server.keepAliveTimeout = 60_000

  async function handleSql(req: IncomingMessage, res: ServerResponse) {
    const connectionString = String(req.headers["neon-connection-string"] ?? "")
    let address: string
    try {
      const url = new URL(connectionString)
      address = `${url.hostname}:${url.port || 5432}`
    } catch {
      return reply(res, 400, { message: "missing or malformed Neon-Connection-String header" })
    }
    if (!allowed.has(address)) return reply(res, 400, { message: `address ${address} is not proxied` })
    let body: { query?: string; params?: unknown[]; queries?: QueryData[] }
    try {
      body = JSON.parse(await readBody(req))
    } catch (error) {
      return reply(res, 400, { message: `malformed body: ${(error as Error).message}` })
    }
    let client: pg.PoolClient
    try {
      client = await poolFor(connectionString).connect()
    } catch (error) {
      return reply(res, 503, { message: `Postgres is unreachable: ${(error as Error).message}` })
    }
    let broken = false
    // pg-pool listens only on idle clients: a connection Postgres drops mid-query would otherwise be an uncaught 'error'.
    const onError = () => (broken = true)
    client.on("error", onError)
    try {
      if (Array.isArray(body.queries)) {
        const mode = [ISOLATION[String(req.headers["neon-batch-isolation-level"])] ?? "read committed"]
        if (req.headers["neon-batch-read-only"] === "true") mode.push("read only")
        if (req.headers["neon-batch-deferrable"] === "true") mode.push("deferrable")
        await client.query(`begin isolation level ${mode.join(" ")}`)
        try {
          const results = []
          for (const query of body.queries) results.push(await run(client, query))
          await client.query("commit")
          reply(res, 200, { results })
        } catch (error) {
          await client.query("rollback").catch(() => (broken = true))
          throw error
        }
      } else {
        reply(res, 200, await run(client, { query: String(body.query), params: body.params }))
      }
    } catch (error) {
      const pgError = error as Record<string, unknown>
      if (typeof pgError.code !== "string" || !/^[0-9A-Z]{5}$/.test(pgError.code)) broken = true
      const fields = Object.fromEntries(ERROR_FIELDS.map((field) => [field, pgError[field]]))
      reply(res, broken ? 503 : 400, { message: (error as Error).message, ...fields })
    } finally {
      client.off("error", onError)
      client.release(broken)
    }
  }

  const wss = new WebSocketServer({ server })
  wss.on("connection", (ws, req) => {
    const address = new URL(req.url ?? "/", "http://proxy").searchParams.get("address") ?? ""
    if (!allowed.has(address)) {
      ws.close(1008, `address ${address} is not proxied`)
      return
    }
    wsConnections++
    const stream = createWebSocketStream(ws)
    if (pooler) return pooler.serve(stream)
    const socket = connect({ host: target.host, port: target.port })
    socket.setNoDelay(true)
    stream.on("error", () => socket.destroy())
    socket.on("error", () => ws.terminate())
    stream.pipe(socket).pipe(stream)
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", resolve)
  })
  const bound = (server.address() as { port: number }).port
  return {
    port: bound,
    address: `127.0.0.1:${bound}`,
    get httpConnections() {
      return httpConnections
    },
    get wsConnections() {
      return wsConnections
    },
    get pooledConnections() {
      return pooler?.opened ?? 0
    },
    async close() {
      pooler?.close()
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await Promise.all([...pools.values()].map((pool) => pool.end()))
    },
  }
}

async function run(client: pg.PoolClient, { query, params = [] }: QueryData) {
  const result = await client.query({ text: query, values: params, rowMode: "array", types: RAW_TEXT })
  return {
    command: result.command,
    rowCount: result.rowCount,
    rows: result.rows,
    fields: result.fields.map((field) => ({ ...field, format: "text" })),
    rowAsArray: true,
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new Error("body too large")
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString("utf8")
}

function reply(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text)
}
