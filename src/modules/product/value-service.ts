import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import type { productTag, productType } from "./schema"

export interface ValueFilters {
  id?: string[]
  value?: string[]
  q?: string
}

// Tags and types are the same entity under two names: a unique `value` with metadata.
type ValueTable = typeof productTag

/** Product tags or product types (one instance each): the only writer of its table. */
export class ProductValueService {
  private readonly table: ValueTable

  constructor(
    private readonly db: Db,
    table: typeof productTag | typeof productType,
    /** "Product tag" / "Product type", for messages */
    private readonly label: string,
    private readonly idPrefix: string,
  ) {
    this.table = table as ValueTable
  }

  async list(filters: ValueFilters & DateFilters, ordering: Ordering, page: Page) {
    return listPage(
      this.db,
      this.table,
      this.where(filters),
      orderBy(this.table, ordering, this.table.id),
      page,
      filters,
    )
  }

  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(this.table)
      .where(and(eq(this.table.id, id), isNull(this.table.deleted_at)))
    if (!found) throw new MedusaError("not_found", `${this.label} with id: ${id} was not found`)
    return found
  }

  /** A new row; a value already in use is Medusa's duplicate error (its unique index's message). */
  async create(value: string, metadata?: Record<string, unknown> | null) {
    const [row] = await this.db
      .insert(this.table)
      .values({ id: generateId(this.idPrefix), value, metadata })
      .onConflictDoNothing({ target: this.table.value, where: sql`deleted_at is null` })
      .returning({ id: this.table.id })
    if (!row) throw new MedusaError("duplicate_error", `${this.label} with value: ${value}, already exists.`)
    return row.id
  }

  /** The row with this value, created when missing; `created` tells which (xmax is 0 only on a fresh insert). */
  async upsert(value: string, metadata?: Record<string, unknown> | null) {
    const [row] = await this.db
      .insert(this.table)
      .values({ id: generateId(this.idPrefix), value, metadata })
      .onConflictDoUpdate({
        target: this.table.value,
        targetWhere: sql`deleted_at is null`,
        set: { updated_at: sql`now()` },
      })
      .returning({ id: this.table.id, created: sql<boolean>`xmax = 0` })
    return { id: row!.id, created: row!.created }
  }

  async update(id: string, patch: { value?: string; metadata?: Record<string, unknown> | null }) {
    const [updated] = await this.db
      .update(this.table)
      .set({ ...patch, updated_at: sql`now()` })
      .where(and(eq(this.table.id, id), isNull(this.table.deleted_at)))
      .returning({ id: this.table.id })
    if (!updated) throw new MedusaError("not_found", `${this.label} with id: ${id} was not found`)
  }

  /** Soft delete: products keep their rows but no longer show it, and its value is free again. */
  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(this.table).set({ deleted_at: sql`now()` }).where(eq(this.table.id, id))
  }

  private where(filters: ValueFilters): SQL | undefined {
    return and(
      isNull(this.table.deleted_at),
      filters.id ? inArray(this.table.id, filters.id) : undefined,
      filters.value ? inArray(this.table.value, filters.value) : undefined,
      filters.q ? searchAny([this.table.value], filters.q) : undefined,
    )
  }
}
