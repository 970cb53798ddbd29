import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { listQuery, oneOrMany } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { itemJson } from "../../../modules/inventory/item-view"
import {
  createLevelBody,
  itemLevelsBatchBody,
  levelQuantities,
  levelsBatchBody,
} from "../../../modules/inventory/validators"
import {
  batchInventoryItemLevels,
  batchInventoryLevels,
  createInventoryLevel,
  deleteInventoryLevel,
  updateInventoryLevel,
} from "../../../flows/inventory/levels"

const items = (scope: Scope) => scope.resolve("inventoryItemService")

/** The item after a change to its stock, as Medusa answers it. */
const itemResponse = async (scope: Scope, id: string) => ({ inventory_item: await itemJson(scope, id) })

const levelQuery = entityQuery([
  "inventory_item_id",
  "location_id",
  "stocked_quantity",
  "reserved_quantity",
  "incoming_quantity",
  "available_quantity",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
])
const listLevelsQuery = z.object({ ...listQuery, location_id: oneOrMany.optional() })

/** Medusa's location-level routes of /admin/inventory-items. Stocked never goes below reserved. */
export const adminInventoryLevelRoutes = new Hono<AppEnv>()
  .get("/inventory-items/:id/location-levels", query(listLevelsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const id = c.req.param("id")
    return listResponse(c, "inventory_levels", levelQuery, { fields, limit, offset }, async () => {
      await c.var.scope.resolve("inventoryService").retrieve(id)
      return items(c.var.scope).listLevels(id, filters, orderingFor(levelQuery, order), { limit, offset })
    })
  })
  // Registered before `/:location_id`, which would otherwise take "batch" for a location.
  .post("/inventory-items/:id/location-levels/batch", body(itemLevelsBatchBody), async (c) => {
    await batchInventoryItemLevels(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return c.json(await itemResponse(c.var.scope, c.req.param("id")))
  })
  .post("/inventory-items/location-levels/batch", body(levelsBatchBody), async (c) =>
    c.json(await batchInventoryLevels(c.var.scope, c.req.valid("json"))),
  )
  .post("/inventory-items/:id/location-levels", body(createLevelBody), async (c) => {
    await createInventoryLevel(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return c.json(await itemResponse(c.var.scope, c.req.param("id")))
  })
  .post("/inventory-items/:id/location-levels/:location_id", body(z.strictObject(levelQuantities)), async (c) => {
    await updateInventoryLevel(c.var.scope, c.req.param("id"), c.req.param("location_id"), c.req.valid("json"))
    return c.json(await itemResponse(c.var.scope, c.req.param("id")))
  })
  .delete("/inventory-items/:id/location-levels/:location_id", async (c) => {
    const { id, location_id } = c.req.param()
    const levelId = await deleteInventoryLevel(c.var.scope, id, location_id)
    const { inventory_item } = await itemResponse(c.var.scope, id)
    return c.json({ id: levelId, object: "inventory-level", deleted: true, parent: inventory_item })
  })
