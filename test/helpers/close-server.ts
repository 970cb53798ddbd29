import type { Server } from "node:http"

/** Closes an HTTP server now: keep-alive connections would otherwise hold close() open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
