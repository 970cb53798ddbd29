import { Hono } from "hono"
import { z } from "zod"
import { validateBody } from "../../core/body"
import { booleanString, listQuery, oneOrMany, parseOrder, validateQuery, idList } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import type { ProductService } from "../product/service"
import { SalesChannelEvents } from "./events"
import type { SalesChannelService } from "./service"

type Scope = AppEnv["Variables"]["scope"]
const channels = (scope: Scope) => scope.resolve<SalesChannelService>("salesChannelService")
const fields = {
  name: z.string().min(1).max(200),
  description: z.string().max(2000).nullish(),
  is_disabled: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}
const ids = idList()

/** Medusa's /admin/sales-channels: CRUD and which products a channel sells. */
export const adminSalesChannelRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields: _fields, ...filters } = validateQuery(
      c,
      z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), name: oneOrMany.optional(), is_disabled: booleanString.optional() }),
    )
    const ordering = parseOrder(order, ["id", "name", "created_at", "updated_at"], { field: "created_at", direction: "asc" })
    const { rows, count } = await channels(c.var.scope).list(filters, ordering, { limit, offset })
    return c.json({ sales_channels: rows, count, offset, limit })
  })
  .post("/", async (c) => {
    const body = await validateBody(c, z.strictObject(fields))
    const created = await transaction(c.var.scope, async (tx) => {
      const channel = await channels(tx).create(body)
      await emitEvent(tx, SalesChannelEvents.CREATED, { id: channel.id })
      return channel
    })
    return c.json({ sales_channel: created })
  })
  .get("/:id", async (c) => c.json({ sales_channel: await channels(c.var.scope).retrieve(c.req.param("id")) }))
  .post("/:id", async (c) => {
    const body = await validateBody(c, z.strictObject({ ...fields, name: fields.name.optional() }))
    const updated = await transaction(c.var.scope, async (tx) => {
      const channel = await channels(tx).update(c.req.param("id"), body)
      await emitEvent(tx, SalesChannelEvents.UPDATED, { id: channel.id })
      return channel
    })
    return c.json({ sales_channel: updated })
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await channels(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, SalesChannelEvents.DELETED, { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "sales-channel", deleted: true })
  })
  .post("/:id/products", async (c) => {
    const { add, remove } = await validateBody(c, z.strictObject({ add: ids, remove: ids }))
    const channel = await transaction(c.var.scope, async (tx) => {
      const found = await channels(tx).retrieve(c.req.param("id"))
      await tx.resolve<ProductService>("productService").linkSalesChannel(found.id, add, remove)
      await emitEvent(tx, SalesChannelEvents.UPDATED, { id: found.id })
      return found
    })
    return c.json({ sales_channel: channel })
  })
