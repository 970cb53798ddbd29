import { and, asc, eq, ilike, inArray, isNull, sql } from "drizzle-orm"
import type { Ordering } from "../../core/query/params"
import { escapeLike } from "../../core/query/filters"
import { MedusaError } from "../../core/errors"
import { listPage, orderBy, type DateFilters } from "../../core/query/page"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { store, storeCurrency } from "./schema"

export type Store = typeof store.$inferSelect

export class StoreService {
  constructor(private readonly db: Db) {}

  /** The shop has one store row; the oldest live one is the store. */
  async retrieveDefault(): Promise<Store | undefined> {
    const [row] = await this.db
      .select()
      .from(store)
      .where(isNull(store.deleted_at))
      .orderBy(asc(store.created_at))
      .limit(1)
    return row
  }

  async list(
    filters: { id?: string[]; name?: string[]; q?: string } & DateFilters,
    ordering: Ordering,
    page: { limit: number; offset: number },
  ) {
    const conditions = [isNull(store.deleted_at)]
    if (filters.id) conditions.push(inArray(store.id, filters.id))
    if (filters.name) conditions.push(inArray(store.name, filters.name))
    if (filters.q) conditions.push(ilike(store.name, `%${escapeLike(filters.q)}%`))
    return listPage(this.db, store, and(...conditions), orderBy(store, ordering, store.id), page, filters)
  }

  async retrieve(id: string): Promise<Store> {
    const [row] = await this.db
      .select()
      .from(store)
      .where(and(eq(store.id, id), isNull(store.deleted_at)))
    if (!row) throw new MedusaError("not_found", `Store with id: ${id} was not found`)
    return row
  }

  /** store id → its currencies, for a page of stores at once. */
  async currenciesOf(storeIds: string[]) {
    const rows = storeIds.length
      ? await this.db
          .select()
          .from(storeCurrency)
          .where(and(inArray(storeCurrency.store_id, storeIds), isNull(storeCurrency.deleted_at)))
          .orderBy(asc(storeCurrency.created_at), asc(storeCurrency.id))
      : []
    return rows
  }

  /** Inside a transaction: holds off any other seeding until it ends. */
  async lockForSeeding() {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext('medusa-edge:seed'))`)
  }

  /** Creates the store when there is none yet; returns the store either way. */
  async ensureDefault(values: { name?: string } = {}): Promise<{ store: Store; created: boolean }> {
    const existing = await this.retrieveDefault()
    if (existing) return { store: existing, created: false }
    const [created] = await this.db
      .insert(store)
      .values({ id: generateId("store"), name: values.name ?? "Medusa Store" })
      .returning()
    return { store: created!, created: true }
  }

  async updateDefaults(
    id: string,
    defaults: Partial<
      Pick<Store, "default_region_id" | "default_sales_channel_id" | "default_location_id" | "name" | "metadata">
    >,
  ) {
    const [updated] = await this.db
      .update(store)
      .set({ ...defaults, updated_at: sql`now()` })
      .where(eq(store.id, id))
      .returning()
    return updated!
  }

  /** The currencies the store sells in; the first is the default unless one says it is. */
  async setCurrencies(id: string, currencies: (string | { currency_code: string; is_default?: boolean })[]) {
    const entries = currencies.map((entry) => (typeof entry === "string" ? { currency_code: entry } : entry))
    const explicitDefault = entries.findIndex((entry) => entry.is_default)
    const defaultIndex = explicitDefault === -1 ? 0 : explicitDefault
    await this.db.transaction(async (tx) => {
      await tx.delete(storeCurrency).where(eq(storeCurrency.store_id, id))
      if (entries.length === 0) return
      await tx.insert(storeCurrency).values(
        entries.map((entry, i) => ({
          id: generateId("stocur"),
          store_id: id,
          currency_code: entry.currency_code.toLowerCase(),
          is_default: i === defaultIndex,
        })),
      )
    })
  }
}
