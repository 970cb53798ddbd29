import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { pricePreference } from "./schema"

export type PricePreference = typeof pricePreference.$inferSelect
export type PricePreferenceAttribute = PricePreference["attribute"]

/** Medusa's price preferences: whether prices of a currency or a region include tax. */
export class PricePreferenceService {
  constructor(private readonly db: Db) {}

  async list(
    filters: { id?: string[]; attribute?: PricePreferenceAttribute[]; value?: string[] } & DateFilters,
    ordering: Ordering,
    page: Page,
  ) {
    const conditions: (SQL | undefined)[] = [isNull(pricePreference.deleted_at)]
    if (filters.id) conditions.push(inArray(pricePreference.id, filters.id))
    if (filters.attribute) conditions.push(inArray(pricePreference.attribute, filters.attribute))
    if (filters.value) conditions.push(inArray(pricePreference.value, filters.value))
    return listPage(
      this.db,
      pricePreference,
      and(...conditions),
      orderBy(pricePreference, ordering, pricePreference.id),
      page,
      filters,
    )
  }

  async retrieve(id: string): Promise<PricePreference> {
    const [found] = await this.db
      .select()
      .from(pricePreference)
      .where(and(eq(pricePreference.id, id), isNull(pricePreference.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Price preference with id: ${id} was not found`)
    return found
  }

  async create(input: {
    attribute: PricePreferenceAttribute
    value: string
    is_tax_inclusive?: boolean
  }): Promise<PricePreference> {
    const [created] = await this.db
      .insert(pricePreference)
      .values({
        id: generateId("prpref"),
        attribute: input.attribute,
        value: input.value,
        is_tax_inclusive: input.is_tax_inclusive ?? false,
      })
      .onConflictDoNothing()
      .returning()
    if (!created)
      throw new MedusaError(
        "duplicate_error",
        `Price preference with attribute: ${input.attribute}, value: ${input.value} already exists.`,
      )
    return created
  }

  async update(
    id: string,
    patch: { attribute?: PricePreferenceAttribute; value?: string; is_tax_inclusive?: boolean },
  ): Promise<PricePreference> {
    const [updated] = await this.db
      .update(pricePreference)
      .set({ ...patch, updated_at: sql`now()` })
      .where(and(eq(pricePreference.id, id), isNull(pricePreference.deleted_at)))
      .returning()
    if (!updated) throw new MedusaError("not_found", `Price preference with id: ${id} was not found`)
    return updated
  }

  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(pricePreference).set({ deleted_at: sql`now()` }).where(eq(pricePreference.id, id))
  }
}
