import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { MedusaError } from "../../../core/errors"
import { listQuery, oneOrMany, validateQuery } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import type { InventoryLevel, LevelQuantities } from "../../../modules/inventory/item-service"
import { itemJson } from "../../../modules/inventory/item-view"
import {
  createLevelBody,
  itemLevelsBatchBody,
  levelQuantities,
  levelsBatchBody,
} from "../../../modules/inventory/validators"

const items = (scope: Scope) => scope.resolve("inventoryItemService")
type LevelInput = LevelQuantities & { inventory_item_id: string; location_id: string }

/** Creates or sets levels, each item and location checked to exist. */
export async function setLevels(tx: Scope, levels: LevelInput[]) {
  const changed: InventoryLevel[] = []
  for (const { inventory_item_id, location_id, ...quantities } of levels) {
    await tx.resolve("stockLocationService").retrieve(location_id)
    changed.push(await items(tx).setLevel(inventory_item_id, location_id, quantities))
  }
  return changed
}

async function updateLevels(tx: Scope, levels: LevelInput[]) {
  const changed: InventoryLevel[] = []
  for (const { inventory_item_id, location_id, ...quantities } of levels)
    changed.push(await items(tx).updateLevel(inventory_item_id, location_id, quantities))
  return changed
}

/** One `inventory-item.updated` per item whose stock changed. */
async function emitItemsUpdated(tx: Scope, itemIds: string[]) {
  for (const id of new Set(itemIds)) await emitEvent(tx, "inventory-item.updated", { id })
}

/** A stock change of one item: checked, written and announced in one transaction; answers the item. */
async function changeItemStock(scope: Scope, itemId: string, work: (tx: Scope) => Promise<unknown>) {
  await transaction(scope, async (tx) => {
    await tx.resolve("inventoryService").retrieve(itemId)
    await work(tx)
    await emitItemsUpdated(tx, [itemId])
  })
  return { inventory_item: await itemJson(scope, itemId) }
}

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

/** Medusa's location-level routes of /admin/inventory-items. Stocked never goes below reserved. */
export const adminInventoryLevelRoutes = new Hono<AppEnv>()
  .get("/inventory-items/:id/location-levels", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(c, z.object({ ...listQuery, location_id: oneOrMany.optional() }))
    const id = c.req.param("id")
    return listResponse(c, "inventory_levels", levelQuery, { fields, limit, offset }, async () => {
      await c.var.scope.resolve("inventoryService").retrieve(id)
      return items(c.var.scope).listLevels(id, filters, orderingFor(levelQuery, order), { limit, offset })
    })
  })
  // Registered before `/:location_id`, which would otherwise take "batch" for a location.
  .post("/inventory-items/:id/location-levels/batch", async (c) => {
    const body = await validateBody(c, itemLevelsBatchBody)
    const id = c.req.param("id")
    return c.json(
      await changeItemStock(c.var.scope, id, async (tx) => {
        await items(tx).deleteLevels(await items(tx).levelsAt(id, body.delete), { force: body.force })
        await setLevels(
          tx,
          body.create.map((level) => ({ ...level, inventory_item_id: id })),
        )
        await updateLevels(
          tx,
          body.update.map(({ id: _levelId, ...level }) => ({ ...level, inventory_item_id: id })),
        )
      }),
    )
  })
  .post("/inventory-items/location-levels/batch", async (c) => {
    const body = await validateBody(c, levelsBatchBody)
    const result = await transaction(c.var.scope, async (tx) => {
      const doomed = await items(tx).levelsById(body.delete)
      await items(tx).deleteLevels(doomed, { force: body.force })
      for (const level of [...body.create, ...body.update])
        await tx.resolve("inventoryService").retrieve(level.inventory_item_id)
      const created = await setLevels(tx, body.create)
      const updated = await updateLevels(
        tx,
        body.update.map(({ id: _levelId, ...level }) => level),
      )
      await emitItemsUpdated(
        tx,
        [...doomed, ...created, ...updated].map((level) => level.inventory_item_id),
      )
      return { created, updated, deleted: doomed.map((level) => level.id) }
    })
    return c.json(result)
  })
  .post("/inventory-items/:id/location-levels", async (c) => {
    const { location_id, ...quantities } = await validateBody(c, createLevelBody)
    const id = c.req.param("id")
    return c.json(
      await changeItemStock(c.var.scope, id, (tx) =>
        setLevels(tx, [{ inventory_item_id: id, location_id, ...quantities }]),
      ),
    )
  })
  .post("/inventory-items/:id/location-levels/:location_id", async (c) => {
    const quantities = await validateBody(c, z.strictObject(levelQuantities))
    return c.json(
      await changeItemStock(c.var.scope, c.req.param("id"), (tx) =>
        items(tx).updateLevel(c.req.param("id"), c.req.param("location_id"), quantities),
      ),
    )
  })
  .delete("/inventory-items/:id/location-levels/:location_id", async (c) => {
    const { id, location_id } = c.req.param()
    let levelId = ""
    const { inventory_item } = await changeItemStock(c.var.scope, id, async (tx) => {
      const [level] = await items(tx).levelsAt(id, [location_id])
      if (!level)
        throw new MedusaError("not_found", `Inventory level for item ${id} and location ${location_id} not found`)
      if (level.reserved_quantity > 0) {
        throw new MedusaError(
          "not_allowed",
          `Cannot remove Inventory Level ${id} at Location ${location_id} because there are reservations at location`,
        )
      }
      // Stock on hand does not keep the level: removing a location from an item is the merchant's call.
      await items(tx).deleteLevels([level], { force: true })
      levelId = level.id
    })
    return c.json({ id: levelId, object: "inventory-level", deleted: true, parent: inventory_item })
  })
