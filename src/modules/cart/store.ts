import { Hono, type Context } from "hono"
import { validateBody } from "../../core/body"
import { MedusaError } from "../../core/errors"
import { validateQuery } from "../../core/query/params"
import { selectJson } from "../../core/query/select-json"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { completeCart } from "../order/complete-cart"
import { orderJson } from "../order/order-view"
import { cartJson, loadCartState } from "./cart-view"
import { addShippingMethod } from "./shipping"
import { addShippingMethodBody, cartQuery, createCartBody, lineItemBody, updateCartBody, updateLineItemBody } from "./validators"
import { addLines, createCart, refreshCart, removeLine, updateCart, updateLine } from "./workflows"
import type { CartService } from "./service"
import type { Scope } from "../../core/container"

/** Answers `{ cart }` as it is after the change, shaped by `fields`. */
async function respondCart(c: Context<AppEnv>, cartId: string) {
  const { fields } = validateQuery(c, cartQuery)
  const state = await loadCartState(c.var.scope, cartId)
  return c.json({ cart: selectJson(await cartJson(c.var.scope, state), fields) })
}

/** Runs a change to a cart in one transaction, with the cart locked, then refreshes it. */
function changeCart(c: Context<AppEnv>, cartId: string, change: (tx: Scope, cart: Awaited<ReturnType<CartService["retrieve"]>>) => Promise<unknown>) {
  return transaction(c.var.scope, async (tx) => {
    const cart = await tx.resolve<CartService>("cartService").retrieve(cartId, { forUpdate: true })
    await change(tx, cart)
    await refreshCart(tx, cartId)
  })
}

const keyChannels = (c: Context<AppEnv>) => c.var.publishableKey?.sales_channel_ids ?? []

export const storeCartRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const body = await validateBody(c, createCartBody)
    const cartId = await transaction(c.var.scope, async (tx) => {
      const id = await createCart(tx, body, { salesChannelIds: keyChannels(c) })
      await refreshCart(tx, id)
      return id
    })
    return respondCart(c, cartId)
  })
  .get("/:id", async (c) => respondCart(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateCartBody)
    await changeCart(c, c.req.param("id"), (tx, cart) => updateCart(tx, cart, body, keyChannels(c)))
    return respondCart(c, c.req.param("id"))
  })
  .post("/:id/line-items", async (c) => {
    const body = await validateBody(c, lineItemBody)
    await changeCart(c, c.req.param("id"), (tx, cart) => addLines(tx, cart, [body]))
    return respondCart(c, c.req.param("id"))
  })
  .post("/:id/line-items/:line_id", async (c) => {
    const body = await validateBody(c, updateLineItemBody)
    await changeCart(c, c.req.param("id"), (tx, cart) => updateLine(tx, cart, c.req.param("line_id"), body))
    return respondCart(c, c.req.param("id"))
  })
  .delete("/:id/line-items/:line_id", async (c) => {
    await changeCart(c, c.req.param("id"), (tx, cart) => removeLine(tx, cart, c.req.param("line_id")))
    const state = await loadCartState(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("line_id"), object: "line-item", deleted: true, parent: await cartJson(c.var.scope, state) })
  })
  .post("/:id/shipping-methods", async (c) => {
    const body = await validateBody(c, addShippingMethodBody)
    await changeCart(c, c.req.param("id"), async (tx, cart) => {
      const state = await loadCartState(tx, cart.id)
      await addShippingMethod(tx, state, body)
    })
    return respondCart(c, c.req.param("id"))
  })
  .post("/:id/complete", async (c) => {
    const { fields } = validateQuery(c, cartQuery)
    const key = c.req.header("idempotency-key")
    if (key !== undefined && (key.length === 0 || key.length > 255)) throw new MedusaError("invalid_data", "Idempotency-Key must be 1 to 255 characters")
    const result = await completeCart(c.var.scope, c.req.param("id"), key)
    if (result.type === "order") {
      return c.json({ type: "order", order: selectJson(await orderJson(c.var.scope, result.orderId), fields) })
    }
    const state = await loadCartState(c.var.scope, result.cartId)
    return c.json({ type: "cart", cart: await cartJson(c.var.scope, state), error: result.error })
  })
