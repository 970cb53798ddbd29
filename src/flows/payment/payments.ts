import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { PaymentEvents } from "../../modules/payment/events"
import type { RefundInput } from "../../modules/payment/service"

/** Medusa's capturePaymentWorkflow: the whole payment captured through its provider (Stripe: the PaymentIntent). */
export function capturePayment(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    const payment = await tx.resolve("paymentService").capture(id)
    await emitEvent(tx, PaymentEvents.CAPTURED, { id: payment.id })
    return payment
  })
}

/** Medusa's refundPaymentWorkflow: `amount` (a JSON number, kept as its exact decimal) or the whole refundable rest. */
export function refundPayment(scope: Scope, id: string, input: Omit<RefundInput, "amount"> & { amount?: number }) {
  const { amount, ...refund } = input
  return transaction(scope, async (tx) => {
    // A reason the store does not have is refused before the provider is asked to give money back.
    if (refund.refund_reason_id) await tx.resolve("refundReasonService").retrieve(refund.refund_reason_id)
    const created = await tx.resolve("paymentService").refund(id, {
      ...refund,
      amount: amount === undefined ? undefined : String(amount),
    })
    await emitEvent(tx, PaymentEvents.REFUNDED, { id: created.payment_id })
    return created
  })
}
