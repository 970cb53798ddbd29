import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { productOptionValue, productVariant, productVariantOption } from "./schema"

export interface OptionValueFilters {
  id?: string[]
  value?: string[]
  q?: string
}

/** The values of one option, as Medusa 2.21's /admin/product-options/:id/values manage them. */
export class ProductOptionValueService {
  constructor(private readonly db: Db) {}

  async list(optionId: string, filters: OptionValueFilters & DateFilters, ordering: Ordering, page: Page) {
    const where = and(
      eq(productOptionValue.option_id, optionId),
      isNull(productOptionValue.deleted_at),
      filters.id ? inArray(productOptionValue.id, filters.id) : undefined,
      filters.value ? inArray(productOptionValue.value, filters.value) : undefined,
      filters.q ? searchAny([productOptionValue.value], filters.q) : undefined,
    )
    return listPage(
      this.db,
      productOptionValue,
      where,
      orderBy(productOptionValue, ordering, productOptionValue.id),
      page,
      filters,
    )
  }

  /** The value, if it is one of this option's (Medusa's message otherwise). */
  async retrieve(optionId: string, valueId: string) {
    const [found] = await this.db
      .select()
      .from(productOptionValue)
      .where(
        and(
          eq(productOptionValue.id, valueId),
          eq(productOptionValue.option_id, optionId),
          isNull(productOptionValue.deleted_at),
        ),
      )
    if (!found)
      throw new MedusaError(
        "not_found",
        `Product option value with id "${valueId}" was not found for option with id "${optionId}"`,
      )
    return found
  }

  async update(
    optionId: string,
    valueId: string,
    patch: { value?: string; metadata?: Record<string, unknown> | null },
  ) {
    await this.retrieve(optionId, valueId)
    await this.db
      .update(productOptionValue)
      .set({ ...patch, updated_at: sql`now()` })
      .where(eq(productOptionValue.id, valueId))
  }

  /** Soft delete; refused while a live variant has this value, which would leave it without one for the option. */
  async softDelete(optionId: string, valueId: string) {
    await this.retrieve(optionId, valueId)
    const users = await this.db
      .select({ title: productVariant.title })
      .from(productVariantOption)
      .innerJoin(productVariant, eq(productVariant.id, productVariantOption.variant_id))
      .where(and(eq(productVariantOption.option_value_id, valueId), isNull(productVariant.deleted_at)))
      .orderBy(asc(productVariant.title))
    if (users.length) {
      throw new MedusaError(
        "invalid_data",
        `Cannot delete option value ${valueId} because the following variant(s) are using it: ${users.map((v) => v.title).join(", ")}`,
      )
    }
    await this.db.update(productOptionValue).set({ deleted_at: sql`now()` }).where(eq(productOptionValue.id, valueId))
  }
}
