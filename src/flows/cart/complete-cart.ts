import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { loadCartState, type CartState } from "./cart-view"
import { CustomerEvents } from "../../modules/customer/events"
import { assertCartAccess } from "./workflows"
import { reserveOrderLines } from "../inventory/order-stock"
import { OrderEvents } from "../../modules/order/events"
import { appliedPromotionsJson, registerPromotionUsage, snapshot } from "./promotion-view"

export type CompletionResult =
  | { type: "order"; orderId: string }
  | { type: "cart"; cartId: string; error: { message: string; name: string; type: string } }

/**
 * Completes a cart in one transaction: lock the cart, authorise payment, create the order
 * (totals snapshotted), reserve stock with conditional updates, mark the cart completed and
 * write `order.placed` to the outbox. All or nothing.
 *
 * Idempotent: the cart lock serialises concurrent completions, and a completed cart (or a
 * repeated Idempotency-Key) answers with the order it already became. Stock or payment
 * failures answer `{ type: "cart", error }`, as Medusa does, with nothing changed.
 */
export async function completeCart(
  scope: Scope,
  cartId: string,
  options: { idempotencyKey?: string; customerId?: string } = {},
): Promise<CompletionResult> {
  const { idempotencyKey, customerId } = options
  try {
    const authorization = await askProvider(scope, cartId, customerId)
    return await transaction(scope, async (tx) => {
      const state = await loadCartState(tx, cartId, { forUpdate: true })
      const cart = state.cart
      assertCartAccess(cart, customerId)
      const orders = tx.resolve("orderService")
      if (idempotencyKey) {
        const claimed = await orders.claimIdempotencyKey(idempotencyKey, cartId)
        if (claimed.order_id) return { type: "order" as const, orderId: claimed.order_id }
      }
      if (cart.completed_at) {
        const existing = await orders.retrieveByCart(cartId)
        if (existing) return { type: "order" as const, orderId: existing.id }
      }
      assertCompletable(state)
      // Budgets are counted here, under the cart's lock: a code over its budget refuses the checkout.
      await registerPromotionUsage(tx, state)
      await tx.resolve("paymentService").authorize(cart.payment_collection_id!, state.totals.total!, authorization)
      const orderCustomerId = cart.customer_id ?? (await guestCustomer(tx, cart.email!))
      const orderId = await placeOrder(tx, { ...state, cart: { ...cart, customer_id: orderCustomerId } })
      // The cart keeps no customer: the guest who holds its id must still reach it (a repeated completion).
      await tx.resolve("cartService").update(cart.id, { completed_at: new Date() })
      await emitEvent(tx, OrderEvents.PLACED, { id: orderId })
      if (idempotencyKey) await orders.recordIdempotentResult(idempotencyKey, orderId)
      return { type: "order" as const, orderId }
    })
  } catch (error) {
    if (
      error instanceof MedusaError &&
      (error.code === "insufficient_inventory" || error.type === "payment_authorization_error")
    ) {
      return { type: "cart", cartId, error: { message: error.message, name: "Error", type: error.type } }
    }
    throw error
  }
}

/**
 * The session's provider asked whether the shopper paid (Stripe: the PaymentIntent retrieved), before
 * the completion's transaction so no row stays locked over HTTP; the transaction checks it is for the same session.
 */
async function askProvider(scope: Scope, cartId: string, customerId: string | undefined) {
  // Only the system provider configured: it is asked inside the transaction, at no cost.
  if (scope.resolve("paymentService").providers.allLocal()) return undefined
  const { cart } = await scope.resolve("cartService").retrieveDocument({ id: cartId })
  assertCartAccess(cart, customerId)
  if (cart.completed_at || !cart.payment_collection_id) return undefined
  return scope.resolve("paymentService").askAuthorization(cart.payment_collection_id)
}

/**
 * A guest checkout's customer: the guest customer (has_account false) of the cart's email,
 * created if there is none, as Medusa's findOrCreateCustomerStep does. A registered customer
 * with the same email is a different customer and is never used here.
 */
async function guestCustomer(tx: Scope, email: string): Promise<string> {
  const { customer, created } = await tx.resolve("customerService").findOrCreateGuest(email)
  if (created) await emitEvent(tx, CustomerEvents.CREATED, { id: customer.id })
  return customer.id
}

function assertCompletable(state: CartState) {
  const { cart } = state
  if (state.items.length === 0) throw new MedusaError("invalid_data", "Cannot complete a cart with no items")
  if (!cart.email) throw new MedusaError("invalid_data", "Cannot complete a cart without an email")
  const needsShipping = state.items.some((item) => item.requires_shipping)
  if (needsShipping && !state.shippingAddress)
    throw new MedusaError("invalid_data", "Cannot complete a cart without a shipping address")
  if (needsShipping && state.shippingMethods.length === 0) {
    throw new MedusaError(
      "invalid_data",
      "No shipping method selected but the cart contains items that require shipping.",
    )
  }
  if (!cart.payment_collection_id)
    throw new MedusaError("invalid_data", "Payment collection has not been initiated for cart")
}

async function placeOrder(tx: Scope, state: CartState): Promise<string> {
  const { cart } = state
  const addressCopy = (address: CartState["shippingAddress"]) => {
    if (!address) return null
    const { id: _id, created_at: _c, updated_at: _u, deleted_at: _d, ...values } = address
    return values
  }
  const created = await tx.resolve("orderService").create({
    order: {
      cart_id: cart.id,
      region_id: cart.region_id,
      customer_id: cart.customer_id,
      sales_channel_id: cart.sales_channel_id,
      email: cart.email,
      currency_code: cart.currency_code,
      locale: cart.locale,
      metadata: cart.metadata,
      payment_collection_id: cart.payment_collection_id,
      totals: state.totals,
      promotions: await appliedPromotionsJson(tx, state),
    },
    shipping_address: addressCopy(state.shippingAddress),
    billing_address: addressCopy(state.billingAddress),
    items: state.items.map((item, i) => {
      const {
        id: _id,
        cart_id: _cart,
        created_at: _c,
        updated_at: _u,
        deleted_at: _d,
        is_custom_price: _p,
        ...line
      } = item
      const adjustments = state.itemAdjustments.filter((adjustment) => adjustment.item_id === item.id)
      return {
        ...line,
        tax_rate: state.taxRate,
        totals: { ...state.itemTotals[i]! },
        adjustments: snapshot(adjustments),
      }
    }),
    shipping_methods: state.shippingMethods.map((method, i) => ({
      name: method.name,
      amount: method.amount,
      is_tax_inclusive: method.is_tax_inclusive,
      shipping_option_id: method.shipping_option_id,
      data: method.data,
      tax_rate: state.taxRate,
      totals: { ...state.shippingTotals[i]! },
      adjustments: snapshot(
        state.methodAdjustments.filter((adjustment) => adjustment.shipping_method_id === method.id),
      ),
    })),
  })
  await reserveOrderLines(tx, cart.sales_channel_id, created.items)
  return created.order.id
}
