import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { PaymentEvents } from "../../modules/payment/events"
import type { WebhookActionResult, WebhookPayload } from "../../modules/payment/providers/types"
import { completeCart } from "../cart/complete-cart"

export interface WebhookOutcome {
  action: WebhookActionResult["action"]
  /** false when the event was applied already (a retried delivery) */
  applied: boolean
  order_id?: string
}

/**
 * Medusa's processPaymentWorkflow behind POST /hooks/payment/:provider: the provider verifies the
 * event, then it is applied once. A cart never completed (the shopper left) is completed here; an
 * order's payment moves forward only (a late "authorized" after "captured" changes nothing).
 */
export async function processPaymentWebhook(
  scope: Scope,
  providerId: string,
  payload: WebhookPayload,
): Promise<WebhookOutcome> {
  const payments = scope.resolve("paymentService")
  if (!payments.providers.has(providerId) || providerId === "pp_system_default")
    throw new MedusaError("not_found", `Could not find a payment provider with id: ${providerId}`)
  const result = await payments.providers.retrieve(providerId).getWebhookActionAndData(payload)
  const event = result.event
  if (event && (await payments.webhookEventSeen(event.id))) return { action: result.action, applied: false }
  const record = (tx: Scope) =>
    event
      ? tx.resolve("paymentService").recordWebhookEvent({
          id: event.id,
          provider_id: providerId,
          event_type: event.type,
          object_id: event.object_id,
          action: result.action,
        })
      : Promise.resolve(true)
  const session = result.data ? await payments.retrieveSession(result.data.session_id) : undefined
  // Not ours to apply (another provider's session, or one the shopper replaced): recorded, nothing else.
  if (!session || session.provider_id !== providerId || result.action === "not_supported") {
    return { action: result.action, applied: await record(scope) }
  }
  const existing = await payments.paymentOfSession(session.id)
  if (!existing && (result.action === "authorized" || result.action === "captured")) {
    // The shopper left before completing: the cart becomes its order here, once (completion is idempotent).
    const { cart } = await scope
      .resolve("cartService")
      .retrieveDocument({ paymentCollectionId: session.payment_collection_id })
    // Released already (no order could be made of it), or by a parallel delivery meanwhile: nothing is left to do.
    const released = async () => (await payments.retrieveSession(session.id))?.status === "canceled"
    const completed =
      session.status === "canceled"
        ? undefined
        : await completeCart(scope, cart.id, { customerId: cart.customer_id ?? undefined }).catch(async (error) => {
            if (await released()) return undefined
            throw error
          })
    if (completed?.type === "cart") {
      // No order can come of this payment: the shopper's money is not kept (nor held) for nothing.
      console.warn(`[webhook ${event?.id}] cart ${cart.id} not completed: ${completed.error.message}`)
      await payments.releaseUnplaced(session, result.action === "captured")
    }
    return {
      action: result.action,
      applied: await record(scope),
      order_id: completed?.type === "order" ? completed.orderId : undefined,
    }
  }
  return transaction(scope, async (tx) => {
    // Recorded first, in the same transaction: concurrent deliveries of one event apply it once.
    if (!(await record(tx))) return { action: result.action, applied: false }
    const service = tx.resolve("paymentService")
    if (existing && result.action === "captured" && !existing.captured_at && !existing.canceled_at) {
      await service.capture(existing.id, { recordOnly: true })
      await emitEvent(tx, PaymentEvents.CAPTURED, { id: existing.id })
    } else if (existing && result.action === "canceled") {
      await service.recordCanceled(existing.id)
    }
    return { action: result.action, applied: true }
  })
}
