import { asc, isNull } from "drizzle-orm"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { store } from "./schema"

export type Store = typeof store.$inferSelect

export class StoreService {
  constructor(private readonly db: Db) {}

  /** The shop has one store row; the oldest live one is the store. */
  async retrieveDefault(): Promise<Store | undefined> {
    const [row] = await this.db.select().from(store).where(isNull(store.deleted_at)).orderBy(asc(store.created_at)).limit(1)
    return row
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
}
