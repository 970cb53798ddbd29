import type { Scope } from "../../core/container"
import { toJsonNumber } from "../../core/money"
import type { PaymentService } from "./service"

/** A payment collection with its sessions, amounts as JSON numbers. */
export async function paymentCollectionJson(scope: Scope, collectionId: string) {
  const payments = scope.resolve<PaymentService>("paymentService")
  const collection = await payments.retrieveCollection(collectionId)
  const sessions = await payments.sessions([collection.id])
  return {
    ...collection,
    amount: toJsonNumber(collection.amount),
    payment_sessions: sessions.map((session) => ({ ...session, amount: toJsonNumber(session.amount) })),
  }
}
