import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { loadCartState } from "./cart-view"
import { assertCartAccess, assertOpen } from "./workflows"

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
 * offers, for the cart's current total, in one transaction with the cart locked.
 */
export function createPaymentSession(
  scope: Scope,
  collectionId: string,
  input: { provider_id: string; data?: Record<string, unknown> },
  customerId?: string,
): Promise<string> {
  return transaction(scope, async (tx) => {
    const state = await loadCartState(tx, { paymentCollectionId: collectionId }, { forUpdate: true })
    const cart = state.cart
    assertCartAccess(cart, customerId)
    assertOpen(cart)
    const offered = state.regionPaymentProviders
    if (!offered.some((provider) => provider.id === input.provider_id)) {
      throw new MedusaError(
        "invalid_data",
        `Payment provider ${input.provider_id} is not available in the cart's region`,
      )
    }
    const payments = tx.resolve("paymentService")
    await payments.replaceSession(await payments.refreshAmount(collectionId, state.totals.total!), input)
    return cart.id
  })
}
