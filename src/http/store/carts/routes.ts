import type { z } from "zod"
import { Hono, type Context } from "hono"
import { authenticate } from "../../middlewares/authenticate"
import { MedusaError } from "../../../core/errors"
import { body, noBody, query } from "../../../core/input"
import { selectJson } from "../../../core/query/select-json"
import type { AppEnv } from "../../../core/types"
import { completeCart } from "../../../flows/cart/complete-cart"
import { orderJson } from "../../../flows/order/order-view"
import { cartJson, loadCartState } from "../../../flows/cart/cart-view"
import {
  addShippingMethodBody,
  cartQuery,
  createCartBody,
  lineItemBody,
  promoCodesBody,
  updateCartBody,
  updateLineItemBody,
} from "./validators"
import { assertCartAccess } from "../../../flows/cart/workflows"
import {
  addShippingMethodToCart,
  addToCart,
  type CartActor,
  changeCartDetails,
  changeCartPromotions,
  deleteLineItemFromCart,
  startCart,
  transferCartToCustomer,
  updateLineItemInCart,
} from "../../../flows/cart/cart-commands"

/** Answers `{ cart }` as stored, shaped by `fields`. */
async function respondCart(c: CartContext, cartId: string) {
  const { fields } = c.req.valid("query")
  const state = await loadCartState(c.var.scope, cartId)
  assertCartAccess(state.cart, c.var.auth?.actor_id)
  return c.json({ cart: selectJson(await cartJson(c.var.scope, state), fields) })
}

/** A cart route's context: `fields` and the rest of cartQuery already validated. */
// biome-ignore lint/suspicious/noExplicitAny: any path, since the helpers serve every cart route
type CartContext = Context<AppEnv, any, { out: { query: z.output<typeof cartQuery> } }>

const actorOf = (c: Context<AppEnv>): CartActor => ({
  customerId: c.var.auth?.actor_id,
  salesChannelIds: c.var.publishableKey?.sales_channel_ids ?? [],
})

/** `{ cart }` after a change, shaped by the declared `fields`. */
const answerCart = async (c: CartContext, cart: Promise<Record<string, unknown>>) =>
  c.json({ cart: selectJson(await cart, c.req.valid("query").fields) })

export const storeCartRoutes = new Hono<AppEnv>()
  // Carts work for guests; a customer's token makes new carts theirs and opens their carts.
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .post("/", body(createCartBody), query(cartQuery), async (c) =>
    answerCart(c, startCart(c.var.scope, c.req.valid("json"), actorOf(c))),
  )
  .get("/:id", query(cartQuery), async (c) => respondCart(c, c.req.param("id")))
  .post("/:id", body(updateCartBody), query(cartQuery), async (c) =>
    answerCart(c, changeCartDetails(c.var.scope, c.req.param("id"), c.req.valid("json"), actorOf(c))),
  )
  .post("/:id/line-items", body(lineItemBody), query(cartQuery), async (c) =>
    answerCart(c, addToCart(c.var.scope, c.req.param("id"), c.req.valid("json"), actorOf(c))),
  )
  .post("/:id/line-items/:line_id", body(updateLineItemBody), query(cartQuery), async (c) =>
    answerCart(
      c,
      updateLineItemInCart(c.var.scope, c.req.param("id"), c.req.param("line_id"), c.req.valid("json"), actorOf(c)),
    ),
  )
  .delete("/:id/line-items/:line_id", query(cartQuery), async (c) => {
    const cart = await deleteLineItemFromCart(c.var.scope, c.req.param("id"), c.req.param("line_id"), actorOf(c))
    const parent = selectJson(cart, c.req.valid("query").fields)
    return c.json({ id: c.req.param("line_id"), object: "line-item", deleted: true, parent })
  })
  .post("/:id/shipping-methods", body(addShippingMethodBody), query(cartQuery), async (c) =>
    answerCart(c, addShippingMethodToCart(c.var.scope, c.req.param("id"), c.req.valid("json"), actorOf(c))),
  )
  .post("/:id/promotions", body(promoCodesBody), query(cartQuery), async (c) => {
    const { promo_codes } = c.req.valid("json")
    return answerCart(c, changeCartPromotions(c.var.scope, c.req.param("id"), { add: promo_codes }, actorOf(c)))
  })
  .delete("/:id/promotions", body(promoCodesBody), query(cartQuery), async (c) => {
    const { promo_codes } = c.req.valid("json")
    return answerCart(c, changeCartPromotions(c.var.scope, c.req.param("id"), { remove: promo_codes }, actorOf(c)))
  })
  .post("/:id/customer", noBody, query(cartQuery), async (c) => {
    if (!c.var.auth) throw new MedusaError("unauthorized", "Unauthorized")
    return answerCart(c, transferCartToCustomer(c.var.scope, c.req.param("id"), c.var.auth.actor_id, actorOf(c)))
  })
  .post("/:id/complete", noBody, query(cartQuery), async (c) => {
    const { fields } = c.req.valid("query")
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
