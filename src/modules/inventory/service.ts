import { and, eq, inArray, isNull, sql } from "drizzle-orm"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { inventoryItem, inventoryLevel, productVariantInventoryItem } from "./schema"

export class InventoryService {
  constructor(private readonly db: Db) {}

  /**
   * Units of each variant that can be sold from the locations: for every inventory item it
   * needs, (stocked − reserved) summed over the locations, divided by the quantity it needs;
   * the scarcest item decides. A variant without inventory items has 0.
   */
  async availability(variantIds: string[], locationIds: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>(variantIds.map((id) => [id, 0]))
    if (variantIds.length === 0 || locationIds.length === 0) return result
    const available = this.db
      .select({
        inventory_item_id: inventoryLevel.inventory_item_id,
        quantity: sql<number>`sum(${inventoryLevel.stocked_quantity} - ${inventoryLevel.reserved_quantity})`.as("quantity"),
      })
      .from(inventoryLevel)
      .where(and(inArray(inventoryLevel.location_id, locationIds), isNull(inventoryLevel.deleted_at)))
      .groupBy(inventoryLevel.inventory_item_id)
      .as("available")
    const rows = await this.db
      .select({
        variant_id: productVariantInventoryItem.variant_id,
        quantity: sql<string>`min(floor(greatest(coalesce(${available.quantity}, 0), 0) / ${productVariantInventoryItem.required_quantity}))`,
      })
      .from(productVariantInventoryItem)
      .innerJoin(inventoryItem, and(eq(inventoryItem.id, productVariantInventoryItem.inventory_item_id), isNull(inventoryItem.deleted_at)))
      .leftJoin(available, eq(available.inventory_item_id, productVariantInventoryItem.inventory_item_id))
      .where(inArray(productVariantInventoryItem.variant_id, variantIds))
      .groupBy(productVariantInventoryItem.variant_id)
    for (const row of rows) result.set(row.variant_id, Number(row.quantity))
    return result
  }

  /** An inventory item for a variant (Medusa creates one per managed variant). */
  async createItemForVariant(variantId: string, input: { sku?: string | null; title?: string | null }) {
    return this.db.transaction(async (tx) => {
      const [item] = await tx.insert(inventoryItem).values({ id: generateId("iitem"), sku: input.sku ?? null, title: input.title ?? null }).returning()
      await tx.insert(productVariantInventoryItem).values({ variant_id: variantId, inventory_item_id: item!.id })
      return item!
    })
  }

  async setStockedQuantity(inventoryItemId: string, locationId: string, stocked: number) {
    await this.db
      .insert(inventoryLevel)
      .values({ id: generateId("ilev"), inventory_item_id: inventoryItemId, location_id: locationId, stocked_quantity: stocked })
      .onConflictDoUpdate({
        target: [inventoryLevel.inventory_item_id, inventoryLevel.location_id],
        targetWhere: sql`deleted_at is null`,
        set: { stocked_quantity: stocked, updated_at: sql`now()` },
      })
  }
}
