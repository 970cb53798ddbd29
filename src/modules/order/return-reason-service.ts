import { and, eq, inArray, isNull, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { fromPostgresError } from "../../core/postgres-errors"
import { inOrNull, searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import { entityQuery } from "../../core/query/shape"
import type { Db } from "../../infra/db"
import { returnReason } from "./change-schema"

export type ReturnReason = typeof returnReason.$inferSelect
export interface ReturnReasonInput {
  value: string
  label: string
  description?: string | null
  parent_return_reason_id?: string | null
  metadata?: Record<string, unknown> | null
}
export interface ReturnReasonFilters extends DateFilters {
  id?: string[]
  value?: string[]
  /** "null" picks the top-level reasons */
  parent_return_reason_id?: string[]
  q?: string
}

/** Medusa's return reason as the Admin and Store APIs show it (both list the same fields). */
export const returnReasonQuery = entityQuery([
  "value",
  "label",
  "description",
  "parent_return_reason_id",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
])

const duplicate = (value: string) =>
  new MedusaError("duplicate_error", `Return reason with value: ${value}, already exists.`)

/** Why a customer sends items back: the only writer of return_reason. */
export class ReturnReasonService {
  constructor(private readonly db: Db) {}

  async list(filters: ReturnReasonFilters, ordering: Ordering, page: Page) {
    const where = and(
      isNull(returnReason.deleted_at),
      filters.id ? inArray(returnReason.id, filters.id) : undefined,
      filters.value ? inArray(returnReason.value, filters.value) : undefined,
      filters.parent_return_reason_id
        ? inOrNull(returnReason.parent_return_reason_id, filters.parent_return_reason_id)
        : undefined,
      filters.q ? searchAny([returnReason.value, returnReason.label], filters.q) : undefined,
    )
    return listPage(this.db, returnReason, where, orderBy(returnReason, ordering, returnReason.id), page, filters)
  }

  async retrieve(id: string): Promise<ReturnReason> {
    const [found] = await this.db
      .select()
      .from(returnReason)
      .where(and(eq(returnReason.id, id), isNull(returnReason.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Return reason with id: ${id} was not found`)
    return found
  }

  /** A new reason; a value in use by a live one is Medusa's duplicate error. */
  async create(input: ReturnReasonInput): Promise<ReturnReason> {
    if (input.parent_return_reason_id) await this.retrieve(input.parent_return_reason_id)
    const [created] = await this.db
      .insert(returnReason)
      .values({ id: generateId("rr"), ...input })
      .onConflictDoNothing({ target: returnReason.value, where: sql`deleted_at is null` })
      .returning()
    if (!created) throw duplicate(input.value)
    return created
  }

  async update(id: string, patch: Partial<ReturnReasonInput>): Promise<ReturnReason> {
    await this.retrieve(id)
    if (patch.parent_return_reason_id === id)
      throw new MedusaError("invalid_data", "A return reason cannot be its own parent")
    if (patch.parent_return_reason_id) await this.retrieve(patch.parent_return_reason_id)
    try {
      const [updated] = await this.db
        .update(returnReason)
        .set({ ...patch, updated_at: sql`now()` })
        .where(eq(returnReason.id, id))
        .returning()
      return updated!
    } catch (error) {
      // The unique index answers a clash; said in Medusa's words rather than the generic key message.
      if (patch.value !== undefined && fromPostgresError(error)?.type === "duplicate_error")
        throw duplicate(patch.value)
      throw error
    }
  }

  /** Soft delete: its value is free again for a new reason. */
  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(returnReason).set({ deleted_at: sql`now()` }).where(eq(returnReason.id, id))
  }
}
