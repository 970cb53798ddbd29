import { spawn, type ChildProcess } from "node:child_process"
import { createServer, type IncomingMessage, type Server } from "node:http"
import { createClient } from "redis"
import { freePort } from "../../scripts/lib/ports"
import { closeServer } from "./close-server"

/**
 * A local stand-in for Upstash's Redis REST API (`POST /` one command, `/pipeline`,
 * `/multi-exec`, Bearer token, base64 response encoding), backed by a real `redis-server`, so
 * tests run the real `@upstash/redis` and `@upstash/ratelimit` clients.
 */
export interface UpstashStandIn {
  url: string
  token: string
  redis: { keys(pattern: string): Promise<string[]> }
  stop(): Promise<void>
}

type Reply = string | number | null | Reply[] | Buffer

export async function startUpstashStandIn(): Promise<UpstashStandIn> {
  const redisPort = await freePort()
  const server: ChildProcess = spawn(
    "redis-server",
    ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  )
  const redis = createClient({ url: `redis://127.0.0.1:${redisPort}` })
  redis.on("error", () => {})
  for (let attempt = 0; ; attempt++) {
    try {
      await redis.connect()
      break
    } catch (error) {
      if (attempt > 50) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  const token = `standin_${Date.now().toString(36)}`
  const encode = (reply: Reply, base64: boolean): unknown => {
    if (Array.isArray(reply)) return reply.map((item) => encode(item, base64))
    if (typeof reply === "string" || Buffer.isBuffer(reply))
      return base64 ? Buffer.from(reply).toString("base64") : reply.toString()
    return reply
  }
  // Upstash accepts script flags that Debian's redis-server does not know; scripts are loaded
  // without them, and the client's EVALSHA (hash of the original) is mapped to the loaded one.
  const loaded = new Map<string, string>()
  const sha1 = async (text: string) =>
    Buffer.from(await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text))).toString("hex")
  const adapt = async (command: string[]): Promise<string[]> => {
    const name = command[0]!.toUpperCase()
    if (name === "EVAL") {
      const script = command[1]!.replace(/^#!lua flags=[^\n]*/, "#!lua")
      loaded.set(await sha1(command[1]!), String(await redis.sendCommand(["SCRIPT", "LOAD", script])))
      return ["EVAL", script, ...command.slice(2)]
    }
    if (name === "EVALSHA" && loaded.has(command[1]!)) return ["EVALSHA", loaded.get(command[1]!)!, ...command.slice(2)]
    return command
  }
  const run = async (command: string[]) => {
    try {
      return { result: (await redis.sendCommand(await adapt(command))) as unknown as Reply }
    } catch (error) {
      return { error: (error as Error).message }
    }
  }

  const http: Server = createServer(async (req, res) => {
    const answer = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body))
    if (req.headers.authorization !== `Bearer ${token}`) return answer(401, { error: "Unauthorized" })
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64"
    const body = JSON.parse(await readBody(req)) as string[] | string[][]
    const toStrings = (command: unknown[]) => command.map(String)
    if (req.url === "/pipeline" || req.url === "/multi-exec") {
      // One client runs them in order; good enough for tests, which send no concurrent transactions.
      const results = []
      for (const command of (body as unknown[][]).map(toStrings)) results.push(await run(command))
      return answer(
        200,
        results.map((r) => ("error" in r ? r : { result: encode(r.result, base64) })),
      )
    }
    const result = await run(toStrings(body as unknown[]))
    return "error" in result ? answer(400, result) : answer(200, { result: encode(result.result, base64) })
  })
  const port = await freePort()
  await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve))

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    redis: { keys: (pattern) => redis.keys(pattern) },
    async stop() {
      await closeServer(http)
      await redis.quit().catch(() => {})
      server.kill("SIGTERM")
    },
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ""
    req.on("data", (chunk) => (data += chunk))
    req.on("end", () => resolve(data || "[]"))
    req.on("error", reject)
  })
}
