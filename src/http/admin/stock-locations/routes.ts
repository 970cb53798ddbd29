import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { idList, listQuery, oneOrMany, parseOrder, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { AppEnv } from "../../../core/types"
import {
  addFulfillmentProvidersToStockLocation,
  createLocationFulfillmentSet,
  createStockLocation,
  deleteStockLocation,
  linkSalesChannelsToStockLocation,
  updateStockLocation,
} from "../../../flows/stock-location/stock-locations"
import type { FieldsContext } from "../products/validators"
import { adminStockLocationQuery } from "./query-config"
import { stockLocationBody } from "./validators"

const locations = (scope: Scope) => scope.resolve("stockLocationService")

const listLocationsQuery = z.object({
  ...listQuery,
  q: z.string().max(200).optional(),
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
})
const fieldsQuery = z.object(retrieveQuery)
const salesChannelsBody = z.strictObject({ add: idList(100), remove: idList(100) })
const providersBody = z.strictObject({ add: idList(20), remove: z.array(z.string()).max(0).optional() })
const fulfillmentSetBody = z.strictObject({ name: z.string().min(1).max(200), type: z.enum(["shipping", "pickup"]) })

/** A location as the Admin API answers it, shaped by `fields` (Medusa's relations: address, sales channels, sets…). */
const respondLocation = (c: FieldsContext, id: string) =>
  retrieveResponse(c, "stock_location", adminStockLocationQuery, c.req.valid("query").fields, () =>
    locations(c.var.scope).retrieve(id),
  )

/** Medusa's /admin/stock-locations: where stock is kept, what it sells to and how it ships. */
export const adminStockLocationRoutes = new Hono<AppEnv>()
  .get("/", query(listLocationsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["id", "name", "created_at", "updated_at"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "stock_locations", adminStockLocationQuery, { fields, limit, offset }, () =>
      locations(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(stockLocationBody), query(fieldsQuery), async (c) => {
    const id = await createStockLocation(c.var.scope, c.req.valid("json"))
    return respondLocation(c, id)
  })
  .get("/:id", query(fieldsQuery), async (c) => respondLocation(c, c.req.param("id")))
  .post("/:id", body(stockLocationBody.partial()), query(fieldsQuery), async (c) => {
    await updateStockLocation(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondLocation(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    const id = c.req.param("id")
    await deleteStockLocation(c.var.scope, id)
    return c.json({ id, object: "stock_location", deleted: true })
  })
  .post("/:id/sales-channels", body(salesChannelsBody), query(fieldsQuery), async (c) => {
    await linkSalesChannelsToStockLocation(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondLocation(c, c.req.param("id"))
  })
  .post("/:id/fulfillment-providers", body(providersBody), query(fieldsQuery), async (c) => {
    await addFulfillmentProvidersToStockLocation(c.var.scope, c.req.param("id"), c.req.valid("json").add)
    return respondLocation(c, c.req.param("id"))
  })
  .post("/:id/fulfillment-sets", body(fulfillmentSetBody), query(fieldsQuery), async (c) => {
    await createLocationFulfillmentSet(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondLocation(c, c.req.param("id"))
  })
