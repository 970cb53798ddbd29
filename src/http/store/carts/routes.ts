import { Hono, type Context } from "hono"
import { authenticate } from "../../../core/auth/middleware"
import { validateBody } from "../../../core/body"
import { MedusaError } from "../../../core/errors"
import { validateQuery } from "../../../core/query/params"
import { selectJson } from "../../../core/query/select-json"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { completeCart } from "../../../flows/cart/complete-cart"
import { orderJson } from "../../../flows/order/order-view"
import { cartJson, loadCartState, type CartState } from "../../../flows/cart/cart-view"
import { addShippingMethod } from "../../../flows/cart/shipping"
import {
  addShippingMethodBody,
  cartQuery,
  createCartBody,
  lineItemBody,
  updateCartBody,
  updateLineItemBody,
} from "./validators"
import {
  addLines,
  assertCartAccess,
  createCart,
  refreshCart,
  removeLine,
  transferCart,
  updateCart,
  updateLine,
} from "../../../flows/cart/workflows"
import type { Scope } from "../../../core/container"

/** Answers `{ cart }` as stored, shaped by `fields`. */
async function respondCart(c: Context<AppEnv>, cartId: string) {
  const { fields } = validateQuery(c, cartQuery)
  const state = await loadCartState(c.var.scope, cartId)
  assertCartAccess(state.cart, c.var.auth?.actor_id)
  return c.json({ cart: selectJson(await cartJson(c.var.scope, state), fields) })
}

type LockedCart = CartState["cart"]

/**
 * Runs a change to a cart in one transaction, with the cart locked, refreshes it, and returns
 * the cart's JSON as the transaction ends. The query is checked first, so a bad one changes nothing.
 */
async function applyChange(
  c: Context<AppEnv>,
  cartId: string,
  change: (tx: Scope, cart: LockedCart, state: CartState) => Promise<unknown>,
) {
  const { fields } = validateQuery(c, cartQuery)
  const cart = await transaction(c.var.scope, async (tx) => {
    const locked = await loadCartState(tx, cartId, { forUpdate: true })
    assertCartAccess(locked.cart, c.var.auth?.actor_id)
    await change(tx, locked.cart, locked)
    return cartJson(tx, await refreshCart(tx, cartId))
  })
  return selectJson(cart, fields)
}

const changeCart = async (
  c: Context<AppEnv>,
  cartId: string,
  change: (tx: Scope, cart: LockedCart, state: CartState) => Promise<unknown>,
) => c.json({ cart: await applyChange(c, cartId, change) })

const keyChannels = (c: Context<AppEnv>) => c.var.publishableKey?.sales_channel_ids ?? []

export const storeCartRoutes = new Hono<AppEnv>()
  // Carts work for guests; a customer's token makes new carts theirs and opens their carts.
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .post("/", async (c) => {
    const body = await validateBody(c, createCartBody)
    const { fields } = validateQuery(c, cartQuery)
    const cart = await transaction(c.var.scope, async (tx) => {
      const id = await createCart(tx, body, { salesChannelIds: keyChannels(c), customerId: c.var.auth?.actor_id })
      return cartJson(tx, await refreshCart(tx, id))
    })
    return c.json({ cart: selectJson(cart, fields) })
  })
  .get("/:id", async (c) => respondCart(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateCartBody)
    return changeCart(c, c.req.param("id"), (tx, cart) => updateCart(tx, cart, body, keyChannels(c)))
  })
  .post("/:id/line-items", async (c) => {
    const body = await validateBody(c, lineItemBody)
    return changeCart(c, c.req.param("id"), (tx, cart, state) => addLines(tx, cart, [body], state.items))
  })
  .post("/:id/line-items/:line_id", async (c) => {
    const body = await validateBody(c, updateLineItemBody)
    return changeCart(c, c.req.param("id"), (tx, cart, state) =>
      updateLine(tx, cart, state.items, c.req.param("line_id"), body),
    )
  })
  .delete("/:id/line-items/:line_id", async (c) => {
    const parent = await applyChange(c, c.req.param("id"), (tx, cart, state) =>
      removeLine(tx, cart, state.items, c.req.param("line_id")),
    )
    return c.json({ id: c.req.param("line_id"), object: "line-item", deleted: true, parent })
  })
  .post("/:id/shipping-methods", async (c) => {
    const body = await validateBody(c, addShippingMethodBody)
    return changeCart(c, c.req.param("id"), (tx, _cart, state) => addShippingMethod(tx, state, body))
  })
  .post("/:id/customer", async (c) => {
    if (!c.var.auth) return c.json({ type: "unauthorized", message: "Unauthorized" }, 401)
    return changeCart(c, c.req.param("id"), (tx, cart) => transferCart(tx, cart, c.var.auth!.actor_id))
  })
  .post("/:id/complete", async (c) => {
    const { fields } = validateQuery(c, cartQuery)
    const key = c.req.header("idempotency-key")
    if (key !== undefined && (key.length === 0 || key.length > 255))
      throw new MedusaError("invalid_data", "Idempotency-Key must be 1 to 255 characters")
    const result = await completeCart(c.var.scope, c.req.param("id"), {
      idempotencyKey: key,
      customerId: c.var.auth?.actor_id,
    })
    if (result.type === "order") {
      return c.json({ type: "order", order: selectJson(await orderJson(c.var.scope, result.orderId), fields) })
    }
    const state = await loadCartState(c.var.scope, result.cartId)
    return c.json({ type: "cart", cart: await cartJson(c.var.scope, state), error: result.error })
  })
