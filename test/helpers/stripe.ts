import { createHmac, randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import qs from "qs"
import { freePort } from "../../scripts/lib/ports"
import { closeServer } from "./close-server"

/**
 * A local stand-in for the Stripe API endpoints the Worker calls, for the real `stripe` client:
 * PaymentIntents (create, retrieve, update, confirm, capture, cancel) and refunds, with form-encoded
 * bodies, the Bearer key checked, amounts in minor units, Idempotency-Key replays and Stripe's error
 * bodies. Plays the shopper (confirming a card) and Stripe's webhooks (events signed as Stripe does).
 */
export interface StandInIntent {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  status:
    | "requires_payment_method"
    | "requires_confirmation"
    | "requires_action"
    | "processing"
    | "requires_capture"
    | "succeeded"
    | "canceled"
  capture_method: "automatic" | "manual"
  client_secret: string
  metadata: Record<string, string>
  receipt_email: string | null
  last_payment_error: { code: string; message: string; type: string } | null
  created: number
  livemode: false
}

export interface StandInRefund {
  id: string
  object: "refund"
  amount: number
  currency: string
  payment_intent: string
  status: "succeeded"
}

export interface StripeStandIn {
  url: string
  apiKey: string
  webhookSecret: string
  intents: Map<string, StandInIntent>
  refunds: StandInRefund[]
  /** every API call, as "METHOD /path" */
  calls: string[]
  /** the shopper confirms a card: a manual intent becomes requires_capture, an automatic one succeeded; or declined */
  confirm(id: string, outcome?: "success" | "decline" | "requires_action"): StandInIntent
  /** Stripe's side moves on its own (its dashboard): captured there */
  captureInDashboard(id: string): StandInIntent
  /** a webhook event about an intent, signed as Stripe signs it (`t=…,v1=…`) */
  event(
    type: string,
    intent: StandInIntent,
    options?: { id?: string; secret?: string; timestamp?: number },
  ): { id: string; body: string; signature: string }
  /** while set, every API call answers 500 (an outage) */
  failing: boolean
  stop(): Promise<void>
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`

/** Stripe's documented scheme: HMAC-SHA256 of "<t>.<payload>" with the endpoint's secret, in hex. */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex")
  return `t=${timestamp},v1=${v1}`
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const apiKey = `sk_test_${randomBytes(12).toString("hex")}`
  const webhookSecret = `whsec_${randomBytes(16).toString("hex")}`
  const intents = new Map<string, StandInIntent>()
  const refunds: StandInRefund[] = []
  const calls: string[] = []
  const replays = new Map<string, { status: number; body: unknown }>()

  const error = (status: number, type: string, message: string, extra: Record<string, unknown> = {}) => ({
    status,
    body: { error: { type, message, ...extra } },
  })
  const unexpectedState = (intent: StandInIntent, action: string) =>
    error(400, "invalid_request_error", `This PaymentIntent could not be ${action} (status ${intent.status}).`, {
      code: "payment_intent_unexpected_state",
      payment_intent: intent,
    })

  const route = (method: string, path: string, form: Record<string, any>): { status: number; body: unknown } => {
    if (method === "POST" && path === "/v1/payment_intents") {
      const amount = Number(form.amount)
      if (!Number.isInteger(amount) || amount < 1)
        return error(400, "invalid_request_error", "Invalid integer amount", { param: "amount" })
      if (!/^[a-z]{3}$/.test(String(form.currency)))
        return error(400, "invalid_request_error", "Invalid currency", { param: "currency" })
      const intentId = id("pi")
      const intent: StandInIntent = {
        id: intentId,
        object: "payment_intent",
        amount,
        amount_capturable: 0,
        amount_received: 0,
        currency: String(form.currency),
        status: "requires_payment_method",
        capture_method: form.capture_method === "manual" ? "manual" : "automatic",
        client_secret: `${intentId}_secret_${randomBytes(8).toString("hex")}`,
        metadata: (form.metadata as Record<string, string>) ?? {},
        receipt_email: form.receipt_email ?? null,
        last_payment_error: null,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
      }
      intents.set(intent.id, intent)
      return { status: 200, body: intent }
    }
    const match = /^\/v1\/payment_intents\/([^/]+)(?:\/(capture|cancel|confirm))?$/.exec(path)
    if (match) {
      const intent = intents.get(match[1]!)
      if (!intent)
        return error(404, "invalid_request_error", `No such payment_intent: '${match[1]}'`, {
          code: "resource_missing",
        })
      const action = match[2]
      if (method === "GET" && !action) return { status: 200, body: intent }
      if (method === "POST" && !action) {
        if (form.amount !== undefined) intent.amount = Number(form.amount)
        return { status: 200, body: intent }
      }
      if (method === "POST" && action === "capture") {
        if (intent.status !== "requires_capture") return unexpectedState(intent, "captured")
        intent.status = "succeeded"
        intent.amount_received = form.amount_to_capture ? Number(form.amount_to_capture) : intent.amount_capturable
        intent.amount_capturable = 0
        return { status: 200, body: intent }
      }
      if (method === "POST" && action === "cancel") {
        if (intent.status === "succeeded" || intent.status === "canceled") return unexpectedState(intent, "canceled")
        intent.status = "canceled"
        intent.amount_capturable = 0
        return { status: 200, body: intent }
      }
      if (method === "POST" && action === "confirm") return { status: 200, body: standIn.confirm(intent.id) }
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = intents.get(String(form.payment_intent))
      if (!intent) return error(404, "invalid_request_error", "No such payment_intent", { code: "resource_missing" })
      const refunded = refunds.filter((r) => r.payment_intent === intent.id).reduce((sum, r) => sum + r.amount, 0)
      const amount = form.amount === undefined ? intent.amount_received - refunded : Number(form.amount)
      if (intent.status !== "succeeded")
        return error(400, "invalid_request_error", "This PaymentIntent has no successful charge to refund.")
      if (!Number.isInteger(amount) || amount < 1 || refunded + amount > intent.amount_received)
        return error(400, "invalid_request_error", `Refund amount (${amount}) is greater than unrefunded amount`, {
          code: "amount_too_large",
        })
      const created: StandInRefund = {
        id: id("re"),
        object: "refund",
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        status: "succeeded",
      }
      refunds.push(created)
      return { status: 200, body: created }
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path})`)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString("utf8")
    const url = new URL(req.url ?? "/", "http://stand-in")
    const method = req.method ?? "GET"
    calls.push(`${method} ${url.pathname}`)
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": id("req") })
      res.end(JSON.stringify(body))
    }
    if (standIn.failing) return reply(500, { error: { type: "api_error", message: "Stripe is down (stand-in)" } })
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return reply(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } })
    const form = qs.parse(method === "GET" ? url.search.slice(1) : raw) as Record<string, any>
    const key = req.headers["idempotency-key"]
    const replayKey = typeof key === "string" ? `${method} ${url.pathname} ${key}` : undefined
    const replayed = replayKey ? replays.get(replayKey) : undefined
    if (replayed) return reply(replayed.status, replayed.body)
    const answer = route(method, url.pathname, form)
    if (replayKey) replays.set(replayKey, answer)
    reply(answer.status, answer.body)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      res.writeHead(500)
      res.end(error.message)
    })
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))

  const standIn: StripeStandIn = {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    webhookSecret,
    intents,
    refunds,
    calls,
    failing: false,
    confirm(intentId, outcome = "success") {
      const intent = intents.get(intentId)
      if (!intent) throw new Error(`no intent ${intentId}`)
      if (outcome === "decline") {
        intent.status = "requires_payment_method"
        intent.last_payment_error = { code: "card_declined", message: "Your card was declined.", type: "card_error" }
      } else if (outcome === "requires_action") {
        intent.status = "requires_action"
      } else if (intent.capture_method === "manual") {
        intent.status = "requires_capture"
        intent.amount_capturable = intent.amount
      } else {
        intent.status = "succeeded"
        intent.amount_received = intent.amount
      }
      return { ...intent }
    },
    captureInDashboard(intentId) {
      const intent = intents.get(intentId)!
      intent.status = "succeeded"
      intent.amount_received = intent.amount_capturable || intent.amount
      intent.amount_capturable = 0
      return { ...intent }
    },
    event(type, intent, options = {}) {
      const eventId = options.id ?? id("evt")
      const body = JSON.stringify({
        id: eventId,
        object: "event",
        api_version: "2026-01-28",
        created: Math.floor(Date.now() / 1000),
        type,
        data: { object: intent },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
      })
      return {
        id: eventId,
        body,
        signature: signStripePayload(body, options.secret ?? webhookSecret, options.timestamp),
      }
    },
    stop: () => closeServer(server),
  }
  return standIn
}
