import { and, eq, inArray, isNull, sql } from "drizzle-orm"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { inventoryItem, inventoryLevel, productVariantInventoryItem, reservationItem } from "./schema"

export type InventoryItemInput = Partial<
  Omit<typeof inventoryItem.$inferInsert, "id" | "created_at" | "updated_at" | "deleted_at">
>
export type InventoryLevel = typeof inventoryLevel.$inferSelect
export interface LevelQuantities {
  stocked_quantity?: number
  incoming_quantity?: number
}

/**
 * What a merchant does to inventory through the Admin API: items made, edited and removed,
 * stock set per location. Stocked quantity never goes below what is reserved.
 */
export class InventoryItemService {
  constructor(private readonly db: Db) {}

  async create(input: InventoryItemInput) {
    const [created] = await this.db
      .insert(inventoryItem)
      .values({ ...input, id: generateId("iitem") })
      .returning()
    return created!
  }

  async update(id: string, input: InventoryItemInput) {
    const [updated] = await this.db
      .update(inventoryItem)
      .set({ ...input, updated_at: new Date() })
      .where(and(eq(inventoryItem.id, id), isNull(inventoryItem.deleted_at)))
      .returning()
    if (!updated) throw new MedusaError("not_found", `Inventory item with id: ${id} was not found`)
    return updated
  }

  /** Soft-deletes the item and its levels and unlinks its variants; refused while stock is reserved for it. */
  async delete(id: string) {
    const [held] = await this.db
      .select({ id: reservationItem.id })
      .from(reservationItem)
      .where(and(eq(reservationItem.inventory_item_id, id), isNull(reservationItem.deleted_at)))
      .limit(1)
    if (held)
      throw new MedusaError(
        "not_allowed",
        `Cannot remove following inventory item(s) since they have reservations: [${id}].`,
      )
    const [deleted] = await this.db
      .update(inventoryItem)
      .set({ deleted_at: new Date() })
      .where(and(eq(inventoryItem.id, id), isNull(inventoryItem.deleted_at)))
      .returning({ id: inventoryItem.id })
    if (!deleted) throw new MedusaError("not_found", `Inventory item with id: ${id} was not found`)
    await this.db
      .update(inventoryLevel)
      .set({ deleted_at: new Date() })
      .where(and(eq(inventoryLevel.inventory_item_id, id), isNull(inventoryLevel.deleted_at)))
    await this.db.delete(productVariantInventoryItem).where(eq(productVariantInventoryItem.inventory_item_id, id))
  }

  /** Creates the item's level at a location, or sets it if there is one. */
  async setLevel(itemId: string, locationId: string, quantities: LevelQuantities) {
    const [existing] = await this.levelsAt(itemId, [locationId])
    if (existing) return this.updateLevel(itemId, locationId, quantities)
    const [created] = await this.db
      .insert(inventoryLevel)
      .values({ id: generateId("ilev"), inventory_item_id: itemId, location_id: locationId, ...quantities })
      .returning()
    return created!
  }

  /**
   * Sets an existing level's quantities. The stocked quantity is only written where it stays at
   * or above the reserved one, checked in the UPDATE itself, so a checkout reserving at the same
   * moment cannot slip under it.
   */
  async updateLevel(itemId: string, locationId: string, quantities: LevelQuantities) {
    const where = and(
      eq(inventoryLevel.inventory_item_id, itemId),
      eq(inventoryLevel.location_id, locationId),
      isNull(inventoryLevel.deleted_at),
    )
    const stocked = quantities.stocked_quantity
    const [updated] = await this.db
      .update(inventoryLevel)
      .set({ ...quantities, updated_at: new Date() })
      .where(stocked === undefined ? where : and(where, sql`${inventoryLevel.reserved_quantity} <= ${stocked}`))
      .returning()
    if (updated) return updated
    const [level] = await this.levelsAt(itemId, [locationId])
    if (!level)
      throw new MedusaError("not_found", `Inventory level for item ${itemId} and location ${locationId} not found`)
    throw new MedusaError(
      "invalid_data",
      `stocked_quantity: ${stocked} is below the ${level.reserved_quantity} units reserved for item ${itemId} at location ${locationId}`,
    )
  }

  /**
   * Soft-deletes levels. Reserved or incoming units always keep a level; stocked units keep it
   * unless `force` (Medusa's rules and messages).
   */
  async deleteLevels(levels: InventoryLevel[], options: { force?: boolean } = {}) {
    const reserved = levels.filter((level) => level.reserved_quantity > 0 || level.incoming_quantity > 0)
    if (reserved.length) {
      throw new MedusaError(
        "not_allowed",
        `Cannot remove Inventory Levels for ${unique(reserved).join(", ")} because there are reserved or incoming items at the locations`,
      )
    }
    const stocked = levels.filter((level) => !options.force && level.stocked_quantity > 0)
    if (stocked.length) {
      throw new MedusaError(
        "not_allowed",
        `Cannot remove Inventory Levels for ${unique(stocked).join(", ")} because there are stocked items at the locations. Use force flag to delete anyway.`,
      )
    }
    if (levels.length)
      await this.db
        .update(inventoryLevel)
        .set({ deleted_at: new Date() })
        .where(
          inArray(
            inventoryLevel.id,
            levels.map((level) => level.id),
          ),
        )
  }

  /** Live levels of an item at the locations, their rows locked until the transaction ends. */
  async levelsAt(itemId: string, locationIds: string[]) {
    if (locationIds.length === 0) return []
    return this.db
      .select()
      .from(inventoryLevel)
      .where(
        and(
          eq(inventoryLevel.inventory_item_id, itemId),
          inArray(inventoryLevel.location_id, locationIds),
          isNull(inventoryLevel.deleted_at),
        ),
      )
      .for("update")
  }

  /** A page of an item's live levels, with what is still available at each. */
  async listLevels(itemId: string, filters: { location_id?: string[] } & DateFilters, ordering: Ordering, page: Page) {
    const where = and(
      eq(inventoryLevel.inventory_item_id, itemId),
      isNull(inventoryLevel.deleted_at),
      filters.location_id ? inArray(inventoryLevel.location_id, filters.location_id) : undefined,
    )
    const { rows, count } = await listPage(
      this.db,
      inventoryLevel,
      where,
      orderBy(inventoryLevel, ordering, inventoryLevel.id),
      page,
      filters,
    )
    return {
      rows: rows.map((level) => ({ ...level, available_quantity: level.stocked_quantity - level.reserved_quantity })),
      count,
    }
  }

  /** Live levels by id, locked. */
  async levelsById(ids: string[]) {
    if (ids.length === 0) return []
    return this.db
      .select()
      .from(inventoryLevel)
      .where(and(inArray(inventoryLevel.id, ids), isNull(inventoryLevel.deleted_at)))
      .for("update")
  }
}

const unique = (levels: InventoryLevel[]) => [...new Set(levels.map((level) => level.location_id))]
