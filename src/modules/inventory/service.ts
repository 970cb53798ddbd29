import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm"
import type { Ordering } from "../../core/query/params"
import { MedusaError } from "../../core/errors"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters } from "../../core/query/page"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import type { StockMove } from "../../core/stock-move"
import { inventoryItem, inventoryLevel, productVariantInventoryItem, reservationItem } from "./schema"

export class InventoryService {
  constructor(private readonly db: Db) {}

  /**
   * Units of each variant that can be sold from the locations: for every inventory item it
   * needs, (stocked − reserved) summed over the locations, divided by the quantity it needs;
   * the scarcest item decides. A variant without inventory items has 0.
   */
  /** Sellable units per variant at those locations, or at every location (`"all"`: the admin's total). */
  async availability(variantIds: string[], locationIds: string[] | "all"): Promise<Map<string, number>> {
    const result = new Map<string, number>(variantIds.map((id) => [id, 0]))
    if (variantIds.length === 0 || locationIds.length === 0) return result
    const atLocations = locationIds === "all" ? undefined : inArray(inventoryLevel.location_id, locationIds)
    const available = this.db
      .select({
        inventory_item_id: inventoryLevel.inventory_item_id,
        quantity: sql<number>`sum(${inventoryLevel.stocked_quantity} - ${inventoryLevel.reserved_quantity})`.as(
          "quantity",
        ),
      })
      .from(inventoryLevel)
      .where(and(atLocations, isNull(inventoryLevel.deleted_at)))
      .groupBy(inventoryLevel.inventory_item_id)
      .as("available")
    const rows = await this.db
      .select({
        variant_id: productVariantInventoryItem.variant_id,
        quantity: sql<string>`min(floor(greatest(coalesce(${available.quantity}, 0), 0) / ${productVariantInventoryItem.required_quantity}))`,
      })
      .from(productVariantInventoryItem)
      .innerJoin(
        inventoryItem,
        and(eq(inventoryItem.id, productVariantInventoryItem.inventory_item_id), isNull(inventoryItem.deleted_at)),
      )
      .leftJoin(available, eq(available.inventory_item_id, productVariantInventoryItem.inventory_item_id))
      .where(inArray(productVariantInventoryItem.variant_id, variantIds))
      .groupBy(productVariantInventoryItem.variant_id)
    for (const row of rows) result.set(row.variant_id, Number(row.quantity))
    return result
  }

  /** An inventory item for a variant (Medusa creates one per managed variant). */
  async createItemForVariant(variantId: string, input: { sku?: string | null; title?: string | null }) {
    const [item] = await this.createItemsForVariants([{ variantId, ...input }])
    return item!
  }

  /** An inventory item for each of many variants, in two statements whatever their number. */
  async createItemsForVariants(variants: { variantId: string; sku?: string | null; title?: string | null }[]) {
    if (variants.length === 0) return []
    const rows = variants.map((variant) => ({
      id: generateId("iitem"),
      sku: variant.sku ?? null,
      title: variant.title ?? null,
    }))
    return this.db.transaction(async (tx) => {
      const items = await tx.insert(inventoryItem).values(rows).returning()
      await tx
        .insert(productVariantInventoryItem)
        .values(variants.map((variant, i) => ({ variant_id: variant.variantId, inventory_item_id: rows[i]!.id })))
      return items
    })
  }

  /** Existing inventory items a new variant consumes, each so many per unit; an unknown item is a 404. */
  async linkItemsToVariant(variantId: string, items: { inventory_item_id: string; required_quantity: number }[]) {
    const ids = [...new Set(items.map((item) => item.inventory_item_id))]
    const found = await this.itemsById(ids)
    const missing = ids.find((id) => !found.some((item) => item.id === id))
    if (missing) throw new MedusaError("not_found", `Inventory item with id: ${missing} was not found`)
    await this.db.insert(productVariantInventoryItem).values(
      items.map((item) => ({
        variant_id: variantId,
        inventory_item_id: item.inventory_item_id,
        required_quantity: item.required_quantity,
      })),
    )
  }

  /** Which variants consume each of these items (an item's side of the link). */
  async variantLinksOfItems(itemIds: string[]) {
    if (itemIds.length === 0) return []
    return this.db
      .select({
        inventory_item_id: productVariantInventoryItem.inventory_item_id,
        variant_id: productVariantInventoryItem.variant_id,
      })
      .from(productVariantInventoryItem)
      .where(inArray(productVariantInventoryItem.inventory_item_id, itemIds))
  }

  /** The inventory items each variant consumes. */
  async itemsForVariants(variantIds: string[]) {
    if (variantIds.length === 0) return []
    return this.db
      .select({
        variant_id: productVariantInventoryItem.variant_id,
        inventory_item_id: productVariantInventoryItem.inventory_item_id,
        required_quantity: productVariantInventoryItem.required_quantity,
      })
      .from(productVariantInventoryItem)
      .where(inArray(productVariantInventoryItem.variant_id, variantIds))
      .orderBy(asc(productVariantInventoryItem.inventory_item_id))
  }

  /**
   * Reserves stock for order lines at one of the locations, with a conditional update that can
   * never take (stocked − reserved) below zero, so concurrent checkouts cannot oversell. A line
   * that allows backorders reserves regardless. Items are locked in id order, so two checkouts
   * never wait on each other in a cycle. Throws `insufficient_inventory` when stock is short.
   */
  async reserve(
    lines: { line_item_id: string; variant_id: string; quantity: number; allow_backorder: boolean }[],
    locationIds: string[],
  ): Promise<void> {
    const links = await this.itemsForVariants(lines.map((line) => line.variant_id))
    const requests = links
      .flatMap((link) =>
        lines
          .filter((line) => line.variant_id === link.variant_id)
          .map((line) => ({
            ...line,
            inventory_item_id: link.inventory_item_id,
            needed: line.quantity * link.required_quantity,
          })),
      )
      .sort((a, b) =>
        a.inventory_item_id < b.inventory_item_id ? -1 : a.inventory_item_id > b.inventory_item_id ? 1 : 0,
      )
    for (const request of requests) {
      const enough = request.allow_backorder
        ? sql`true`
        : sql`${inventoryLevel.stocked_quantity} - ${inventoryLevel.reserved_quantity} >= ${request.needed}`
      const candidate = this.db
        .select({ id: inventoryLevel.id })
        .from(inventoryLevel)
        .where(
          and(
            eq(inventoryLevel.inventory_item_id, request.inventory_item_id),
            locationIds.length ? inArray(inventoryLevel.location_id, locationIds) : sql`false`,
            isNull(inventoryLevel.deleted_at),
            enough,
          ),
        )
        .orderBy(sql`${inventoryLevel.stocked_quantity} - ${inventoryLevel.reserved_quantity} desc`)
        .limit(1)
      const [level] = await this.db
        .update(inventoryLevel)
        .set({
          reserved_quantity: sql`${inventoryLevel.reserved_quantity} + ${request.needed}`,
          updated_at: new Date(),
        })
        .where(and(eq(inventoryLevel.id, sql`(${candidate})`), enough))
        .returning({ location_id: inventoryLevel.location_id })
      if (!level) {
        throw new MedusaError(
          "not_allowed",
          `Some variant does not have the required inventory: ${request.variant_id}`,
          "insufficient_inventory",
        )
      }
      await this.db.insert(reservationItem).values({
        id: generateId("resitem"),
        line_item_id: request.line_item_id,
        inventory_item_id: request.inventory_item_id,
        location_id: level.location_id,
        quantity: request.needed,
        allow_backorder: request.allow_backorder,
      })
    }
  }

  async reservations(lineItemIds: string[]) {
    if (lineItemIds.length === 0) return []
    return this.db.select().from(reservationItem).where(inArray(reservationItem.line_item_id, lineItemIds))
  }

  /** Live items by id, for batch loaders. */
  async itemsById(ids: string[]) {
    if (ids.length === 0) return []
    return this.db
      .select()
      .from(inventoryItem)
      .where(and(inArray(inventoryItem.id, ids), isNull(inventoryItem.deleted_at)))
  }

  async levels(inventoryItemIds: string[]) {
    if (inventoryItemIds.length === 0) return []
    // In the order they were added: an update rewrites a row, which would otherwise move it in a heap scan.
    return this.db
      .select()
      .from(inventoryLevel)
      .where(inArray(inventoryLevel.inventory_item_id, inventoryItemIds))
      .orderBy(asc(inventoryLevel.created_at), asc(inventoryLevel.id))
  }

  async list(
    filters: { id?: string[]; sku?: string[]; q?: string } & DateFilters,
    ordering: Ordering,
    page: { limit: number; offset: number },
  ) {
    const conditions = [isNull(inventoryItem.deleted_at)]
    if (filters.id) conditions.push(inArray(inventoryItem.id, filters.id))
    if (filters.sku) conditions.push(inArray(inventoryItem.sku, filters.sku))
    if (filters.q) conditions.push(searchAny([inventoryItem.sku, inventoryItem.title], filters.q)!)
    return listPage(
      this.db,
      inventoryItem,
      and(...conditions),
      orderBy(inventoryItem, ordering, inventoryItem.id),
      page,
      filters,
    )
  }

  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(inventoryItem)
      .where(and(eq(inventoryItem.id, id), isNull(inventoryItem.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Inventory item with id: ${id} was not found`)
    return found
  }

  /**
   * Fulfilled units leave the warehouse: for each inventory item the line holds, its
   * reservation shrinks by them, and so do the level's reserved and stocked quantities.
   * Answers what was taken where; lines without a reservation (unmanaged stock) take nothing.
   */
  async consumeReservation(lineItemId: string, quantity: number): Promise<StockMove[]> {
    const moves: StockMove[] = []
    const left = new Map<string, number>()
    for (const reservation of await this.reservations([lineItemId])) {
      const wanted = left.get(reservation.inventory_item_id) ?? quantity
      const used = Math.min(wanted, reservation.quantity)
      if (used <= 0) continue
      left.set(reservation.inventory_item_id, wanted - used)
      await this.db
        .update(inventoryLevel)
        .set({
          reserved_quantity: sql`greatest(${inventoryLevel.reserved_quantity} - ${used}, 0)`,
          stocked_quantity: sql`greatest(${inventoryLevel.stocked_quantity} - ${used}, 0)`,
          updated_at: new Date(),
        })
        .where(
          and(
            eq(inventoryLevel.inventory_item_id, reservation.inventory_item_id),
            eq(inventoryLevel.location_id, reservation.location_id),
            isNull(inventoryLevel.deleted_at),
          ),
        )
      if (used === reservation.quantity)
        await this.db.delete(reservationItem).where(eq(reservationItem.id, reservation.id))
      else
        await this.db
          .update(reservationItem)
          .set({ quantity: reservation.quantity - used })
          .where(eq(reservationItem.id, reservation.id))
      moves.push({
        inventory_item_id: reservation.inventory_item_id,
        location_id: reservation.location_id,
        quantity: used,
      })
    }
    return moves
  }

  /**
   * Undoes `consumeReservation` (a fulfillment canceled): the units go back into stock at their
   * location and are reserved for the line again, since the order still needs them.
   */
  async restoreReservation(lineItemId: string, moves: StockMove[]) {
    for (const move of moves) {
      await this.db
        .insert(inventoryLevel)
        .values({
          id: generateId("ilev"),
          inventory_item_id: move.inventory_item_id,
          location_id: move.location_id,
          stocked_quantity: move.quantity,
          reserved_quantity: move.quantity,
        })
        .onConflictDoUpdate({
          target: [inventoryLevel.inventory_item_id, inventoryLevel.location_id],
          targetWhere: sql`deleted_at is null`,
          set: {
            stocked_quantity: sql`${inventoryLevel.stocked_quantity} + ${move.quantity}`,
            reserved_quantity: sql`${inventoryLevel.reserved_quantity} + ${move.quantity}`,
            updated_at: sql`now()`,
          },
        })
      const [held] = await this.db
        .update(reservationItem)
        .set({ quantity: sql`${reservationItem.quantity} + ${move.quantity}`, updated_at: new Date() })
        .where(
          and(
            eq(reservationItem.line_item_id, lineItemId),
            eq(reservationItem.inventory_item_id, move.inventory_item_id),
            eq(reservationItem.location_id, move.location_id),
            isNull(reservationItem.deleted_at),
          ),
        )
        .returning({ id: reservationItem.id })
      if (!held) {
        await this.db.insert(reservationItem).values({
          id: generateId("resitem"),
          line_item_id: lineItemId,
          inventory_item_id: move.inventory_item_id,
          location_id: move.location_id,
          quantity: move.quantity,
        })
      }
    }
  }

  /** Units back on the shelf (a return received): stocked goes up at each location, creating its level if needed. */
  async restock(moves: StockMove[]) {
    for (const move of moves) {
      if (move.quantity <= 0) continue
      await this.db
        .insert(inventoryLevel)
        .values({
          id: generateId("ilev"),
          inventory_item_id: move.inventory_item_id,
          location_id: move.location_id,
          stocked_quantity: move.quantity,
        })
        .onConflictDoUpdate({
          target: [inventoryLevel.inventory_item_id, inventoryLevel.location_id],
          targetWhere: sql`deleted_at is null`,
          set: { stocked_quantity: sql`${inventoryLevel.stocked_quantity} + ${move.quantity}`, updated_at: sql`now()` },
        })
    }
  }

  /**
   * Gives back the stock held for order lines (an order canceled): reserved goes down by what
   * each reservation held, and the reservations are removed.
   */
  async releaseReservations(lineItemIds: string[]) {
    const held = await this.reservations(lineItemIds)
    for (const reservation of held) {
      await this.db
        .update(inventoryLevel)
        .set({
          reserved_quantity: sql`greatest(${inventoryLevel.reserved_quantity} - ${reservation.quantity}, 0)`,
          updated_at: new Date(),
        })
        .where(
          and(
            eq(inventoryLevel.inventory_item_id, reservation.inventory_item_id),
            eq(inventoryLevel.location_id, reservation.location_id),
          ),
        )
    }
    if (held.length)
      await this.db.delete(reservationItem).where(
        inArray(
          reservationItem.id,
          held.map((r) => r.id),
        ),
      )
    return held.length
  }
}
