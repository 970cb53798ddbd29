import { Hono, type Context } from "hono"
import { z } from "zod"
import { validateBody } from "../../../core/body"
import {
  booleanString,
  listQuery,
  oneOrMany,
  parseOrder,
  retrieveQuery,
  validateQuery,
  idList,
} from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { SalesChannelEvents } from "../../../modules/sales-channel/events"
import { metadata } from "../../../core/metadata"

type Scope = AppEnv["Variables"]["scope"]
const channels = (scope: Scope) => scope.resolve("salesChannelService")
const fields = {
  name: z.string().min(1).max(200),
  description: z.string().max(2000).nullish(),
  is_disabled: z.boolean().optional(),
  metadata,
}
const ids = idList()
const adminSalesChannelQuery = entityQuery([
  "name",
  "description",
  "is_disabled",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
])
const fieldsQuery = z.object(retrieveQuery)
const respondChannel = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "sales_channel", adminSalesChannelQuery, fields, () => channels(c.var.scope).retrieve(id))

/** Medusa's /admin/sales-channels: CRUD and which products a channel sells. */
export const adminSalesChannelRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(
      c,
      z.object({
        ...listQuery,
        q: z.string().optional(),
        id: oneOrMany.optional(),
        name: oneOrMany.optional(),
        is_disabled: booleanString.optional(),
      }),
    )
    const ordering = parseOrder(order, ["id", "name", "created_at", "updated_at"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "sales_channels", adminSalesChannelQuery, { fields, limit, offset }, () =>
      channels(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, z.strictObject(fields))
    const created = await transaction(c.var.scope, async (tx) => {
      const channel = await channels(tx).create(body)
      await emitEvent(tx, SalesChannelEvents.CREATED, { id: channel.id })
      return channel
    })
    return respondChannel(c, created.id)
  })
  .get("/:id", async (c) => respondChannel(c, c.req.param("id"), validateQuery(c, fieldsQuery).fields))
  .post("/:id", async (c) => {
    const body = await validateBody(c, z.strictObject({ ...fields, name: fields.name.optional() }))
    const updated = await transaction(c.var.scope, async (tx) => {
      const channel = await channels(tx).update(c.req.param("id"), body)
      await emitEvent(tx, SalesChannelEvents.UPDATED, { id: channel.id })
      return channel
    })
    return respondChannel(c, updated.id)
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
      await tx.resolve("productLinkService").setSalesChannel(found.id, add, remove)
      await emitEvent(tx, SalesChannelEvents.UPDATED, { id: found.id })
      return found
    })
    return respondChannel(c, channel.id)
  })
