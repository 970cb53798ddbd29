import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { type DateFilters, listPage, orderBy, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { orderClaim, orderClaimItem, orderExchange, orderReturn, returnItem } from "./change-schema"

export type Return = typeof orderReturn.$inferSelect
export type ReturnItem = typeof returnItem.$inferSelect
export type Exchange = typeof orderExchange.$inferSelect
export type Claim = typeof orderClaim.$inferSelect
export type ClaimItem = typeof orderClaimItem.$inferSelect

type NewReturn = Pick<
  typeof orderReturn.$inferInsert,
  | "order_id"
  | "order_version"
  | "location_id"
  | "no_notification"
  | "created_by"
  | "metadata"
  | "exchange_id"
  | "claim_id"
>

/** Returns, exchanges and claims of orders: what comes back, what goes out, and their state. */
export class ReturnService {
  constructor(private readonly db: Db) {}

  async create(input: NewReturn): Promise<Return> {
    const [created] = await this.db
      .insert(orderReturn)
      .values({ ...input, id: generateId("return") })
      .returning()
    return created!
  }

  /** The return, locked when asked (a receive or cancel decides on its state). */
  async retrieve(id: string, options: { lock?: boolean } = {}): Promise<Return> {
    const query = this.db
      .select()
      .from(orderReturn)
      .where(and(eq(orderReturn.id, id), isNull(orderReturn.deleted_at)))
    const [found] = options.lock ? await query.for("update") : await query
    if (!found) throw new MedusaError("not_found", `Return with id: ${id} was not found`)
    return found
  }

  async list(
    filters: { id?: string[]; order_id?: string[]; status?: string[] } & DateFilters,
    ordering: Ordering,
    page: Page,
  ) {
    const where = and(
      isNull(orderReturn.deleted_at),
      filters.id ? inArray(orderReturn.id, filters.id) : undefined,
      filters.order_id ? inArray(orderReturn.order_id, filters.order_id) : undefined,
      filters.status ? inArray(orderReturn.status, filters.status as Return["status"][]) : undefined,
    )
    return listPage(this.db, orderReturn, where, orderBy(orderReturn, ordering, orderReturn.id), page, filters)
  }

  async update(id: string, patch: Partial<Omit<typeof orderReturn.$inferInsert, "id" | "order_id">>) {
    const [updated] = await this.db
      .update(orderReturn)
      .set({ ...patch, updated_at: new Date() })
      .where(eq(orderReturn.id, id))
      .returning()
    return updated!
  }

  async items(returnIds: string[]): Promise<ReturnItem[]> {
    if (returnIds.length === 0) return []
    return this.db.select().from(returnItem).where(inArray(returnItem.return_id, returnIds)).orderBy(asc(returnItem.id))
  }

  /** The requested units of a return, one row per order line. */
  async addItems(
    returnId: string,
    items: { item_id: string; quantity: number; reason_id?: string | null; note?: string | null }[],
  ) {
    if (items.length === 0) return
    await this.db
      .insert(returnItem)
      .values(items.map((item) => ({ ...item, id: generateId("retitem"), return_id: returnId })))
  }

  /** Units received (and of those, damaged) added to the return's lines. */
  async receiveItems(returnId: string, received: Map<string, { quantity: number; damaged: number }>) {
    for (const [itemId, { quantity, damaged }] of received) {
      await this.db
        .update(returnItem)
        .set({
          received_quantity: sql`${returnItem.received_quantity} + ${quantity}`,
          damaged_quantity: sql`${returnItem.damaged_quantity} + ${damaged}`,
          updated_at: new Date(),
        })
        .where(and(eq(returnItem.return_id, returnId), eq(returnItem.item_id, itemId)))
    }
  }

  async createExchange(
    input: Pick<
      typeof orderExchange.$inferInsert,
      "order_id" | "order_version" | "created_by" | "metadata" | "allow_backorder"
    >,
  ) {
    const [created] = await this.db
      .insert(orderExchange)
      .values({ ...input, id: generateId("exchange") })
      .returning()
    return created!
  }

  async retrieveExchange(id: string): Promise<Exchange> {
    const [found] = await this.db
      .select()
      .from(orderExchange)
      .where(and(eq(orderExchange.id, id), isNull(orderExchange.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Exchange with id: ${id} was not found`)
    return found
  }

  async updateExchange(id: string, patch: Partial<Omit<typeof orderExchange.$inferInsert, "id" | "order_id">>) {
    const [updated] = await this.db
      .update(orderExchange)
      .set({ ...patch, updated_at: new Date() })
      .where(eq(orderExchange.id, id))
      .returning()
    return updated!
  }

  async listExchanges(filters: { id?: string[]; order_id?: string[] } & DateFilters, ordering: Ordering, page: Page) {
    const where = and(
      isNull(orderExchange.deleted_at),
      filters.id ? inArray(orderExchange.id, filters.id) : undefined,
      filters.order_id ? inArray(orderExchange.order_id, filters.order_id) : undefined,
    )
    return listPage(this.db, orderExchange, where, orderBy(orderExchange, ordering, orderExchange.id), page, filters)
  }

  async createClaim(
    input: Pick<typeof orderClaim.$inferInsert, "order_id" | "order_version" | "created_by" | "metadata" | "type">,
  ) {
    const [created] = await this.db
      .insert(orderClaim)
      .values({ ...input, id: generateId("claim") })
      .returning()
    return created!
  }

  async retrieveClaim(id: string): Promise<Claim> {
    const [found] = await this.db
      .select()
      .from(orderClaim)
      .where(and(eq(orderClaim.id, id), isNull(orderClaim.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Claim with id: ${id} was not found`)
    return found
  }

  async updateClaim(id: string, patch: Partial<Omit<typeof orderClaim.$inferInsert, "id" | "order_id">>) {
    const [updated] = await this.db
      .update(orderClaim)
      .set({ ...patch, updated_at: new Date() })
      .where(eq(orderClaim.id, id))
      .returning()
    return updated!
  }

  async listClaims(filters: { id?: string[]; order_id?: string[] } & DateFilters, ordering: Ordering, page: Page) {
    const where = and(
      isNull(orderClaim.deleted_at),
      filters.id ? inArray(orderClaim.id, filters.id) : undefined,
      filters.order_id ? inArray(orderClaim.order_id, filters.order_id) : undefined,
    )
    return listPage(this.db, orderClaim, where, orderBy(orderClaim, ordering, orderClaim.id), page, filters)
  }

  async claimItems(claimIds: string[]): Promise<ClaimItem[]> {
    if (claimIds.length === 0) return []
    return this.db
      .select()
      .from(orderClaimItem)
      .where(inArray(orderClaimItem.claim_id, claimIds))
      .orderBy(asc(orderClaimItem.id))
  }

  async addClaimItems(
    claimId: string,
    items: Pick<ClaimItem, "item_id" | "quantity" | "reason" | "note" | "is_additional_item">[],
  ) {
    if (items.length === 0) return
    await this.db
      .insert(orderClaimItem)
      .values(items.map((item) => ({ ...item, id: generateId("claitem"), claim_id: claimId })))
  }
}
