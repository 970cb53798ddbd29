import { and, eq, inArray, isNull, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { fromPostgresError } from "../../core/postgres-errors"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import { entityQuery } from "../../core/query/shape"
import type { Db } from "../../infra/db"
import { refundReason } from "./schema"

export type RefundReason = typeof refundReason.$inferSelect
export interface RefundReasonInput {
  label: string
  code: string
  description?: string | null
  metadata?: Record<string, unknown> | null
}
export interface RefundReasonFilters extends DateFilters {
  id?: string[]
  code?: string[]
  q?: string
}

/** Medusa's refund reason as the Admin API shows it. */
export const refundReasonQuery = entityQuery([
  "label",
  "code",
  "description",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
])

const duplicate = (code: string) =>
  new MedusaError("duplicate_error", `Refund reason with code: ${code}, already exists.`)

/** Why money is given back: the only writer of refund_reason. Refunds keep a reason's id, not a link. */
export class RefundReasonService {
  constructor(private readonly db: Db) {}

  async list(filters: RefundReasonFilters, ordering: Ordering, page: Page) {
    const where = and(
      isNull(refundReason.deleted_at),
      filters.id ? inArray(refundReason.id, filters.id) : undefined,
      filters.code ? inArray(refundReason.code, filters.code) : undefined,
      filters.q ? searchAny([refundReason.label, refundReason.code, refundReason.description], filters.q) : undefined,
    )
    return listPage(this.db, refundReason, where, orderBy(refundReason, ordering, refundReason.id), page, filters)
  }

  /** The reasons refunds name, deleted ones too: a refund shows why it was made whatever became of the reason. */
  async byIds(ids: string[]): Promise<RefundReason[]> {
    if (ids.length === 0) return []
    return this.db.select().from(refundReason).where(inArray(refundReason.id, ids))
  }

  async retrieve(id: string): Promise<RefundReason> {
    const [found] = await this.db
      .select()
      .from(refundReason)
      .where(and(eq(refundReason.id, id), isNull(refundReason.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Refund reason with id: ${id} was not found`)
    return found
  }

  /** A new reason; a code in use by a live one is a duplicate error. */
  async create(input: RefundReasonInput): Promise<RefundReason> {
    const [created] = await this.db
      .insert(refundReason)
      .values({ id: generateId("refr"), ...input })
      .onConflictDoNothing({ target: refundReason.code, where: sql`deleted_at is null` })
      .returning()
    if (!created) throw duplicate(input.code)
    return created
  }

  async update(id: string, patch: Partial<RefundReasonInput>): Promise<RefundReason> {
    await this.retrieve(id)
    try {
      const [updated] = await this.db
        .update(refundReason)
        .set({ ...patch, updated_at: sql`now()` })
        .where(eq(refundReason.id, id))
        .returning()
      return updated!
    } catch (error) {
      // The unique index answers a clash; said in the same words as create's.
      if (patch.code !== undefined && fromPostgresError(error)?.type === "duplicate_error") throw duplicate(patch.code)
      throw error
    }
  }

  /** Soft delete: refunds made with it keep its id and still read; its code is free again. */
  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(refundReason).set({ deleted_at: sql`now()` }).where(eq(refundReason.id, id))
  }
}
