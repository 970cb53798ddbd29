import { type Context, Hono } from "hono"
import { body } from "../../../core/input"
import type { AppEnv } from "../../../core/types"
import { changesJson, orderPreviewJson } from "../../../flows/order/change-view"
import {
  addOrderEditItems,
  addOrderEditShipping,
  beginOrderEdit,
  cancelOrderEdit,
  confirmOrderEdit,
  requestOrderEdit,
  updateOrderEditAddedItem,
  updateOrderEditItem,
  updateOrderEditShipping,
} from "../../../flows/order/edits"
import {
  beginChangeBody,
  confirmBody,
  outboundItemsBody,
  shippingBody,
  updateEditItemBody,
  updateOutboundItemBody,
  updateShippingBody,
} from "../returns/validators"

const actor = (c: Context<AppEnv>) => ({ actor_id: c.var.auth?.actor_id ?? null })
const preview = async (c: Context<AppEnv>) =>
  c.json({ order_preview: await orderPreviewJson(c.var.scope, c.req.param("id")!) })

/** Medusa's /admin/order-edits, keyed by the order's id: add, re-quantify and remove items, shipping, request, confirm, cancel. */
export const adminOrderEditRoutes = new Hono<AppEnv>()
  .post("/", body(beginChangeBody), async (c) => {
    const change = await beginOrderEdit(c.var.scope, c.req.valid("json"), actor(c))
    const [order_change] = await changesJson(c.var.scope, [change])
    return c.json({ order_change })
  })
  .post("/:id/items", body(outboundItemsBody), async (c) => {
    await addOrderEditItems(c.var.scope, c.req.param("id"), c.req.valid("json").items)
    return preview(c)
  })
  .post("/:id/items/item/:item_id", body(updateEditItemBody), async (c) => {
    await updateOrderEditItem(c.var.scope, c.req.param("id"), c.req.param("item_id"), c.req.valid("json"))
    return preview(c)
  })
  .post("/:id/items/:action_id", body(updateOutboundItemBody), async (c) => {
    await updateOrderEditAddedItem(c.var.scope, c.req.param("id"), c.req.param("action_id"), c.req.valid("json"))
    return preview(c)
  })
  .delete("/:id/items/:action_id", async (c) => {
    await updateOrderEditAddedItem(c.var.scope, c.req.param("id"), c.req.param("action_id"), null)
    return preview(c)
  })
  .post("/:id/shipping-method", body(shippingBody), async (c) => {
    await addOrderEditShipping(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return preview(c)
  })
  .post("/:id/shipping-method/:action_id", body(updateShippingBody), async (c) => {
    await updateOrderEditShipping(c.var.scope, c.req.param("id"), c.req.param("action_id"), c.req.valid("json"))
    return preview(c)
  })
  .delete("/:id/shipping-method/:action_id", async (c) => {
    await updateOrderEditShipping(c.var.scope, c.req.param("id"), c.req.param("action_id"), null)
    return preview(c)
  })
  .post("/:id/request", body(confirmBody), async (c) => {
    await requestOrderEdit(c.var.scope, c.req.param("id"), actor(c))
    return preview(c)
  })
  .post("/:id/confirm", body(confirmBody), async (c) => {
    await confirmOrderEdit(c.var.scope, c.req.param("id"), actor(c))
    return preview(c)
  })
  .delete("/:id", async (c) => {
    await cancelOrderEdit(c.var.scope, c.req.param("id"), actor(c))
    return c.json({ id: c.req.param("id"), object: "order-edit", deleted: true })
  })
