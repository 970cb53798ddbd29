import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { toJsonNumber } from "../../core/money"

/** A payment collection with its sessions, amounts as JSON numbers. */
export async function paymentCollectionJson(scope: Scope, collectionId: string) {
  const [document] = await scope.resolve("paymentService").collectionDocuments([collectionId])
  if (!document) throw new MedusaError("not_found", `Payment collection with id: ${collectionId} was not found`)
  const { collection, sessions } = document
  return {
    ...collection,
    amount: toJsonNumber(collection.amount),
    payment_sessions: sessions.map((session) => ({ ...session, amount: toJsonNumber(session.amount) })),
  }
}
