import { createHash } from "node:crypto"
import { connect, type Socket } from "node:net"
import type { Duplex } from "node:stream"

/**
 * A transaction-mode pooler for the Postgres wire protocol, as Neon's pooled endpoint (PgBouncer)
 * is: each client logs in here (a cleartext password, which Neon's proxy asks for too), and gets
 * one of a few long-lived Postgres connections for the length of each transaction only. So a
 * Worker's Pool connection costs no Postgres backend start. Unnamed statements only (what
 * node-postgres and the Neon driver send), as with PgBouncer in transaction mode.
 */
export interface Pooler {
  /** serves one client connection (the WebSocket's stream) */
  serve(client: Duplex): void
  /** Postgres connections opened so far (each one a backend start and a login) */
  readonly opened: number
  close(): void
}

interface Startup {
  user: string
  database: string
  options?: string
}

/** A pooled Postgres connection: logged in, idle between transactions. */
interface ServerConnection {
  socket: Socket
  parameters: Buffer[]
  /** the messages of one chunk read from Postgres, in order */
  onMessages?: (messages: [type: string, raw: Buffer][]) => void
  onClose?: () => void
  closed: boolean
}

const message = (type: string, body: Buffer) => {
  const header = Buffer.alloc(5)
  header.write(type, 0, "latin1")
  header.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([header, body])
}
const int32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeInt32BE(n)
  return b
}
const cstring = (s: string) => Buffer.from(`${s}\0`, "utf8")
const errorMessage = (code: string, text: string) =>
  message("E", Buffer.concat([cstring(`SFATAL`), cstring(`C${code}`), cstring(`M${text}`), Buffer.from([0])]))

/**
 * Splits a byte stream into protocol messages (type byte + length), keeping partial ones for
 * later; each chunk's whole messages are handed over together, so they can be written on in one write.
 */
function framer(onMessages: (messages: [type: string, raw: Buffer][]) => void) {
  let pending: Buffer = Buffer.alloc(0)
  return (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
    const messages: [string, Buffer][] = []
    while (pending.length >= 5) {
      const length = pending.readInt32BE(1) + 1
      if (pending.length < length) break
      messages.push([String.fromCharCode(pending[0]!), pending.subarray(0, length)])
      pending = pending.subarray(length)
    }
    if (messages.length) onMessages(messages)
  }
}

export function createPooler(target: { host: string; port: number }, options: { max?: number } = {}): Pooler {
  const max = options.max ?? 20
  const pools = new Map<
    string,
    { idle: ServerConnection[]; size: number; waiters: ((server: ServerConnection | Error) => void)[] }
  >()
  const clients = new Set<Duplex>()
  let opened = 0

  /** A new logged-in Postgres connection, with the parameters it reported. */
  function open(startup: Startup, password: string): Promise<ServerConnection> {
    opened++
    return new Promise((resolve, reject) => {
      const socket = connect({ host: target.host, port: target.port })
      socket.setNoDelay(true)
      const server: ServerConnection = { socket, parameters: [], closed: false }
      let ready = false
      const fail = (error: Error) => {
        server.closed = true
        socket.destroy()
        if (!ready) reject(error)
        else server.onClose?.()
      }
      socket.on("error", fail)
      socket.on("close", () => fail(new Error("Postgres closed the connection")))
      socket.on(
        "data",
        framer((messages) => {
          if (ready) return server.onMessages?.(messages)
          for (const [type, raw] of messages) {
            const body = raw.subarray(5)
            if (type === "R") {
              const kind = body.readInt32BE(0)
              if (kind === 3) socket.write(message("p", cstring(password)))
              else if (kind === 5) {
                const inner = createHash("md5")
                  .update(password + startup.user)
                  .digest("hex")
                socket.write(
                  message(
                    "p",
                    cstring(
                      `md5${createHash("md5")
                        .update(Buffer.concat([Buffer.from(inner), body.subarray(4, 8)]))
                        .digest("hex")}`,
                    ),
                  ),
                )
              } else if (kind !== 0)
                fail(new Error(`the pooler logs in with a password or md5 only (Postgres asked for method ${kind})`))
            } else if (type === "S") server.parameters.push(Buffer.from(raw))
            else if (type === "E")
              fail(
                new Error(
                  body
                    .toString("utf8")
                    .split("\0")
                    .find((field) => field.startsWith("M"))
                    ?.slice(1) ?? "login failed",
                ),
              )
            else if (type === "Z") {
              ready = true
              resolve(server)
            }
          }
        }),
      )
      const params = [
        ["user", startup.user],
        ["database", startup.database],
        ...(startup.options ? [["options", startup.options]] : []),
        ["application_name", "medusa-edge-pooler"],
      ]
      const body = Buffer.concat([
        int32(196608),
        ...params.flatMap(([key, value]) => [cstring(key!), cstring(value!)]),
        Buffer.from([0]),
      ])
      socket.write(Buffer.concat([int32(body.length + 4), body]))
    })
  }

  const poolOf = (key: string) => {
    let pool = pools.get(key)
    if (!pool) {
      pool = { idle: [], size: 0, waiters: [] }
      pools.set(key, pool)
    }
    return pool
  }

  async function acquire(startup: Startup, password: string): Promise<ServerConnection> {
    const pool = poolOf(JSON.stringify([startup, password]))
    for (let server = pool.idle.pop(); server; server = pool.idle.pop()) if (!server.closed) return server
    if (pool.size < max) {
      pool.size++
      try {
        const server = await open(startup, password)
        server.socket.once("close", () => pool.size--)
        return server
      } catch (error) {
        pool.size--
        throw error
      }
    }
    return new Promise((resolve, reject) =>
      pool.waiters.push((server) => (server instanceof Error ? reject(server) : resolve(server))),
    )
  }

  function release(startup: Startup, password: string, server: ServerConnection) {
    server.onMessages = undefined
    server.onClose = undefined
    if (server.closed) return
    const pool = poolOf(JSON.stringify([startup, password]))
    const waiter = pool.waiters.shift()
    if (waiter) waiter(server)
    else pool.idle.push(server)
  }

  function serve(client: Duplex) {
    clients.add(client)
    let startup: Startup | undefined
    let password: string | undefined
    let server: ServerConnection | undefined
    let acquiring: Promise<void> | undefined
    // Replies still owed by the attached server: one ReadyForQuery per Sync or simple Query sent.
    let owed = 0
    let idle = true
    let loggedIn = false
    let ended = false
    const queue: Buffer[] = []
    const end = (reply?: Buffer) => {
      if (ended) return
      ended = true
      if (reply) client.write(reply)
      client.end()
      clients.delete(client)
      if (server) {
        if (owed > 0 || !idle) server.socket.destroy()
        else release(startup!, password!, server)
        server = undefined
      }
    }
    const attach = async () => {
      try {
        server = await acquire(startup!, password!)
      } catch (error) {
        return end(errorMessage("08006", (error as Error).message))
      }
      server.onClose = () => end()
      server.onMessages = (messages) => {
        client.write(messages.length === 1 ? messages[0]![1] : Buffer.concat(messages.map(([, raw]) => raw)))
        for (const [type, raw] of messages) {
          if (type !== "Z") continue
          owed--
          idle = raw[5] === 0x49 // 'I': no transaction open
        }
        if (owed <= 0 && idle && queue.length === 0) {
          release(startup!, password!, server!)
          server = undefined
        }
      }
      flush()
    }
    const flush = () => {
      if (!loggedIn || ended) return
      if (server && queue.length) {
        for (const raw of queue) if (raw[0] === 0x53 || raw[0] === 0x51) owed++ // Sync, Query: each answered by a ReadyForQuery
        server.socket.write(queue.length === 1 ? queue[0]! : Buffer.concat(queue))
        queue.length = 0
      }
      if (!server && queue.length && !acquiring) acquiring = attach().finally(() => (acquiring = undefined))
    }
    const onMessages = framer((messages) => {
      for (const [type, raw] of messages) onMessage(type, raw)
      flush()
    })
    const onMessage = (type: string, raw: Buffer) => {
      if (type === "X") return end()
      if (password === undefined) {
        if (type !== "p") return end(errorMessage("28000", "password authentication expected"))
        password = raw.subarray(5, raw.length - 1).toString("utf8")
        // The first connection checks the password against Postgres and gives the parameters to report.
        acquire(startup!, password)
          .then((first) => {
            client.write(message("R", int32(0)))
            for (const parameter of first.parameters) client.write(parameter)
            client.write(message("K", Buffer.concat([int32(process.pid), int32(0)])))
            client.write(message("Z", Buffer.from("I")))
            release(startup!, password!, first)
            loggedIn = true
            flush()
          })
          .catch((error: Error) => end(errorMessage("28P01", error.message)))
        return
      }
      queue.push(raw)
    }
    let head: Buffer = Buffer.alloc(0)
    client.on("data", (chunk: Buffer) => {
      if (startup) return onMessages(chunk)
      head = Buffer.concat([head, chunk])
      if (head.length < 4 || head.length < head.readInt32BE(0)) return
      const length = head.readInt32BE(0)
      const fields = head.subarray(8, length).toString("utf8").split("\0")
      const values: Record<string, string> = {}
      for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]) values[fields[i]!] = fields[i + 1]!
      startup = {
        user: values.user ?? "",
        database: values.database ?? values.user ?? "",
        ...(values.options ? { options: values.options } : {}),
      }
      client.write(message("R", int32(3))) // cleartext password, as Neon's proxy asks
      const rest = head.subarray(length)
      if (rest.length) onMessages(rest)
    })
    client.on("error", () => end())
    client.on("close", () => end())
  }

  return {
    serve,
    get opened() {
      return opened
    },
    close() {
      for (const client of clients) client.destroy()
      for (const pool of pools.values()) for (const server of pool.idle) server.socket.destroy()
      pools.clear()
    },
  }
}
