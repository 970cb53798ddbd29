import { HTTPException } from "hono/http-exception"
import Stripe from "stripe"
import type { StripeOptions } from "../../../config/payment-module"
import { MedusaError } from "../../../core/errors"
import { fromSmallestUnit, toSmallestUnit } from "./smallest-unit"
import type { PaymentProvider, PaymentSessionStatus, ProviderData, WebhookActionResult } from "./types"

type Intent = Stripe.PaymentIntent

/** Stripe's PaymentIntent status as Medusa's session status (Medusa's StripeBase.getPaymentStatus). */
function statusOf(intent: Intent): PaymentSessionStatus {
  switch (intent.status) {
    case "requires_capture":
      return "authorized"
    case "succeeded":
      return "captured"
    case "requires_action":
      return "requires_more"
    case "canceled":
      return "canceled"
    default:
      return "pending"
  }
}

/** What a session keeps of an intent: enough for the storefront (client_secret) and later calls. */
function sessionData(intent: Intent): ProviderData {
  return {
    id: intent.id,
    client_secret: intent.client_secret,
    status: intent.status,
    amount: intent.amount,
    amount_received: intent.amount_received,
    currency: intent.currency,
    capture_method: intent.capture_method,
    metadata: intent.metadata,
  }
}

const intentId = (data: ProviderData) => {
  if (typeof data.id !== "string" || !data.id)
    throw new MedusaError("invalid_data", "The payment has no Stripe PaymentIntent id")
  return data.id
}

/** Stripe's failures as Medusa's: an outage is a 503 to retry, a refusal a 400 with Stripe's message. */
function providerError(error: unknown, doing: string): never {
  if (error instanceof MedusaError || error instanceof HTTPException) throw error
  const e = error as Stripe.errors.StripeError
  const status = typeof e?.statusCode === "number" ? e.statusCode : undefined
  const unavailable =
    e instanceof Stripe.errors.StripeConnectionError ||
    e instanceof Stripe.errors.StripeAPIError ||
    e instanceof Stripe.errors.StripeRateLimitError ||
    e instanceof Stripe.errors.StripeAuthenticationError ||
    e instanceof Stripe.errors.StripePermissionError ||
    status === undefined ||
    status >= 500
  if (unavailable) {
    throw new HTTPException(503, {
      message: `Stripe is unavailable right now (${doing}). Try again in a few seconds.`,
      cause: error,
    })
  }
  throw new MedusaError("invalid_data", `Stripe refused to ${doing}: ${e.message}`)
}

/** Medusa's @medusajs/payment-stripe card provider over the fetch API (runs in Workers). */
export function createStripeProvider(providerId: string, options: StripeOptions): PaymentProvider {
  const base = options.apiBase ? new URL(options.apiBase) : undefined
  const stripe = new Stripe(options.apiKey ?? "sk_missing", {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "http:" ? 80 : 443),
          protocol: base.protocol === "http:" ? "http" : "https",
        }
      : {}),
  })
  const crypto = Stripe.createSubtleCryptoProvider()
  const call = async <T>(doing: string, work: () => Promise<T>): Promise<T> => {
    if (!options.apiKey) throw new HTTPException(503, { message: `Stripe is not configured: set STRIPE_API_KEY` })
    try {
      return await work()
    } catch (error) {
      providerError(error, doing)
    }
  }
  const retrieve = (data: ProviderData) =>
    call("retrieve the payment", () => stripe.paymentIntents.retrieve(intentId(data)))

  const provider: PaymentProvider = {
    id: providerId,

    async initiatePayment({ amount, currency_code, context }) {
      const intent = await call("create the payment", () =>
        stripe.paymentIntents.create(
          {
            amount: toSmallestUnit(amount, currency_code),
            currency: currency_code,
            capture_method: options.capture ? "automatic" : "manual",
            metadata: { session_id: context.session_id },
            ...(context.email ? { receipt_email: context.email } : {}),
            ...(options.paymentDescription ? { description: options.paymentDescription } : {}),
            ...(options.automaticPaymentMethods ? { automatic_payment_methods: { enabled: true } } : {}),
          },
          // A retried request (network blip) creates one intent, not two.
          { idempotencyKey: `session_${context.session_id}` },
        ),
      )
      return { id: intent.id, data: sessionData(intent), status: statusOf(intent) }
    },

    async authorizePayment({ data }) {
      const intent = await retrieve(data)
      return { status: statusOf(intent), data: sessionData(intent) }
    },

    getPaymentStatus: (input) => provider.authorizePayment(input),

    async capturePayment({ data }) {
      const id = intentId(data)
      try {
        return { data: sessionData(await stripe.paymentIntents.capture(id)) }
      } catch (error) {
        // Captured already (Stripe's dashboard, a concurrent call): the intent is what we wanted.
        const raw = error as { code?: string; payment_intent?: Intent }
        if (raw.code === "payment_intent_unexpected_state" && raw.payment_intent?.status === "succeeded")
          return { data: sessionData(raw.payment_intent) }
        return call("capture the payment", () => Promise.reject(error))
      }
    },

    async refundPayment({ data, amount, currency_code, idempotency_key }) {
      await call("refund the payment", () =>
        stripe.refunds.create(
          { payment_intent: intentId(data), amount: toSmallestUnit(amount, currency_code) },
          idempotency_key ? { idempotencyKey: idempotency_key } : undefined,
        ),
      )
      return { data }
    },

    async cancelPayment({ data }) {
      const id = intentId(data)
      try {
        return { data: sessionData(await stripe.paymentIntents.cancel(id)) }
      } catch (error) {
        const raw = error as { payment_intent?: Intent }
        if (raw.payment_intent?.status === "canceled") return { data: sessionData(raw.payment_intent) }
        return call("cancel the payment", () => Promise.reject(error))
      }
    },

    deletePayment: (input) => provider.cancelPayment(input),

    async retrievePayment({ data }) {
      return { data: sessionData(await retrieve(data)) }
    },

    async updatePayment({ data, amount, currency_code }) {
      const minor = toSmallestUnit(amount, currency_code)
      if (data.amount === minor) return { data }
      const intent = await call("update the payment", () =>
        stripe.paymentIntents.update(intentId(data), { amount: minor }),
      )
      return { data: sessionData(intent), status: statusOf(intent) }
    },

    async getWebhookActionAndData({ rawData, headers }): Promise<WebhookActionResult> {
      const signature = headers["stripe-signature"]
      if (!options.webhookSecret) throw new MedusaError("invalid_data", "Stripe webhooks are not configured")
      if (!signature) throw new MedusaError("invalid_data", "Missing Stripe-Signature header")
      let event: Stripe.Event
      try {
        event = await stripe.webhooks.constructEventAsync(rawData, signature, options.webhookSecret, undefined, crypto)
      } catch (error) {
        throw new MedusaError("invalid_data", `Invalid webhook signature: ${(error as Error).message}`)
      }
      const object = event.data?.object as Partial<Intent> | undefined
      const recorded = {
        id: event.id,
        type: event.type,
        object_id: typeof object?.id === "string" ? object.id : undefined,
      }
      const sessionId = object?.metadata?.session_id
      const currency = object?.currency ?? ""
      const action = ACTIONS[event.type]
      if (!action || !sessionId || !currency) return { action: "not_supported", event: recorded }
      const minor =
        action === "authorized"
          ? object.amount_capturable
          : action === "captured"
            ? object.amount_received
            : object.amount
      return {
        action,
        data: { session_id: sessionId, amount: fromSmallestUnit(Number(minor ?? 0), currency) },
        event: recorded,
      }
    },
  }
  return provider
}

// Medusa's StripeBase.getWebhookActionAndData, plus payment_intent.canceled.
const ACTIONS: Record<string, WebhookActionResult["action"] | undefined> = {
  "payment_intent.amount_capturable_updated": "authorized",
  "payment_intent.succeeded": "captured",
  "payment_intent.payment_failed": "failed",
  "payment_intent.canceled": "canceled",
}
