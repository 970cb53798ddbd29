import { createServer } from "node:net"

/** Resolves `preferred` when it is free on 127.0.0.1, else any free port. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer()
      server.once("error", () => resolve(null))
      server.listen(port, "127.0.0.1", () => {
        const bound = (server.address() as { port: number }).port
        server.close(() => resolve(bound))
      })
    })
  return (preferred ? await tryPort(preferred) : null) ?? (await tryPort(0))!
}
