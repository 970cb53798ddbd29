import { asc, eq, isNull, sql } from "drizzle-orm"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { store, storeCurrency } from "./schema"

export type Store = typeof store.$inferSelect

export class StoreService {
  constructor(private readonly db: Db) {}

  /** The shop has one store row; the oldest live one is the store. */
  async retrieveDefault(): Promise<Store | undefined> {
    const [row] = await this.db.select().from(store).where(isNull(store.deleted_at)).orderBy(asc(store.created_at)).limit(1)
    return row
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

  async updateDefaults(id: string, defaults: Partial<Pick<Store, "default_region_id" | "default_sales_channel_id" | "default_location_id" | "name">>) {
    const [updated] = await this.db.update(store).set({ ...defaults, updated_at: sql`now()` }).where(eq(store.id, id)).returning()
    return updated!
  }

  /** The currencies the store sells in; the first is the default. */
  async setCurrencies(id: string, currencyCodes: string[]) {
    await this.db.transaction(async (tx) => {
      await tx.delete(storeCurrency).where(eq(storeCurrency.store_id, id))
      await tx.insert(storeCurrency).values(
        currencyCodes.map((code, i) => ({ id: generateId("stocur"), store_id: id, currency_code: code.toLowerCase(), is_default: i === 0 })),
      )
    })
  }
}
