import { Hono, type Context } from "hono"
import { z } from "zod"
import { MedusaError } from "../../../core/errors"
import { body, noBody, query } from "../../../core/input"
import { selectJson } from "../../../core/query/select-json"
import type { AppEnv } from "../../../core/types"
import { ordersJson } from "../../../flows/order/order-view"
import {
  acceptOrderTransfer,
  cancelOrderTransfer,
  declineOrderTransfer,
  requestOrderTransfer,
} from "../../../flows/order/transfers"

const fieldsQuery = z.object({ fields: z.string().optional() })
const requestBody = z.object({ description: z.string().optional() })
const tokenBody = z.object({ token: z.string().min(1) })

/** The signed-in customer, or Medusa's 401 (accept and decline need none: the token is the proof). */
function customerId(c: Context<AppEnv>) {
  const id = c.var.auth?.actor_id
  if (!id) throw new MedusaError("unauthorized", "Unauthorized")
  return id
}

/** The order as the Store shows it, with the request's `fields`. */
async function orderResponse(c: Context<AppEnv>, orderId: string, fields: string | undefined) {
  const [json] = await ordersJson(c.var.scope, [await c.var.scope.resolve("orderService").retrieve(orderId)])
  return c.json({ order: selectJson(json!, fields) })
}

/** Medusa's /store/orders/:id/transfer/*: a guest order moved to the account of the customer who asks. */
export const storeOrderTransferRoutes = new Hono<AppEnv>()
  .post("/:id/transfer/request", body(requestBody), query(fieldsQuery), async (c) => {
    const id = customerId(c)
    await requestOrderTransfer(
      c.var.scope,
      { order_id: c.req.param("id"), customer_id: id, description: c.req.valid("json").description },
      { actor_id: id, actor_type: "customer" },
    )
    return orderResponse(c, c.req.param("id"), c.req.valid("query").fields)
  })
  .post("/:id/transfer/accept", body(tokenBody), query(fieldsQuery), async (c) => {
    await acceptOrderTransfer(c.var.scope, c.req.param("id"), c.req.valid("json").token)
    return orderResponse(c, c.req.param("id"), c.req.valid("query").fields)
  })
  .post("/:id/transfer/decline", body(tokenBody), query(fieldsQuery), async (c) => {
    await declineOrderTransfer(c.var.scope, c.req.param("id"), c.req.valid("json").token)
    return orderResponse(c, c.req.param("id"), c.req.valid("query").fields)
  })
  .post("/:id/transfer/cancel", noBody, query(fieldsQuery), async (c) => {
    const id = customerId(c)
    await cancelOrderTransfer(c.var.scope, c.req.param("id"), { actor_id: id, actor_type: "customer" })
    return orderResponse(c, c.req.param("id"), c.req.valid("query").fields)
  })
