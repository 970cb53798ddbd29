import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { cartJson, loadCartState, type CartState } from "./cart-view"
import { applyPromotions } from "./promotions"
import { addShippingMethod } from "./shipping"
import {
  addLines,
  assertCartAccess,
  createCart,
  type LineInput,
  refreshCart,
  removeLine,
  transferCart,
  updateCart,
  updateLine,
} from "./workflows"

type Json = Awaited<ReturnType<typeof cartJson>>
type Change = (tx: Scope, state: CartState) => Promise<unknown>
/** Who asks: a guest (no customer id) or a customer, and the sales channels of their publishable key. */
export interface CartActor {
  customerId?: string
  salesChannelIds: string[]
}

/**
 * Every change to a cart, as Medusa's cart workflows run it: the cart locked, the change, the
 * refresh (prices, taxes, shipping), and the cart's JSON, all in one transaction.
 */
function changeCart(scope: Scope, cartId: string, actor: CartActor, change: Change): Promise<Json> {
  return transaction(scope, async (tx) => {
    const locked = await loadCartState(tx, cartId, { forUpdate: true })
    assertCartAccess(locked.cart, actor.customerId)
    await change(tx, locked)
    return cartJson(tx, await refreshCart(tx, cartId))
  })
}

/** Medusa's createCartWorkflow: a new cart, priced and refreshed. */
export function startCart(scope: Scope, input: Parameters<typeof createCart>[1], actor: CartActor): Promise<Json> {
  return transaction(scope, async (tx) => {
    const id = await createCart(tx, input, { salesChannelIds: actor.salesChannelIds, customerId: actor.customerId })
    return cartJson(tx, await refreshCart(tx, id))
  })
}

/** Medusa's updateCartWorkflow: region, email, channel, addresses, metadata. */
export const changeCartDetails = (
  scope: Scope,
  cartId: string,
  input: Parameters<typeof updateCart>[2],
  actor: CartActor,
) => changeCart(scope, cartId, actor, (tx, { cart }) => updateCart(tx, cart, input, actor.salesChannelIds))

/** Medusa's addToCartWorkflow: a line, merged with one of the same variant and metadata. */
export const addToCart = (scope: Scope, cartId: string, line: LineInput, actor: CartActor) =>
  changeCart(scope, cartId, actor, (tx, { cart, items }) => addLines(tx, cart, [line], items))

/** Medusa's updateLineItemInCartWorkflow: quantity 0 removes the line. */
export const updateLineItemInCart = (
  scope: Scope,
  cartId: string,
  lineId: string,
  input: Parameters<typeof updateLine>[4],
  actor: CartActor,
) => changeCart(scope, cartId, actor, (tx, { cart, items }) => updateLine(tx, cart, items, lineId, input))

/** Medusa's deleteLineItemsWorkflow, for one line. */
export const deleteLineItemFromCart = (scope: Scope, cartId: string, lineId: string, actor: CartActor) =>
  changeCart(scope, cartId, actor, (tx, { cart, items }) => removeLine(tx, cart, items, lineId))

/** Medusa's addShippingMethodToCartWorkflow. */
export const addShippingMethodToCart = (
  scope: Scope,
  cartId: string,
  input: Parameters<typeof addShippingMethod>[2],
  actor: CartActor,
) => changeCart(scope, cartId, actor, (tx, state) => addShippingMethod(tx, state, input))

/** Medusa's transferCartCustomerWorkflow: a guest cart becomes the signed-in customer's. */
export const transferCartToCustomer = (scope: Scope, cartId: string, customerId: string, actor: CartActor) =>
  changeCart(scope, cartId, actor, (tx, { cart }) => transferCart(tx, cart, customerId))

/** Medusa's updateCartPromotionsWorkflow (ADD or REMOVE): an unknown or inactive code is a 400, cart unchanged. */
export const changeCartPromotions = (
  scope: Scope,
  cartId: string,
  change: { add?: string[]; remove?: string[] },
  actor: CartActor,
) => changeCart(scope, cartId, actor, (tx, state) => applyPromotions(tx, state, change))
