import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { decimal } from "../../core/money"
import { transaction } from "../../core/transaction"
import { releaseAfterCommit } from "../payment/release-sessions"

/** The order's collections (the one it was placed with first) and what they hold: captured net of refunds. */
export async function orderBalance(scope: Scope, orderId: string) {
  const order = await scope.resolve("orderService").retrieve(orderId)
  const extra = await scope.resolve("orderChangeService").extraPaymentCollections([orderId])
  const ids = [
    ...(order.payment_collection_id ? [order.payment_collection_id] : []),
    ...extra.map((link) => link.payment_collection_id),
  ]
  const documents = await scope.resolve("paymentService").collectionDocuments(ids)
  let net = decimal(0)
  for (const document of documents) {
    for (const payment of document.payments) if (payment.captured_at) net = net.plus(payment.amount)
    net = net.minus(document.collection.refunded_amount ?? 0)
  }
  const current = decimal(order.summary?.current_order_total ?? order.totals.total ?? 0)
  return { order, collections: documents.map((document) => document.collection), pending: current.minus(net) }
}

/**
 * Medusa's createOrUpdateOrderPaymentCollectionWorkflow after a change: when the customer owes
 * more than was paid, an unpaid collection of the order holds exactly that (one is made if none).
 */
export async function chargeDifference(tx: Scope, orderId: string) {
  const { order, collections, pending } = await orderBalance(tx, orderId)
  const payments = tx.resolve("paymentService")
  const unpaid = collections.find(
    (collection) => collection.status === "not_paid" && collection.id !== order.payment_collection_id,
  )
  if (pending.lte(0)) return
  if (unpaid) {
    await releaseAfterCommit(tx, (await payments.refreshAmount(unpaid.id, pending.toString())).dropped)
    return
  }
  const created = await payments.createCollection({
    currency_code: order.currency_code,
    amount: pending.toString(),
    region_id: order.region_id,
  })
  await tx.resolve("orderChangeService").linkPaymentCollection(order.id, created.id)
}

/** Medusa's createOrderPaymentCollectionWorkflow: a collection for what the order still owes (or `amount`). */
export function createOrderPaymentCollection(scope: Scope, orderId: string, amount?: number) {
  return transaction(scope, async (tx) => {
    await tx.resolve("orderFulfillmentService").lockOpenOrder(orderId)
    const { order, pending } = await orderBalance(tx, orderId)
    const value = amount === undefined ? pending : decimal(amount)
    if (value.lte(0)) throw new MedusaError("invalid_data", `Order ${orderId} has nothing left to pay`)
    const created = await tx.resolve("paymentService").createCollection({
      currency_code: order.currency_code,
      amount: value.toString(),
      region_id: order.region_id,
    })
    await tx.resolve("orderChangeService").linkPaymentCollection(order.id, created.id)
    return created
  })
}

/**
 * Medusa's markPaymentCollectionAsPaid: the system provider authorises and captures the whole
 * collection. The collection's row is locked, so marking it twice at once pays it once.
 */
export function markPaymentCollectionPaid(scope: Scope, collectionId: string, orderId: string) {
  return transaction(scope, async (tx) => {
    const { collections } = await orderBalance(tx, orderId)
    if (!collections.some((collection) => collection.id === collectionId))
      throw new MedusaError("not_found", `Payment collection with id: ${collectionId} was not found`)
    const payments = tx.resolve("paymentService")
    const collection = await payments.lockCollection(collectionId)
    if (collection.status === "completed") return collection
    if (collection.status !== "not_paid" && collection.status !== "awaiting")
      throw new MedusaError("not_allowed", `Payment collection ${collectionId} is ${collection.status}`)
    await payments.replaceSession(collection, { provider_id: "pp_system_default" })
    const payment = await payments.authorize(collection.id, collection.amount)
    await payments.capture(payment.id)
    return payments.retrieveCollection(collectionId)
  })
}
