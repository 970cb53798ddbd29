import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import type { Ordering } from "../../core/query/params"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { listPage, type Page, orderBy, type DateFilters } from "../../core/query/page"
import type { Db } from "../../infra/db"
import { inventoryLevel, reservationItem } from "./schema"

export type Reservation = typeof reservationItem.$inferSelect

export interface NewReservation {
  inventory_item_id: string
  location_id: string
  quantity: number
  line_item_id?: string | null
  description?: string | null
  metadata?: Record<string, unknown> | null
}

export type ReservationChange = Partial<Pick<NewReservation, "location_id" | "quantity" | "description" | "metadata">>

/**
 * Reservations a merchant makes, moves and removes by hand. Each keeps its level's
 * reserved_quantity in step, and never takes it above the stocked quantity unless the
 * reservation allows backorders (Medusa's inventory module rules and messages).
 */
export class ReservationService {
  constructor(private readonly db: Db) {}

  async retrieve(id: string, options: { lock?: boolean } = {}): Promise<Reservation> {
    const query = this.db
      .select()
      .from(reservationItem)
      .where(and(eq(reservationItem.id, id), isNull(reservationItem.deleted_at)))
    const [found] = options.lock ? await query.for("update") : await query
    if (!found) throw new MedusaError("not_found", `Reservation with id: ${id} was not found`)
    return found
  }

  async list(
    filters: { line_item_id?: string[]; inventory_item_id?: string[]; location_id?: string[] } & DateFilters,
    ordering: Ordering,
    page: Page,
  ) {
    const conditions: SQL[] = [isNull(reservationItem.deleted_at)]
    if (filters.line_item_id) conditions.push(inArray(reservationItem.line_item_id, filters.line_item_id))
    if (filters.inventory_item_id)
      conditions.push(inArray(reservationItem.inventory_item_id, filters.inventory_item_id))
    if (filters.location_id) conditions.push(inArray(reservationItem.location_id, filters.location_id))
    return listPage(
      this.db,
      reservationItem,
      and(...conditions),
      orderBy(reservationItem, ordering, reservationItem.id),
      page,
      filters,
    )
  }

  async create(input: NewReservation): Promise<Reservation> {
    await this.hold(input.inventory_item_id, input.location_id, input.quantity, false)
    const [created] = await this.db
      .insert(reservationItem)
      .values({ id: generateId("resitem"), ...input })
      .returning()
    return created!
  }

  /** A new quantity or location: the old hold is given back and the new one taken, checked against stock. */
  async update(id: string, change: ReservationChange): Promise<Reservation> {
    const current = await this.retrieve(id, { lock: true })
    const location = change.location_id ?? current.location_id
    const quantity = change.quantity ?? current.quantity
    if (location !== current.location_id) {
      await this.release(current.inventory_item_id, current.location_id, current.quantity)
      await this.hold(current.inventory_item_id, location, quantity, current.allow_backorder)
    } else if (quantity > current.quantity) {
      await this.hold(current.inventory_item_id, location, quantity - current.quantity, current.allow_backorder)
    } else if (quantity < current.quantity) {
      await this.release(current.inventory_item_id, location, current.quantity - quantity)
    }
    const [updated] = await this.db
      .update(reservationItem)
      .set({ ...change, updated_at: new Date() })
      .where(eq(reservationItem.id, id))
      .returning()
    return updated!
  }

  /** Removes the reservation and gives its units back to the level. */
  async delete(id: string): Promise<Reservation> {
    const current = await this.retrieve(id, { lock: true })
    await this.db.delete(reservationItem).where(eq(reservationItem.id, id))
    await this.release(current.inventory_item_id, current.location_id, current.quantity)
    return current
  }

  /**
   * Adds to the level's reserved quantity. The availability check sits in the UPDATE itself, so
   * a checkout reserving at the same moment cannot slip past it.
   */
  private async hold(itemId: string, locationId: string, quantity: number, allowBackorder: boolean) {
    const level = and(
      eq(inventoryLevel.inventory_item_id, itemId),
      eq(inventoryLevel.location_id, locationId),
      isNull(inventoryLevel.deleted_at),
    )
    const enough = allowBackorder
      ? undefined
      : sql`${inventoryLevel.stocked_quantity} - ${inventoryLevel.reserved_quantity} >= ${quantity}`
    const [held] = await this.db
      .update(inventoryLevel)
      .set({ reserved_quantity: sql`${inventoryLevel.reserved_quantity} + ${quantity}`, updated_at: new Date() })
      .where(and(level, enough))
      .returning({ id: inventoryLevel.id })
    if (held) return
    const [exists] = await this.db.select({ id: inventoryLevel.id }).from(inventoryLevel).where(level)
    if (!exists) throw new MedusaError("not_found", `Item ${itemId} is not stocked at location ${locationId}`)
    throw new MedusaError("not_allowed", `Not enough stock available for item ${itemId} at location ${locationId}`)
  }

  private async release(itemId: string, locationId: string, quantity: number) {
    await this.db
      .update(inventoryLevel)
      .set({
        reserved_quantity: sql`greatest(${inventoryLevel.reserved_quantity} - ${quantity}, 0)`,
        updated_at: new Date(),
      })
      .where(
        and(
          eq(inventoryLevel.inventory_item_id, itemId),
          eq(inventoryLevel.location_id, locationId),
          isNull(inventoryLevel.deleted_at),
        ),
      )
  }
}
