import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { adminInventoryLevelRoutes } from "./levels"
import { adminReservationRoutes } from "../reservations/routes"
import { adminInventoryItemQuery } from "../../../modules/inventory/item-query-config"
import { itemJson, itemsJson } from "../../../modules/inventory/item-view"
import { createInventoryItemBody, inventoryItemBody } from "../../../modules/inventory/validators"
import { createInventoryItem, deleteInventoryItem, updateInventoryItem } from "../../../flows/inventory/items"

const inventory = (scope: Scope) => scope.resolve("inventoryService")

export const listItemsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  sku: oneOrMany.optional(),
})

/** Medusa's /admin/inventory-items and /admin/reservations: what is stocked, where, and held for whom. */
export const adminInventoryRoutes = new Hono<AppEnv>()
  .route("/", adminInventoryLevelRoutes)
  .route("/reservations", adminReservationRoutes)
  .get("/inventory-items", query(listItemsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "inventory_items", adminInventoryItemQuery, { fields, limit, offset }, async () => {
      const { rows, count } = await inventory(c.var.scope).list(filters, orderingFor(adminInventoryItemQuery, order), {
        limit,
        offset,
      })
      return { rows: await itemsJson(c.var.scope, rows), count }
    })
  })
  .post("/inventory-items", body(createInventoryItemBody), async (c) => {
    const id = await createInventoryItem(c.var.scope, c.req.valid("json"))
    return c.json({ inventory_item: await itemJson(c.var.scope, id) })
  })
  .get("/inventory-items/:id", query(z.object(retrieveQuery)), async (c) =>
    retrieveResponse(c, "inventory_item", adminInventoryItemQuery, c.req.valid("query").fields, () =>
      itemJson(c.var.scope, c.req.param("id")),
    ),
  )
  .post("/inventory-items/:id", body(inventoryItemBody), async (c) => {
    await updateInventoryItem(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return c.json({ inventory_item: await itemJson(c.var.scope, c.req.param("id")) })
  })
  .delete("/inventory-items/:id", async (c) => {
    await deleteInventoryItem(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "inventory_item", deleted: true })
  })
