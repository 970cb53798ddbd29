import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { salesChannel } from "./schema"

export type SalesChannel = typeof salesChannel.$inferSelect
export type SalesChannelInput = {
  name: string
  description?: string | null
  is_disabled?: boolean
  metadata?: Record<string, unknown> | null
}

export class SalesChannelService {
  constructor(private readonly db: Db) {}

  async create(input: SalesChannelInput) {
    const [created] = await this.db
      .insert(salesChannel)
      .values({ id: generateId("sc"), ...input })
      .returning()
    return created!
  }

  async retrieve(id: string): Promise<SalesChannel> {
    const [found] = await this.db
      .select()
      .from(salesChannel)
      .where(and(eq(salesChannel.id, id), isNull(salesChannel.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Sales channel with id: ${id} was not found`)
    return found
  }

  /** Live channels by id, for batch loaders. */
  async byIds(ids: string[]): Promise<SalesChannel[]> {
    if (ids.length === 0) return []
    return this.db
      .select()
      .from(salesChannel)
      .where(and(inArray(salesChannel.id, ids), isNull(salesChannel.deleted_at)))
  }

  async list(
    filters: { id?: string[]; name?: string[]; q?: string; is_disabled?: boolean } & DateFilters,
    ordering: Ordering,
    page: Page,
  ) {
    const conditions: (SQL | undefined)[] = [isNull(salesChannel.deleted_at)]
    if (filters.id) conditions.push(inArray(salesChannel.id, filters.id))
    if (filters.name) conditions.push(inArray(salesChannel.name, filters.name))
    if (filters.is_disabled !== undefined) conditions.push(eq(salesChannel.is_disabled, filters.is_disabled))
    if (filters.q) conditions.push(searchAny([salesChannel.name, salesChannel.description], filters.q))
    return listPage(
      this.db,
      salesChannel,
      and(...conditions),
      orderBy(salesChannel, ordering, salesChannel.id),
      page,
      filters,
    )
  }

  async update(id: string, input: Partial<SalesChannelInput>) {
    await this.retrieve(id)
    const [updated] = await this.db
      .update(salesChannel)
      .set({ ...input, updated_at: sql`now()` })
      .where(eq(salesChannel.id, id))
      .returning()
    return updated!
  }

  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(salesChannel).set({ deleted_at: sql`now()` }).where(eq(salesChannel.id, id))
  }
}
