import type { Scope } from "../../core/container"
import { emitEvents } from "../../infra/event-outbox-service"
import type { Subscriber } from "../../infra/events/subscriber"
import { PaymentEvents } from "../../modules/payment/events"
import type { PaymentSession } from "../../modules/payment/service"

/**
 * Sessions dropped with their cart's new total, let go by their providers after the commit (Stripe:
 * the intent canceled, its hold on the card with it): through the outbox, so an outage is retried.
 */
export async function releaseAfterCommit(tx: Scope, sessions: PaymentSession[]): Promise<void> {
  const providers = tx.resolve("paymentService").providers
  const remote = sessions.filter(
    (session) => providers.has(session.provider_id) && !providers.retrieve(session.provider_id).local,
  )
  if (remote.length === 0) return
  await emitEvents(
    tx,
    PaymentEvents.SESSION_RELEASED,
    remote.map((session) => ({ id: session.id, provider_id: session.provider_id, data: session.data })),
  )
}

/** Built in: each released session's provider is told, once (a failure is retried with the event). */
export const paymentSessionRelease: Subscriber = {
  id: "payment-session-release",
  event: PaymentEvents.SESSION_RELEASED,
  async handler({ data, container }) {
    const { provider_id, data: providerData } = data as { provider_id?: unknown; data?: unknown }
    if (typeof provider_id !== "string" || typeof providerData !== "object" || providerData === null) return
    await container
      .resolve("paymentService")
      .releaseSession({ provider_id, data: providerData as Record<string, unknown> })
  },
}
