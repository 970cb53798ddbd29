import { Hono } from "hono"
import { z } from "zod"
import { validateBody } from "../../../core/body"
import { MedusaError } from "../../../core/errors"
import { booleanString, validateQuery } from "../../../core/query/params"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { paymentCollectionJson } from "../../../modules/payment/view"
import { authenticate } from "../../../core/auth/middleware"
import { loadCartState } from "../../../flows/cart/cart-view"
import { assertCartAccess } from "../../../flows/cart/workflows"
import { createPaymentSession, initiatePaymentCollection } from "../../../flows/cart/payment"
import { shippingOptionsFor } from "../../../flows/cart/shipping"

const shippingOptionsQuery = z.object({
  cart_id: z.string({ error: "cart_id is required" }).min(1, { error: "cart_id is required" }),
  is_return: booleanString.optional(),
  fields: z.string().optional(),
})

/** GET /store/shipping-options?cart_id=: the options the cart can use, priced for it. */
export const storeShippingOptionRoutes = new Hono<AppEnv>()
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .get("/", async (c) => {
    const { cart_id, is_return } = validateQuery(c, shippingOptionsQuery)
    if (is_return) return c.json({ shipping_options: [] })
    const state = await loadCartState(c.var.scope, cart_id)
    assertCartAccess(state.cart, c.var.auth?.actor_id)
    const options = await shippingOptionsFor(c.var.scope, state)
    return c.json({ shipping_options: options.map(({ exact_amount: _exact, ...option }) => option) })
  })

export const storePaymentCollectionRoutes = new Hono<AppEnv>()
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .post("/", async (c) => {
    const { cart_id } = await validateBody(
      c,
      z.strictObject({ cart_id: z.string({ error: "cart_id is required" }).min(1) }),
    )
    const collectionId = await transaction(c.var.scope, (tx) =>
      initiatePaymentCollection(tx, cart_id, c.var.auth?.actor_id),
    )
    return c.json({ payment_collection: await paymentCollectionJson(c.var.scope, collectionId) })
  })
  .post("/:id/payment-sessions", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({
        provider_id: z.string({ error: "provider_id is required" }).min(1),
        data: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    await transaction(c.var.scope, (tx) => createPaymentSession(tx, c.req.param("id"), body, c.var.auth?.actor_id))
    return c.json({ payment_collection: await paymentCollectionJson(c.var.scope, c.req.param("id")) })
  })

export const storePaymentProviderRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const query = validateQuery(
    c,
    z.object({ region_id: z.string().optional(), limit: z.string().optional(), offset: z.string().optional() }),
  )
  if (!query.region_id) throw new MedusaError("invalid_data", "region_id is required to list payment providers")
  const region = await c.var.scope.resolve("regionService").retrieve(query.region_id)
  const offered = (await c.var.scope.resolve("regionService").paymentProvidersOf([region.id])).get(region.id) ?? []
  const providers = await c.var.scope.resolve("paymentService").enabledProviders(offered.map((provider) => provider.id))
  return c.json({ payment_providers: providers, count: providers.length, offset: 0, limit: providers.length })
})
