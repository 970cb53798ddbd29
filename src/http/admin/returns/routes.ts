import { type Context, Hono } from "hono"
import { body, query } from "../../../core/input"
import { selectJson } from "../../../core/query/select-json"
import { parseOrder } from "../../../core/query/params"
import type { AppEnv } from "../../../core/types"
import { orderPreviewJson } from "../../../flows/order/change-view"
import { returnJson, returnsJson } from "../../../flows/order/return-view"
import {
  addReturnShipping,
  beginReceive,
  beginReturn,
  cancelReceive,
  cancelReturn,
  cancelReturnRequest,
  confirmReceive,
  confirmReturnRequest,
  receiveReturnItems,
  requestReturnItems,
  updateReturn,
  updateReturnAction,
} from "../../../flows/order/returns"
import { ChangeAction } from "../../../modules/order/change-actions"
import {
  beginReceiveBody,
  confirmBody,
  createReturnBody,
  fieldsQuery,
  listReturnsQuery,
  receiveItemsBody,
  requestItemsBody,
  shippingBody,
  updateReceiveItemBody,
  updateRequestItemBody,
  updateReturnBody,
  updateShippingBody,
} from "./validators"

/** Lists of returns, exchanges and claims sort by their dates or id, newest first unless asked. */
export const listOrdering = (order: string | undefined) =>
  parseOrder(order, ["created_at", "updated_at", "id"], { field: "created_at", direction: "desc" })

const actor = (c: Context<AppEnv>) => ({ actor_id: c.var.auth?.actor_id ?? null })

/** Medusa's answer to a return command: the order with its change in progress, and the return. */
async function previewResponse(c: Context<AppEnv>, returnId: string) {
  const orderReturn = await returnJson(c.var.scope, returnId)
  return c.json({
    order_preview: await orderPreviewJson(c.var.scope, orderReturn.order_id as string),
    return: orderReturn,
  })
}

const REQUEST = { change: ["return_request" as const], actions: [ChangeAction.RETURN_ITEM] }
const SHIPPING = { change: ["return_request" as const], actions: [ChangeAction.SHIPPING_ADD] }
const RECEIVE = { change: ["return_receive" as const], actions: [ChangeAction.RECEIVE_RETURN_ITEM] }
const DISMISS = { change: ["return_receive" as const], actions: [ChangeAction.RECEIVE_DAMAGED_RETURN_ITEM] }

/** Medusa's /admin/returns: request items, inbound shipping, confirm; receive (and dismiss damaged units), confirm; cancel. */
export const adminReturnRoutes = new Hono<AppEnv>()
  .get("/", query(listReturnsQuery), async (c) => {
    const { limit = 20, offset = 0, fields, order, ...filters } = c.req.valid("query")
    const returnService = c.var.scope.resolve("returnService")
    const { rows, count } = await returnService.list(filters, listOrdering(order), { limit, offset })
    const returns = (await returnsJson(c.var.scope, rows)).map((json) => selectJson(json, fields))
    return c.json({ returns, count, offset, limit })
  })
  .post("/", body(createReturnBody), async (c) => {
    const created = await beginReturn(c.var.scope, c.req.valid("json"), actor(c))
    return c.json({
      order: await orderPreviewJson(c.var.scope, created.order_id),
      return: await returnJson(c.var.scope, created.id),
    })
  })
  .get("/:id", query(fieldsQuery), async (c) =>
    c.json({ return: selectJson(await returnJson(c.var.scope, c.req.param("id")), c.req.valid("query").fields) }),
  )
  .post("/:id/request-items", body(requestItemsBody), async (c) => {
    await requestReturnItems(c.var.scope, c.req.param("id"), c.req.valid("json").items)
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/request-items/:action_id", body(updateRequestItemBody), async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), REQUEST, c.req.valid("json"))
    return previewResponse(c, c.req.param("id"))
  })
  .delete("/:id/request-items/:action_id", async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), REQUEST, null)
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/shipping-method", body(shippingBody), async (c) => {
    await addReturnShipping(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/shipping-method/:action_id", body(updateShippingBody), async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), SHIPPING, c.req.valid("json"))
    return previewResponse(c, c.req.param("id"))
  })
  .delete("/:id/shipping-method/:action_id", async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), SHIPPING, null)
    return previewResponse(c, c.req.param("id"))
  })
  // Medusa answers a confirmation with the preview as it stood just before (the change applied).
  .post("/:id/request", body(confirmBody), async (c) => {
    const orderReturn = await returnJson(c.var.scope, c.req.param("id"))
    const order_preview = await orderPreviewJson(c.var.scope, orderReturn.order_id as string)
    await confirmReturnRequest(c.var.scope, c.req.param("id"), actor(c))
    return c.json({ order_preview, return: await returnJson(c.var.scope, c.req.param("id")) })
  })
  .delete("/:id/request", async (c) => {
    await cancelReturnRequest(c.var.scope, c.req.param("id"), actor(c))
    return c.json({ id: c.req.param("id"), object: "return", deleted: true })
  })
  .post("/:id/receive", body(beginReceiveBody), async (c) => {
    await beginReceive(c.var.scope, c.req.param("id"), c.req.valid("json"), actor(c))
    return previewResponse(c, c.req.param("id"))
  })
  .delete("/:id/receive", async (c) => {
    await cancelReceive(c.var.scope, c.req.param("id"), actor(c))
    return c.json({ id: c.req.param("id"), object: "return", deleted: true })
  })
  .post("/:id/receive-items", body(receiveItemsBody), async (c) => {
    await receiveReturnItems(c.var.scope, c.req.param("id"), c.req.valid("json").items, false)
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/receive-items/:action_id", body(updateReceiveItemBody), async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), RECEIVE, c.req.valid("json"))
    return previewResponse(c, c.req.param("id"))
  })
  .delete("/:id/receive-items/:action_id", async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), RECEIVE, null)
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/dismiss-items", body(receiveItemsBody), async (c) => {
    await receiveReturnItems(c.var.scope, c.req.param("id"), c.req.valid("json").items, true)
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/dismiss-items/:action_id", body(updateReceiveItemBody), async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), DISMISS, c.req.valid("json"))
    return previewResponse(c, c.req.param("id"))
  })
  .delete("/:id/dismiss-items/:action_id", async (c) => {
    await updateReturnAction(c.var.scope, c.req.param("id"), c.req.param("action_id"), DISMISS, null)
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/receive/confirm", body(confirmBody), async (c) => {
    await confirmReceive(c.var.scope, c.req.param("id"), actor(c))
    return previewResponse(c, c.req.param("id"))
  })
  .post("/:id/cancel", body(confirmBody), async (c) => {
    await cancelReturn(c.var.scope, c.req.param("id"), actor(c))
    return c.json({ return: await returnJson(c.var.scope, c.req.param("id")) })
  })
  .post("/:id", body(updateReturnBody), async (c) => {
    await updateReturn(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return previewResponse(c, c.req.param("id"))
  })
