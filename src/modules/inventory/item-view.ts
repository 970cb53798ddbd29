import type { Scope } from "../../core/container"
import type { InventoryService } from "./service"

type Item = Awaited<ReturnType<InventoryService["retrieve"]>>

/** Items with their stock per location, as Medusa's Admin API shows them. */
export async function itemsJson(scope: Scope, items: Item[]) {
  const levels = await scope.resolve("inventoryService").levels(items.map((item) => item.id))
  return items.map((item) => {
    const own = levels.filter((level) => level.inventory_item_id === item.id && !level.deleted_at)
    const sum = (key: "stocked_quantity" | "reserved_quantity") => own.reduce((total, level) => total + level[key], 0)
    return {
      ...item,
      stocked_quantity: sum("stocked_quantity"),
      reserved_quantity: sum("reserved_quantity"),
      location_levels: own.map((level) => ({
        ...level,
        available_quantity: level.stocked_quantity - level.reserved_quantity,
      })),
    }
  })
}

export async function itemJson(scope: Scope, id: string) {
  const [json] = await itemsJson(scope, [await scope.resolve("inventoryService").retrieve(id)])
  return json!
}
