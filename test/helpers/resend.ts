import { randomUUID } from "node:crypto"
import { createServer, type Server } from "node:http"
import { freePort } from "../../scripts/lib/ports"
import { closeServer } from "./close-server"

/** One POST /emails as the stand-in received it. */
export interface ResendRequest {
  authorization: string | undefined
  idempotencyKey: string | undefined
  body: { from?: string; to?: string[] | string; subject?: string; html?: string; text?: string }
  status: number
}

/** A mail Resend accepted (and would deliver): a retried request with the same Idempotency-Key adds none. */
export interface SentEmail {
  id: string
  idempotencyKey: string | undefined
  from: string | undefined
  to: string[]
  subject: string | undefined
  html: string | undefined
  text: string | undefined
}

export interface ResendStandIn {
  url: string
  apiKey: string
  requests: ResendRequest[]
  sent: SentEmail[]
  /** while true, every request is answered 500 (an outage) */
  down: boolean
  stop(): Promise<void>
}

/**
 * A local stand-in for Resend's POST /emails: Bearer key, JSON body, `{ id }` answer, and its
 * Idempotency-Key semantics (the same key and body answer the first mail's id without sending
 * again; the same key with another body is a 409).
 */
export async function startResendStandIn(): Promise<ResendStandIn> {
  const apiKey = `re_${randomUUID().replace(/-/g, "")}`
  const byKey = new Map<string, { body: string; id: string }>()
  const state = { down: false }
  const requests: ResendRequest[] = []
  const sent: SentEmail[] = []

  const server: Server = createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      const key = req.headers["idempotency-key"] as string | undefined
      let body: ResendRequest["body"] = {}
      try {
        body = JSON.parse(raw)
      } catch {}
      const answer = (status: number, json: unknown) => {
        requests.push({ authorization: req.headers.authorization, idempotencyKey: key, body, status })
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json))
      }
      if (req.method !== "POST" || req.url !== "/emails")
        return answer(404, { statusCode: 404, name: "not_found", message: "not served" })
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return answer(401, { statusCode: 401, name: "validation_error", message: "API key is invalid" })
      if (state.down) return answer(500, { statusCode: 500, name: "application_error", message: "Internal error" })
      if (!body.from || !body.to || !body.subject)
        return answer(422, { statusCode: 422, name: "validation_error", message: "from, to and subject are required" })
      const previous = key ? byKey.get(key) : undefined
      if (previous) {
        if (previous.body !== raw)
          return answer(409, { statusCode: 409, name: "invalid_idempotent_request", message: "Same key, other body" })
        return answer(200, { id: previous.id })
      }
      const id = randomUUID()
      if (key) byKey.set(key, { body: raw, id })
      sent.push({
        id,
        idempotencyKey: key,
        from: body.from,
        to: Array.isArray(body.to) ? body.to : [body.to],
        subject: body.subject,
        html: body.html,
        text: body.text,
      })
      answer(200, { id })
    })
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    sent,
    stop: () => closeServer(server),
  })
}
