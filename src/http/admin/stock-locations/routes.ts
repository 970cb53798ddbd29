import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { idList, listQuery, oneOrMany, parseOrder, retrieveQuery, validateQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { emitShippingOptionsDeleted } from "../../../modules/fulfillment/events"
import { adminStockLocationQuery } from "./query-config"
import { stockLocationBody } from "./validators"

const locations = (scope: Scope) => scope.resolve("stockLocationService")
const fulfillment = (scope: Scope) => scope.resolve("fulfillmentService")

const listLocationsQuery = z.object({
  ...listQuery,
  q: z.string().max(200).optional(),
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
})
const fieldsQuery = z.object(retrieveQuery)

/** A location as the Admin API answers it, shaped by `fields` (Medusa's relations: address, sales channels, sets…). */
const respondLocation = (c: Context<AppEnv>, id: string) =>
  retrieveResponse(c, "stock_location", adminStockLocationQuery, validateQuery(c, fieldsQuery).fields, () =>
    locations(c.var.scope).retrieve(id),
  )

/** A change to one location, with its existence checked, in one transaction; answers the location. */
async function changeLocation(c: Context<AppEnv>, id: string, work: (tx: Scope) => Promise<unknown>) {
  await transaction(c.var.scope, async (tx) => {
    await locations(tx).retrieve(id)
    await work(tx)
  })
  return respondLocation(c, id)
}

/** Medusa's /admin/stock-locations: where stock is kept, what it sells to and how it ships. */
export const adminStockLocationRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listLocationsQuery)
    const ordering = parseOrder(order, ["id", "name", "created_at", "updated_at"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "stock_locations", adminStockLocationQuery, { fields, limit, offset }, () =>
      locations(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, stockLocationBody)
    const id = await transaction(c.var.scope, async (tx) => {
      const location = await locations(tx).create(body)
      await emitEvent(tx, "stock-location.created", { id: location.id })
      return location.id
    })
    return respondLocation(c, id)
  })
  .get("/:id", async (c) => respondLocation(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, stockLocationBody.partial())
    return changeLocation(c, c.req.param("id"), async (tx) => {
      await locations(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "stock-location.updated", { id: c.req.param("id") })
    })
  })
  .delete("/:id", async (c) => {
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      await locations(tx).softDelete(id)
      // Its fulfillment sets go with it (Medusa's cascading link), and with them its shipping options.
      await emitShippingOptionsDeleted(tx, await tx.resolve("fulfillmentSetService").deleteSetsOfLocation(id))
      await emitEvent(tx, "stock-location.deleted", { id })
    })
    return c.json({ id, object: "stock_location", deleted: true })
  })
  .post("/:id/sales-channels", async (c) => {
    const { add, remove } = await validateBody(c, z.strictObject({ add: idList(100), remove: idList(100) }))
    return changeLocation(c, c.req.param("id"), async (tx) => {
      await locations(tx).linkSalesChannels(c.req.param("id"), add)
      await locations(tx).unlinkSalesChannels(c.req.param("id"), remove)
    })
  })
  .post("/:id/fulfillment-providers", async (c) => {
    const { add } = await validateBody(
      c,
      z.strictObject({ add: idList(20), remove: z.array(z.string()).max(0).optional() }),
    )
    return changeLocation(c, c.req.param("id"), async (tx) => {
      for (const provider of add) await fulfillment(tx).enableProviderAt(provider, c.req.param("id"))
    })
  })
  .post("/:id/fulfillment-sets", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({ name: z.string().min(1).max(200), type: z.enum(["shipping", "pickup"]) }),
    )
    return changeLocation(c, c.req.param("id"), (tx) => fulfillment(tx).createFulfillmentSet(c.req.param("id"), body))
  })
