import { Hono } from "hono"
import { z } from "zod"
import { MedusaError } from "../../../core/errors"
import { body, query } from "../../../core/input"
import { booleanString } from "../../../core/query/params"
import type { AppEnv } from "../../../core/types"
import { paymentCollectionJson } from "../../../modules/payment/view"
import { authenticate } from "../../middlewares/authenticate"
import { loadCartState } from "../../../flows/cart/cart-view"
import { assertCartAccess } from "../../../flows/cart/workflows"
import { createPaymentCollectionForCart, createPaymentSession } from "../../../flows/cart/payment"
import { shippingOptionsFor } from "../../../flows/cart/shipping"

const shippingOptionsQuery = z.object({
  cart_id: z.string({ error: "cart_id is required" }).min(1, { error: "cart_id is required" }),
  is_return: booleanString.optional(),
  fields: z.string().optional(),
})
const paymentCollectionBody = z.strictObject({ cart_id: z.string({ error: "cart_id is required" }).min(1) })
const paymentSessionBody = z.strictObject({
  provider_id: z.string({ error: "provider_id is required" }).min(1),
  data: z.record(z.string(), z.unknown()).optional(),
})
const paymentProvidersQuery = z.object({
  region_id: z.string().optional(),
  limit: z.string().optional(),
  offset: z.string().optional(),
})

/** GET /store/shipping-options?cart_id=: the options the cart can use, priced for it. */
export const storeShippingOptionRoutes = new Hono<AppEnv>()
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .get("/", query(shippingOptionsQuery), async (c) => {
    const { cart_id, is_return } = c.req.valid("query")
    if (is_return) return c.json({ shipping_options: [] })
    const state = await loadCartState(c.var.scope, cart_id)
    assertCartAccess(state.cart, c.var.auth?.actor_id)
    const options = await shippingOptionsFor(c.var.scope, state)
    return c.json({ shipping_options: options.map(({ exact_amount: _exact, ...option }) => option) })
  })

export const storePaymentCollectionRoutes = new Hono<AppEnv>()
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .post("/", body(paymentCollectionBody), async (c) => {
    const { cart_id } = c.req.valid("json")
    const collectionId = await createPaymentCollectionForCart(c.var.scope, cart_id, c.var.auth?.actor_id)
    return c.json({ payment_collection: await paymentCollectionJson(c.var.scope, collectionId) })
  })
  .post("/:id/payment-sessions", body(paymentSessionBody), async (c) => {
    await createPaymentSession(c.var.scope, c.req.param("id"), c.req.valid("json"), c.var.auth?.actor_id)
    return c.json({ payment_collection: await paymentCollectionJson(c.var.scope, c.req.param("id")) })
  })

export const storePaymentProviderRoutes = new Hono<AppEnv>().get("/", query(paymentProvidersQuery), async (c) => {
  const { region_id } = c.req.valid("query")
  if (!region_id) throw new MedusaError("invalid_data", "region_id is required to list payment providers")
  const region = await c.var.scope.resolve("regionService").retrieve(region_id)
  const offered = (await c.var.scope.resolve("regionService").paymentProvidersOf([region.id])).get(region.id) ?? []
  const providers = await c.var.scope.resolve("paymentService").enabledProviders(offered.map((provider) => provider.id))
  return c.json({ payment_providers: providers, count: providers.length, offset: 0, limit: providers.length })
})
