import { createHash, randomUUID } from "node:crypto"
import { createServer, type Server } from "node:http"
import { SignJWT } from "jose"
import { freePort } from "../../scripts/lib/ports"
import { closeServer } from "./close-server"

/**
 * A local stand-in for QStash's publish and batch endpoints, for the real `@upstash/qstash`
 * Client: it accepts messages (Bearer token, Upstash-Deduplication-Id, Upstash-Retries),
 * delivers them with retries, and signs each delivery exactly as QStash does, so the real
 * `Receiver` verifies it.
 */
export interface Delivery {
  messageId: string
  destination: string
  attempt: number
  status: number
  signature: string
  body: string
}

export interface QStashStandIn {
  url: string
  token: string
  currentSigningKey: string
  nextSigningKey: string
  deliveries: Delivery[]
  /** resolves once every accepted message has been delivered or has used up its retries */
  idle(): Promise<void>
  stop(): Promise<void>
}

export async function startQStashStandIn(options: { retryDelayMs?: number } = {}): Promise<QStashStandIn> {
  const token = `qstash_${randomUUID()}`
  const currentSigningKey = `sig_current_${randomUUID()}`
  const nextSigningKey = `sig_next_${randomUUID()}`
  const deliveries: Delivery[] = []
  const seen = new Map<string, string>()
  const inFlight = new Set<Promise<void>>()

  const sign = (destination: string, body: string) => {
    const now = Math.floor(Date.now() / 1000)
    const hash = createHash("sha256").update(body).digest("base64url")
    return new SignJWT({ body: hash })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("Upstash")
      .setSubject(destination)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 300)
      .setJti(randomUUID())
      .sign(new TextEncoder().encode(currentSigningKey))
  }

  const deliver = async (messageId: string, destination: string, headers: Record<string, string>, body: string) => {
    const retries = Number(headers["upstash-retries"] ?? 3)
    for (let attempt = 0; attempt <= retries; attempt++) {
      const signature = await sign(destination, body)
      let status = 0
      try {
        const res = await fetch(destination, {
          method: "POST",
          headers: {
            "content-type": headers["content-type"] ?? "application/json",
            "upstash-signature": signature,
            "upstash-message-id": messageId,
            "upstash-retried": String(attempt),
          },
          body,
        })
        status = res.status
        await res.text()
      } catch {
        status = 0
      }
      deliveries.push({ messageId, destination, attempt, status, signature, body })
      if (status >= 200 && status < 300) return
      await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 100) * 2 ** attempt))
    }
  }

  const accept = (message: { destination: string; headers: Record<string, string>; body: string }) => {
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    )
    const dedup = headers["upstash-deduplication-id"]
    if (dedup && seen.has(dedup)) return { messageId: seen.get(dedup)!, deduplicated: true }
    const messageId = `msg_${randomUUID()}`
    if (dedup) seen.set(dedup, messageId)
    const work = deliver(messageId, message.destination, headers, message.body ?? "").finally(() =>
      inFlight.delete(work),
    )
    inFlight.add(work)
    return { messageId }
  }

  const server: Server = createServer((req, res) => {
    let data = ""
    req.on("data", (chunk) => (data += chunk))
    req.on("end", () => {
      const answer = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body))
      if (req.headers.authorization !== `Bearer ${token}`) return answer(401, { error: "Unauthorized" })
      const path = req.url ?? ""
      if (req.method === "POST" && path === "/v2/batch") {
        const messages = JSON.parse(data) as { destination: string; headers: Record<string, string>; body: string }[]
        return answer(200, messages.map(accept))
      }
      const publish = /^\/v2\/publish\/(.+)$/.exec(path)
      if (req.method === "POST" && publish) {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
        return answer(200, accept({ destination: decodeURIComponent(publish[1]!), headers, body: data }))
      }
      answer(404, { error: `not served by the stand-in: ${req.method} ${path}` })
    })
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    currentSigningKey,
    nextSigningKey,
    deliveries,
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
    stop: () => closeServer(server),
  }
}
