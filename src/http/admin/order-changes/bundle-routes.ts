import { type Context, Hono } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import { selectJson } from "../../../core/query/select-json"
import type { AppEnv } from "../../../core/types"
import { orderPreviewJson } from "../../../flows/order/change-view"
import {
  addBundleShipping,
  addClaimItems,
  addInboundItems,
  addOutboundItems,
  beginBundle,
  type Bundle,
  cancelBundle,
  cancelBundleRequest,
  confirmBundle,
  updateBundleAction,
} from "../../../flows/order/exchange-claim"
import { bundlesJson } from "../../../flows/order/exchange-claim-view"
import { returnJson } from "../../../flows/order/return-view"
import { listOrdering } from "../returns/routes"
import { ChangeAction } from "../../../modules/order/change-actions"
import {
  beginChangeBody,
  confirmBody,
  fieldsQuery,
  listReturnsQuery,
  outboundItemsBody,
  requestItemsBody,
  shippingBody,
  updateOutboundItemBody,
  updateRequestItemBody,
  updateShippingBody,
} from "../returns/validators"

const actor = (c: Context<AppEnv>) => ({ actor_id: c.var.auth?.actor_id ?? null })
const claimItemsBody = z.object({
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        quantity: z.number().int().min(1, { error: "quantity must be at least 1" }),
        reason: z.enum(["missing_item", "wrong_item", "production_failure", "other"]).optional(),
        description: z.string().max(2000).optional(),
        internal_note: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(200),
})
const beginClaimBody = beginChangeBody.extend({
  type: z.enum(["refund", "replace"], { error: "type must be refund or replace" }),
  reason_id: z.string().optional(),
})

/** Medusa's /admin/exchanges and /admin/claims: inbound items and shipping, outbound items and shipping, request, cancel. */
export function bundleRoutes(kind: Bundle) {
  const entity = async (scope: AppEnv["Variables"]["scope"], id: string) => {
    const returns = scope.resolve("returnService")
    const [json] = await bundlesJson(scope, kind, [
      kind === "exchange" ? await returns.retrieveExchange(id) : await returns.retrieveClaim(id),
    ])
    return json!
  }
  const preview = async (c: Context<AppEnv>, side: "inbound" | "outbound") => {
    const json = await entity(c.var.scope, c.req.param("id")!)
    const order_preview = await orderPreviewJson(c.var.scope, json.order_id as string)
    if (side === "outbound") return c.json({ order_preview, [kind]: json })
    return c.json({
      order_preview,
      return: json.return_id ? await returnJson(c.var.scope, json.return_id as string) : null,
    })
  }
  const INBOUND = [ChangeAction.RETURN_ITEM]
  const OUTBOUND = [ChangeAction.ITEM_ADD]
  const SHIPPING = [ChangeAction.SHIPPING_ADD]
  const update =
    (actions: string[], side: "inbound" | "outbound") => async (c: Context<AppEnv>, patch: object | null) => {
      await updateBundleAction(c.var.scope, kind, c.req.param("id")!, c.req.param("action_id")!, actions, patch)
      return preview(c, side)
    }
  const routes = new Hono<AppEnv>()
    .get("/", query(listReturnsQuery), async (c) => {
      const { limit = 20, offset = 0, fields, id, order_id, created_at, updated_at, order } = c.req.valid("query")
      const returns = c.var.scope.resolve("returnService")
      const { rows, count } =
        kind === "exchange"
          ? await returns.listExchanges({ id, order_id, created_at, updated_at }, listOrdering(order), {
              limit,
              offset,
            })
          : await returns.listClaims({ id, order_id, created_at, updated_at }, listOrdering(order), { limit, offset })
      const list = await bundlesJson(c.var.scope, kind, rows)
      return c.json({ [`${kind}s`]: list.map((json) => selectJson(json, fields)), count, offset, limit })
    })
    .post("/", body(kind === "claim" ? beginClaimBody : beginChangeBody), async (c) => {
      const created = await beginBundle(c.var.scope, kind, c.req.valid("json"), actor(c))
      return c.json({
        [kind]: await entity(c.var.scope, created.id),
        order: await orderPreviewJson(c.var.scope, created.order_id),
      })
    })
    .get("/:id", query(fieldsQuery), async (c) =>
      c.json({ [kind]: selectJson(await entity(c.var.scope, c.req.param("id")), c.req.valid("query").fields) }),
    )
    .post("/:id/inbound/items", body(requestItemsBody), async (c) => {
      await addInboundItems(c.var.scope, kind, c.req.param("id"), c.req.valid("json").items, actor(c))
      return preview(c, "inbound")
    })
    .post("/:id/inbound/items/:action_id", body(updateRequestItemBody), (c) =>
      update(INBOUND, "inbound")(c, c.req.valid("json")),
    )
    .delete("/:id/inbound/items/:action_id", (c) => update(INBOUND, "inbound")(c, null))
    .post("/:id/inbound/shipping-method", body(shippingBody), async (c) => {
      await addBundleShipping(c.var.scope, kind, c.req.param("id"), "inbound", c.req.valid("json"), actor(c))
      return preview(c, "inbound")
    })
    .post("/:id/inbound/shipping-method/:action_id", body(updateShippingBody), (c) =>
      update(SHIPPING, "inbound")(c, c.req.valid("json")),
    )
    .delete("/:id/inbound/shipping-method/:action_id", (c) => update(SHIPPING, "inbound")(c, null))
    .post("/:id/outbound/items", body(outboundItemsBody), async (c) => {
      await addOutboundItems(c.var.scope, kind, c.req.param("id"), c.req.valid("json").items)
      return preview(c, "outbound")
    })
    .post("/:id/outbound/items/:action_id", body(updateOutboundItemBody), (c) =>
      update(OUTBOUND, "outbound")(c, c.req.valid("json")),
    )
    .delete("/:id/outbound/items/:action_id", (c) => update(OUTBOUND, "outbound")(c, null))
    .post("/:id/outbound/shipping-method", body(shippingBody), async (c) => {
      await addBundleShipping(c.var.scope, kind, c.req.param("id"), "outbound", c.req.valid("json"), actor(c))
      return preview(c, "outbound")
    })
    .post("/:id/outbound/shipping-method/:action_id", body(updateShippingBody), (c) =>
      update(SHIPPING, "outbound")(c, c.req.valid("json")),
    )
    .delete("/:id/outbound/shipping-method/:action_id", (c) => update(SHIPPING, "outbound")(c, null))
    .post("/:id/request", body(confirmBody), async (c) => {
      await confirmBundle(c.var.scope, kind, c.req.param("id"), actor(c))
      return preview(c, "outbound")
    })
    .delete("/:id/request", async (c) => {
      await cancelBundleRequest(c.var.scope, kind, c.req.param("id"), actor(c))
      return c.json({ id: c.req.param("id"), object: kind, deleted: true })
    })
    .post("/:id/cancel", body(confirmBody), async (c) => {
      await cancelBundle(c.var.scope, kind, c.req.param("id"), actor(c))
      return c.json({ [kind]: await entity(c.var.scope, c.req.param("id")) })
    })
  if (kind === "claim") {
    routes
      .post("/:id/claim-items", body(claimItemsBody), async (c) => {
        await addClaimItems(c.var.scope, c.req.param("id"), c.req.valid("json").items)
        return preview(c, "outbound")
      })
      .post("/:id/claim-items/:action_id", body(updateOutboundItemBody), (c) =>
        update([ChangeAction.WRITE_OFF_ITEM], "outbound")(c, c.req.valid("json")),
      )
      .delete("/:id/claim-items/:action_id", (c) => update([ChangeAction.WRITE_OFF_ITEM], "outbound")(c, null))
  }
  return routes
}
