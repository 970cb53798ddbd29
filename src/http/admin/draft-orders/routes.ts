import { type Context, Hono } from "hono"
import { MedusaError } from "../../../core/errors"
import { body, noBody, query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { selectJson } from "../../../core/query/select-json"
import type { AppEnv } from "../../../core/types"
import {
  addDraftItems,
  addDraftPromotions,
  addDraftShipping,
  assertDraft,
  convertDraftToOrder,
  createDraftOrder,
  deleteDraftOrder,
  removeDraftPromotions,
  updateDraftItem,
  updateDraftOrder,
  updateDraftShipping,
} from "../../../flows/draft-order/draft-orders"
import { orderJson, ordersJson } from "../../../flows/order/order-view"
import {
  addItemsBody,
  addShippingBody,
  createDraftOrderBody,
  fieldsQuery,
  listDraftOrdersQuery,
  promotionsBody,
  updateDraftOrderBody,
  updateItemBody,
  updateShippingBody,
} from "./validators"

const draftJson = async (c: Context<AppEnv>, id: string, fields?: string) =>
  selectJson(await orderJson(c.var.scope, id), fields)
/** Edits apply to the draft at once, so the preview Medusa answers with is the draft itself. */
const preview = async (c: Context<AppEnv>) => c.json({ draft_order_preview: await draftJson(c, c.req.param("id")!) })

/**
 * Medusa's /admin/draft-orders: create, list, read, update, delete, convert; and the edit routes,
 * whose changes apply to the draft directly (an action id is the line's or shipping method's id).
 */
export const adminDraftOrderRoutes = new Hono<AppEnv>()
  .get("/", query(listDraftOrdersQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["created_at", "updated_at", "display_id", "id"], {
      field: "created_at",
      direction: "desc",
    })
    const { rows, count } = await c.var.scope
      .resolve("orderService")
      .list({ ...filters, is_draft_order: true }, ordering, { limit, offset })
    const draft_orders = (await ordersJson(c.var.scope, rows)).map((json) => selectJson(json, fields))
    return c.json({ draft_orders, count, offset, limit })
  })
  .post("/", body(createDraftOrderBody), query(fieldsQuery), async (c) => {
    const id = await createDraftOrder(c.var.scope, c.req.valid("json"))
    return c.json({ draft_order: await draftJson(c, id, c.req.valid("query").fields) })
  })
  .get("/:id", query(fieldsQuery), async (c) => {
    const id = c.req.param("id")
    // A placed order is no longer a draft.
    const draft = await draftJson(c, id)
    if (!draft.is_draft_order) throw new MedusaError("not_found", `Draft order with id: ${id} was not found`)
    return c.json({ draft_order: selectJson(draft, c.req.valid("query").fields) })
  })
  .post("/:id", body(updateDraftOrderBody), query(fieldsQuery), async (c) => {
    await updateDraftOrder(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return c.json({ draft_order: await draftJson(c, c.req.param("id"), c.req.valid("query").fields) })
  })
  .delete("/:id", async (c) => {
    await deleteDraftOrder(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "draft-order", deleted: true })
  })
  .post("/:id/convert-to-order", noBody, query(fieldsQuery), async (c) => {
    await convertDraftToOrder(c.var.scope, c.req.param("id"))
    return c.json({ order: selectJson(await orderJson(c.var.scope, c.req.param("id")), c.req.valid("query").fields) })
  })
  // The edit session: begin, request and confirm check that the draft is one; changes are already applied.
  .post("/:id/edit", noBody, async (c) => {
    await assertDraft(c.var.scope, c.req.param("id"))
    return preview(c)
  })
  .post("/:id/edit/request", noBody, async (c) => {
    await assertDraft(c.var.scope, c.req.param("id"))
    return preview(c)
  })
  .post("/:id/edit/confirm", noBody, async (c) => {
    await assertDraft(c.var.scope, c.req.param("id"))
    return preview(c)
  })
  .delete("/:id/edit", async (c) => {
    await assertDraft(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "draft-order-edit", deleted: true })
  })
  .post("/:id/edit/items", body(addItemsBody), async (c) => {
    await addDraftItems(c.var.scope, c.req.param("id"), c.req.valid("json").items)
    return preview(c)
  })
  .post("/:id/edit/items/item/:item_id", body(updateItemBody), async (c) => {
    await updateDraftItem(c.var.scope, c.req.param("id"), c.req.param("item_id"), c.req.valid("json"))
    return preview(c)
  })
  .post("/:id/edit/items/:action_id", body(updateItemBody), async (c) => {
    await updateDraftItem(c.var.scope, c.req.param("id"), c.req.param("action_id"), c.req.valid("json"))
    return preview(c)
  })
  .delete("/:id/edit/items/:action_id", async (c) => {
    await updateDraftItem(c.var.scope, c.req.param("id"), c.req.param("action_id"), { quantity: 0 })
    return preview(c)
  })
  .post("/:id/edit/shipping-methods", body(addShippingBody), async (c) => {
    const { shipping_option_id, custom_amount } = c.req.valid("json")
    await addDraftShipping(c.var.scope, c.req.param("id"), { shipping_option_id, amount: custom_amount })
    return preview(c)
  })
  .post("/:id/edit/shipping-methods/method/:method_id", body(updateShippingBody), async (c) => {
    await updateDraftShipping(c.var.scope, c.req.param("id"), c.req.param("method_id"), c.req.valid("json"))
    return preview(c)
  })
  .delete("/:id/edit/shipping-methods/method/:method_id", async (c) => {
    await updateDraftShipping(c.var.scope, c.req.param("id"), c.req.param("method_id"), null)
    return preview(c)
  })
  .post("/:id/edit/shipping-methods/:action_id", body(updateShippingBody), async (c) => {
    await updateDraftShipping(c.var.scope, c.req.param("id"), c.req.param("action_id"), c.req.valid("json"))
    return preview(c)
  })
  .delete("/:id/edit/shipping-methods/:action_id", async (c) => {
    await updateDraftShipping(c.var.scope, c.req.param("id"), c.req.param("action_id"), null)
    return preview(c)
  })
  .post("/:id/edit/promotions", body(promotionsBody), async (c) => {
    await addDraftPromotions(c.var.scope, c.req.param("id"), c.req.valid("json").promo_codes)
    return preview(c)
  })
  .delete("/:id/edit/promotions", body(promotionsBody), async (c) => {
    await removeDraftPromotions(c.var.scope, c.req.param("id"), c.req.valid("json").promo_codes)
    return preview(c)
  })
