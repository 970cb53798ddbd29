import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { shippingOptionType } from "./schema"

export interface ShippingOptionTypeFilters {
  id?: string[]
  label?: string[]
  code?: string[]
  q?: string
}
export interface ShippingOptionTypeInput {
  label: string
  code: string
  description?: string | null
}

/**
 * Medusa's shipping option types (`sotype_…`): what the dashboard's shipping option forms pick.
 * Deleting one is a soft delete, as Medusa's: options that use it keep pointing at it (and still
 * show it), but it is no longer listed nor given to new options.
 */
export class ShippingOptionTypeService {
  constructor(private readonly db: Db) {}

  async list(filters: ShippingOptionTypeFilters & DateFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(shippingOptionType.deleted_at)]
    if (filters.id) conditions.push(inArray(shippingOptionType.id, filters.id))
    if (filters.label) conditions.push(inArray(shippingOptionType.label, filters.label))
    if (filters.code) conditions.push(inArray(shippingOptionType.code, filters.code))
    if (filters.q)
      conditions.push(
        searchAny([shippingOptionType.label, shippingOptionType.code, shippingOptionType.description], filters.q),
      )
    return listPage(
      this.db,
      shippingOptionType,
      and(...conditions),
      orderBy(shippingOptionType, ordering, shippingOptionType.id),
      page,
      filters,
    )
  }

  /** A live type; a deleted or unknown one is a 404. */
  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(shippingOptionType)
      .where(and(eq(shippingOptionType.id, id), isNull(shippingOptionType.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Shipping option type with id: ${id} was not found`)
    return found
  }

  async create(input: ShippingOptionTypeInput) {
    const [created] = await this.db
      .insert(shippingOptionType)
      .values({
        id: generateId("sotype"),
        label: input.label,
        code: input.code,
        description: input.description ?? null,
      })
      .returning({ id: shippingOptionType.id })
    return created!.id
  }

  async update(id: string, patch: Partial<ShippingOptionTypeInput>) {
    const [updated] = await this.db
      .update(shippingOptionType)
      .set({ ...patch, updated_at: sql`now()` })
      .where(and(eq(shippingOptionType.id, id), isNull(shippingOptionType.deleted_at)))
      .returning({ id: shippingOptionType.id })
    if (!updated) throw new MedusaError("not_found", `Shipping option type with id: ${id} was not found`)
  }

  async softDelete(id: string) {
    const [deleted] = await this.db
      .update(shippingOptionType)
      .set({ deleted_at: sql`now()` })
      .where(and(eq(shippingOptionType.id, id), isNull(shippingOptionType.deleted_at)))
      .returning({ id: shippingOptionType.id })
    if (!deleted) throw new MedusaError("not_found", `Shipping option type with id: ${id} was not found`)
  }
}
