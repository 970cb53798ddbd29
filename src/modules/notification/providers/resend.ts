import type { ResendProviderOptions } from "../../../config/notification-module"
import type { NotificationProvider, ProviderMessage } from "./provider"

// Resend keeps an idempotency key for 24 hours and takes at most 256 characters of it.
const MAX_KEY = 256
// Well under the 60 s after which a pending notification counts as abandoned and may be sent again.
const TIMEOUT_MS = 15_000

/** Email through Resend's HTTP API (POST /emails); its Idempotency-Key makes a retried send a no-op. */
export class ResendNotificationProvider implements NotificationProvider {
  readonly channels: readonly string[]

  constructor(
    readonly id: string,
    private readonly options: ResendProviderOptions,
  ) {
    this.channels = options.channels
  }

  async send(message: ProviderMessage): Promise<{ id?: string }> {
    const content = message.content ?? {}
    const res = await fetch(`${this.options.base_url}/emails`, {
      method: "POST",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        authorization: `Bearer ${this.options.api_key}`,
        "content-type": "application/json",
        "idempotency-key": await idempotencyKey(message.idempotency_key),
      },
      body: JSON.stringify({
        from: message.from ?? this.options.from,
        to: [message.to],
        subject: content.subject ?? message.template,
        ...(content.html ? { html: content.html } : {}),
        text: content.text ?? "",
      }),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`Resend answered ${res.status}: ${errorMessage(text)}`)
    const body = parseJson(text) as { id?: unknown } | undefined
    return typeof body?.id === "string" ? { id: body.id } : {}
  }
}

/** A key too long for Resend is replaced by its SHA-256, which is as unique and always the same. */
async function idempotencyKey(key: string): Promise<string> {
  if (key.length <= MAX_KEY) return key
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("")
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Resend's error body is `{ statusCode, name, message }`; anything else is quoted briefly. */
function errorMessage(text: string): string {
  const body = parseJson(text) as { message?: unknown; name?: unknown } | undefined
  if (typeof body?.message === "string")
    return typeof body.name === "string" ? `${body.name}: ${body.message}` : body.message
  return text.slice(0, 200) || "no body"
}
