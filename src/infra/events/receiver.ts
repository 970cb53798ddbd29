import { Receiver } from "@upstash/qstash"
import { Hono } from "hono"
import { z } from "zod"
import type { ResolvedConfig } from "../../config"
import { MedusaError } from "../../core/errors"
import type { AppEnv } from "../../core/types"
import { deliver } from "./delivery"
import { subscribersOf, type Subscriber } from "./subscriber"

const eventMessage = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
})

/**
 * `POST /hooks/subscribers/<id>`: QStash's signed delivery of one event to one subscriber.
 * Unsigned, forged, expired or body-tampered requests are refused (401) and unknown
 * subscribers are 404, with the handler never run. 2xx when done (or already done), 5xx so
 * QStash retries.
 */
export function subscriberRoutes(config: ResolvedConfig, subscribers: readonly Subscriber[]) {
  const bus = config.modules.eventBus
  const receiver =
    bus.resolve === "qstash"
      ? new Receiver({ currentSigningKey: bus.options.currentSigningKey, nextSigningKey: bus.options.nextSigningKey })
      : undefined
  return new Hono<AppEnv>().post("/:id", async (c) => {
    const id = c.req.param("id")
    const target = subscribers.find((candidate) => candidate.id === id)
    if (!target) throw new MedusaError("not_found", `Subscriber ${id} is not registered`)
    const signature = c.req.header("upstash-signature")
    const body = await c.req.text()
    const verified =
      receiver && signature && bus.resolve === "qstash"
        ? await receiver
            .verify({ signature, body, url: `${bus.options.publicUrl}/hooks/subscribers/${id}` })
            .then(() => true)
            .catch(() => false)
        : false
    if (!verified) return c.json({ type: "unauthorized", message: "Missing or invalid Upstash-Signature" }, 401)
    const parsed = eventMessage.safeParse(parseJson(body))
    if (!parsed.success) throw new MedusaError("invalid_data", "The message is not an event")
    if (subscribersOf([target], parsed.data.name).length === 0)
      throw new MedusaError("invalid_data", `Subscriber ${id} does not handle ${parsed.data.name}`)
    const outcome = await deliver(c.var.scope, target, parsed.data)
    if (outcome === "busy")
      return c.json({ type: "conflict", message: "This event is being handled by another delivery" }, 503)
    return c.json({ status: outcome })
  })
}

/** A signed body that is not JSON is refused like any other that is not an event (QStash then stops retrying it). */
function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}
