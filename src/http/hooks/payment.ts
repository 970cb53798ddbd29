import { Hono } from "hono"
import { z } from "zod"
import { MedusaError } from "../../core/errors"
import type { AppEnv } from "../../core/types"
import { processPaymentWebhook } from "../../flows/payment/webhooks"

// Medusa's /hooks/payment/:provider takes the provider's name without "pp_": stripe_stripe → pp_stripe_stripe.
const providerParam = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/i)

/** Medusa's payment webhooks: the raw body as it came (its signature is over those bytes), then applied once. */
export const paymentHookRoutes = new Hono<AppEnv>().post("/:provider", async (c) => {
  const parsed = providerParam.safeParse(c.req.param("provider"))
  if (!parsed.success) throw new MedusaError("not_found", "Unknown payment provider")
  const headers: Record<string, string> = {}
  c.req.raw.headers.forEach((value, name) => {
    headers[name] = value
  })
  await processPaymentWebhook(c.var.scope, `pp_${parsed.data}`, { rawData: await c.req.text(), headers })
  return c.json({ received: true })
})
