import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { productCollection } from "./schema"

export interface CollectionFilters {
  id?: string[]
  handle?: string[]
  title?: string[]
  q?: string
}

export class ProductCollectionService {
  constructor(private readonly db: Db) {}

  async list(filters: CollectionFilters & DateFilters, ordering: Ordering, page: Page) {
    return listPage(
      this.db,
      productCollection,
      this.where(filters),
      orderBy(productCollection, ordering, productCollection.id),
      page,
      filters,
    )
  }

  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(productCollection)
      .where(and(eq(productCollection.id, id), isNull(productCollection.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Product collection with id: ${id} was not found`)
    return found
  }

  async create(input: { title: string; handle: string }) {
    const [created] = await this.db
      .insert(productCollection)
      .values({ id: generateId("pcol"), ...input })
      .returning()
    return created!
  }

  async update(id: string, input: { title?: string; handle?: string; metadata?: Record<string, unknown> | null }) {
    await this.retrieve(id)
    const [updated] = await this.db
      .update(productCollection)
      .set({ ...input, updated_at: sql`now()` })
      .where(eq(productCollection.id, id))
      .returning()
    return updated!
  }

  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(productCollection).set({ deleted_at: sql`now()` }).where(eq(productCollection.id, id))
  }

  private where(filters: CollectionFilters): SQL | undefined {
    const conditions: (SQL | undefined)[] = [isNull(productCollection.deleted_at)]
    if (filters.id) conditions.push(inArray(productCollection.id, filters.id))
    if (filters.handle) conditions.push(inArray(productCollection.handle, filters.handle))
    if (filters.title) conditions.push(inArray(productCollection.title, filters.title))
    if (filters.q) conditions.push(searchAny([productCollection.title, productCollection.handle], filters.q))
    return and(...conditions)
  }
}
