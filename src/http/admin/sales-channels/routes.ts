import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import { booleanString, listQuery, oneOrMany, parseOrder, retrieveQuery, idList } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  createSalesChannel,
  deleteSalesChannel,
  linkProductsToSalesChannel,
  updateSalesChannel,
} from "../../../flows/sales-channel/sales-channels"
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
const listChannelsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
  is_disabled: booleanString.optional(),
})
const createChannelBody = z.strictObject(fields)
const updateChannelBody = z.strictObject({ ...fields, name: fields.name.optional() })
const linkProductsBody = z.strictObject({ add: ids, remove: ids })
const respondChannel = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "sales_channel", adminSalesChannelQuery, fields, () => channels(c.var.scope).retrieve(id))

/** Medusa's /admin/sales-channels: CRUD and which products a channel sells. */
export const adminSalesChannelRoutes = new Hono<AppEnv>()
  .get("/", query(listChannelsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["id", "name", "created_at", "updated_at"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "sales_channels", adminSalesChannelQuery, { fields, limit, offset }, () =>
      channels(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createChannelBody), async (c) => {
    const created = await createSalesChannel(c.var.scope, c.req.valid("json"))
    return respondChannel(c, created.id)
  })
  .get("/:id", query(fieldsQuery), async (c) => respondChannel(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(updateChannelBody), async (c) => {
    const updated = await updateSalesChannel(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondChannel(c, updated.id)
  })
  .delete("/:id", async (c) => {
    await deleteSalesChannel(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "sales-channel", deleted: true })
  })
  .post("/:id/products", body(linkProductsBody), async (c) => {
    const channel = await linkProductsToSalesChannel(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondChannel(c, channel.id)
  })
