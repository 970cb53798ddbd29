import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, noBody } from "../../../core/input"
import type { AppEnv } from "../../../core/types"
import { orderJson } from "../../../flows/order/order-view"
import { cancelOrderTransfer, requestOrderTransfer } from "../../../flows/order/transfers"

const requestTransferBody = z.object({
  customer_id: z.string().min(1),
  description: z.string().optional(),
  internal_note: z.string().optional(),
})

const admin = (c: Context<AppEnv>) => ({ actor_id: c.var.auth?.actor_id ?? "", actor_type: "user" as const })

/** Medusa's /admin/orders/:id/transfer: the merchant asks for a guest order to move to a customer's account. */
export const adminOrderTransferRoutes = new Hono<AppEnv>()
  .post("/:id/transfer", body(requestTransferBody), async (c) => {
    await requestOrderTransfer(c.var.scope, { ...c.req.valid("json"), order_id: c.req.param("id") }, admin(c))
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
  .post("/:id/transfer/cancel", noBody, async (c) => {
    await cancelOrderTransfer(c.var.scope, c.req.param("id"), admin(c))
    return c.json({ order: await orderJson(c.var.scope, c.req.param("id")) })
  })
