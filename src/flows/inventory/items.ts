import type { z } from "zod"
import type { Scope } from "../../core/container"
import { InventoryEvents } from "../../modules/inventory/events"
import type { InventoryItemInput } from "../../modules/inventory/item-service"
import type { createInventoryItemBody } from "../../modules/inventory/validators"
import { announced } from "../command"
import { setLevels } from "./levels"

// Medusa's createInventoryItemsWorkflow, updateInventoryItemsWorkflow and deleteInventoryItemWorkflow.

const items = (scope: Scope) => scope.resolve("inventoryItemService")

/** A new item, with its stock at the locations given; its id. */
export const createInventoryItem = (scope: Scope, input: z.output<typeof createInventoryItemBody>) =>
  announced(scope, InventoryEvents.ITEM_CREATED, async (tx) => {
    const { location_levels = [], ...columns } = input
    const item = await items(tx).create(columns)
    await setLevels(
      tx,
      location_levels.map((level) => ({ ...level, inventory_item_id: item.id })),
    )
    return item.id
  })

export const updateInventoryItem = (scope: Scope, id: string, input: InventoryItemInput) =>
  announced(scope, InventoryEvents.ITEM_UPDATED, async (tx) => {
    await items(tx).update(id, input)
    return id
  })

/** Refused while stock is reserved for it. */
export const deleteInventoryItem = (scope: Scope, id: string) =>
  announced(scope, InventoryEvents.ITEM_DELETED, async (tx) => {
    await items(tx).delete(id)
    return id
  })
