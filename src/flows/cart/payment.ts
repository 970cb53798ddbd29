import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { decimal } from "../../core/money"
import { transaction } from "../../core/transaction"
import { loadCartState } from "./cart-view"
import { assertCartAccess, assertOpen } from "./workflows"
import { releaseAfterCommit } from "../payment/release-sessions"

/**
 * Medusa's createPaymentCollectionForCartWorkflow: the cart's payment collection, created for
 * its total on first use and reused after, in one transaction with the cart locked.
 */
export function createPaymentCollectionForCart(scope: Scope, cartId: string, customerId?: string): Promise<string> {
  return transaction(scope, async (tx) => {
    const state = await loadCartState(tx, cartId, { forUpdate: true })
    assertCartAccess(state.cart, customerId)
    assertOpen(state.cart)
    if (state.cart.payment_collection_id) return state.cart.payment_collection_id
    const collection = await tx.resolve("paymentService").createCollection({
      currency_code: state.cart.currency_code,
      amount: state.totals.total!,
      region_id: state.cart.region_id,
    })
    await tx.resolve("cartService").update(cartId, { payment_collection_id: collection.id })
    return collection.id
  })
}

/**
 * Medusa's createPaymentSessionsWorkflow: a payment session with a provider the cart's region
 * offers, for the cart's current total, with the cart locked. A provider that calls out (Stripe:
 * a PaymentIntent created) is called between two short transactions, not inside one held open
 * over HTTP; the second refuses if the cart's total moved meanwhile.
 */
export async function createPaymentSession(
  scope: Scope,
  collectionId: string,
  input: { provider_id: string; data?: Record<string, unknown> },
  customerId?: string,
): Promise<string> {
  const provider = scope.resolve("paymentService").providers
  if (provider.has(input.provider_id) && provider.retrieve(input.provider_id).local) {
    const { cartId, replaced } = await transaction(scope, async (tx) => {
      const prepared = await prepareSession(tx, collectionId, input.provider_id, customerId)
      const session = await initiate(tx, prepared, input)
      const stored = await tx.resolve("paymentService").replaceSession(prepared.collection, session)
      return { cartId: prepared.cartId, replaced: stored.replaced }
    })
    await scope.resolve("paymentService").releaseSessions(replaced)
    return cartId
  }
  const prepared = await transaction(scope, (tx) => prepareSession(tx, collectionId, input.provider_id, customerId))
  const session = await initiate(scope, prepared, input)
  const stored = transaction(scope, async (tx) => {
    const state = await lockOpenCart(tx, collectionId, customerId)
    const payments = tx.resolve("paymentService")
    const { collection } = await payments.refreshAmount(collectionId, state.totals.total!)
    if (!decimal(collection.amount).eq(prepared.collection.amount))
      throw new MedusaError("conflict", "The cart changed while the payment session was created")
    return (await payments.replaceSession(collection, session)).replaced
  })
  // Not stored (the cart moved on meanwhile): the provider's new payment is let go, not left dangling.
  const replaced = await stored.catch(async (error) => {
    await provider
      .retrieve(input.provider_id)
      .deletePayment({ data: session.data })
      .catch(() => undefined)
    throw error
  })
  // As Medusa deletes a replaced session with its provider: after the commit, so a failure there loses nothing.
  await scope.resolve("paymentService").releaseSessions(replaced)
  return prepared.cartId
}

/** The cart locked and checked: open, the provider offered by its region and configured; the collection at its total. */
async function prepareSession(tx: Scope, collectionId: string, providerId: string, customerId: string | undefined) {
  const state = await lockOpenCart(tx, collectionId, customerId)
  if (!state.regionPaymentProviders.some((provider) => provider.id === providerId)) {
    throw new MedusaError("invalid_data", `Payment provider ${providerId} is not available in the cart's region`)
  }
  const payments = tx.resolve("paymentService")
  if (!payments.providers.has(providerId))
    throw new MedusaError("invalid_data", `Payment provider ${providerId} is not configured`)
  const { collection, dropped } = await payments.refreshAmount(collectionId, state.totals.total!)
  await releaseAfterCommit(tx, dropped)
  return { collection, cartId: state.cart.id, email: state.cart.email, customer_id: state.cart.customer_id }
}

/** The provider's payment for the session about to be stored (the system provider keeps the shopper's `data`). */
async function initiate(
  scope: Scope,
  prepared: Awaited<ReturnType<typeof prepareSession>>,
  input: { provider_id: string; data?: Record<string, unknown> },
) {
  const id = generateUnguessableId("payses")
  const context = { session_id: id, email: prepared.email, customer_id: prepared.customer_id }
  const provider = scope.resolve("paymentService").providers.retrieve(input.provider_id)
  const initiated = await provider.initiatePayment({
    amount: prepared.collection.amount,
    currency_code: prepared.collection.currency_code,
    context,
  })
  const data = provider.local ? (input.data ?? initiated.data) : initiated.data
  return { id, provider_id: input.provider_id, data, context }
}

async function lockOpenCart(tx: Scope, collectionId: string, customerId: string | undefined) {
  const state = await loadCartState(tx, { paymentCollectionId: collectionId }, { forUpdate: true })
  assertCartAccess(state.cart, customerId)
  assertOpen(state.cart)
  return state
}
