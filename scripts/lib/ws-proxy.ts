import { createServer, type Server } from "node:http"
import { connect } from "node:net"
import { WebSocketServer, createWebSocketStream } from "ws"

/**
 * WebSocket → TCP bridge in front of a local Postgres, speaking the protocol that
 * `@neondatabase/serverless` uses with `neonConfig.wsProxy` (`/v2?address=host:port`).
 * It forwards only to the one Postgres it was started for, so it is never an open relay.
 */
export interface WsProxy {
  port: number
  /** value for the `DATABASE_WS_PROXY` binding: `host:port` of this proxy */
  address: string
  close(): Promise<void>
}

export async function startWsProxy(target: { host: string; port: number }, port = 0): Promise<WsProxy> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(426, { "content-type": "text/plain" }).end("WebSocket upgrade required\n")
  })
  const wss = new WebSocketServer({ server })
  const allowed = new Set([`${target.host}:${target.port}`, `localhost:${target.port}`, `127.0.0.1:${target.port}`])

  wss.on("connection", (ws, req) => {
    const address = new URL(req.url ?? "/", "http://proxy").searchParams.get("address") ?? ""
    if (!allowed.has(address)) {
      ws.close(1008, `address ${address} is not proxied`)
      return
    }
    const socket = connect({ host: target.host, port: target.port })
    socket.setNoDelay(true)
    const stream = createWebSocketStream(ws)
    stream.on("error", () => socket.destroy())
    socket.on("error", () => ws.terminate())
    stream.pipe(socket).pipe(stream)
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", resolve)
  })
  const bound = (server.address() as { port: number }).port
  return {
    port: bound,
    address: `127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => resolve())
      }),
  }
}
