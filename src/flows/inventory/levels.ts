import type { z } from "zod"
import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { InventoryEvents } from "../../modules/inventory/events"
import type { InventoryLevel, LevelQuantities } from "../../modules/inventory/item-service"
import type { itemLevelsBatchBody, levelsBatchBody } from "../../modules/inventory/validators"

// An item's stock per location (Medusa's inventory levels). Stocked never goes below reserved.

const items = (scope: Scope) => scope.resolve("inventoryItemService")
export type LevelInput = LevelQuantities & { inventory_item_id: string; location_id: string }

/** Step: creates or sets levels, each location checked to exist. */
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
  for (const id of new Set(itemIds)) await emitEvent(tx, InventoryEvents.ITEM_UPDATED, { id })
}

/** A stock change of one item: checked, written and announced in one transaction. */
function changeItemStock<T>(scope: Scope, itemId: string, work: (tx: Scope) => Promise<T>): Promise<T> {
  return transaction(scope, async (tx) => {
    await tx.resolve("inventoryService").retrieve(itemId)
    const result = await work(tx)
    await emitItemsUpdated(tx, [itemId])
    return result
  })
}

/** POST /admin/inventory-items/:id/location-levels: the item's stock at a new location (or set there). */
export const createInventoryLevel = (scope: Scope, itemId: string, input: LevelQuantities & { location_id: string }) =>
  changeItemStock(scope, itemId, (tx) => setLevels(tx, [{ ...input, inventory_item_id: itemId }]))

export const updateInventoryLevel = (scope: Scope, itemId: string, locationId: string, quantities: LevelQuantities) =>
  changeItemStock(scope, itemId, (tx) => items(tx).updateLevel(itemId, locationId, quantities))

/** Takes a location from an item, refused while stock is reserved there; the removed level's id. */
export const deleteInventoryLevel = (scope: Scope, itemId: string, locationId: string) =>
  changeItemStock(scope, itemId, async (tx) => {
    const [level] = await items(tx).levelsAt(itemId, [locationId])
    if (!level)
      throw new MedusaError("not_found", `Inventory level for item ${itemId} and location ${locationId} not found`)
    if (level.reserved_quantity > 0) {
      throw new MedusaError(
        "not_allowed",
        `Cannot remove Inventory Level ${itemId} at Location ${locationId} because there are reservations at location`,
      )
    }
    // Stock on hand does not keep the level: removing a location from an item is the merchant's call.
    await items(tx).deleteLevels([level], { force: true })
    return level.id
  })

/** POST /admin/inventory-items/:id/location-levels/batch: one item's levels, `delete` by location id. */
export const batchInventoryItemLevels = (scope: Scope, itemId: string, body: z.output<typeof itemLevelsBatchBody>) =>
  changeItemStock(scope, itemId, async (tx) => {
    await items(tx).deleteLevels(await items(tx).levelsAt(itemId, body.delete), { force: body.force })
    await setLevels(
      tx,
      body.create.map((level) => ({ ...level, inventory_item_id: itemId })),
    )
    await updateLevels(
      tx,
      body.update.map(({ id: _levelId, ...level }) => ({ ...level, inventory_item_id: itemId })),
    )
  })

/** POST /admin/inventory-items/location-levels/batch: levels of any items, `delete` by level id. */
export const batchInventoryLevels = (scope: Scope, body: z.output<typeof levelsBatchBody>) =>
  transaction(scope, async (tx) => {
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
