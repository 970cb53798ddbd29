import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { toJsonNumber } from "../../core/money"
import { inOrNull, searchAny } from "../../core/query/filters"
import { groupBy, type Row } from "../../core/query/graph"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { taxRate, taxRegion } from "./schema"
import { live } from "../../core/columns"

export interface TaxRegionFilters {
  id?: string[]
  country_code?: string[]
  /** "null" selects the country regions */
  province_code?: string[]
  /** "null" selects the country regions */
  parent_id?: string[]
  q?: string
}

export interface TaxRateFilters {
  id?: string[]
  tax_region_id?: string[]
  is_default?: boolean
  q?: string
}

export interface TaxRateInput {
  /** percent, as an exact decimal string */
  rate: string
  code: string
  name: string
  is_default?: boolean
  is_combinable?: boolean
  metadata?: Record<string, unknown> | null
}

type RateRow = typeof taxRate.$inferSelect
// Rates are numeric (exact) in the table and JSON numbers on the wire, as Medusa shows them.
const rateJson = (row: RateRow): Row => ({ ...row, rate: toJsonNumber(row.rate) })

/** Tax regions and their rates as the Admin API manages them; TaxService reads them for carts. */
export class TaxAdminService {
  constructor(private readonly db: Db) {}

  async listRegions(filters: TaxRegionFilters & DateFilters, ordering: Ordering, page: Page) {
    return listPage(
      this.db,
      taxRegion,
      this.regionWhere(filters),
      orderBy(taxRegion, ordering, taxRegion.id),
      page,
      filters,
    )
  }

  async retrieveRegion(id: string) {
    const [found] = await this.db
      .select()
      .from(taxRegion)
      .where(and(eq(taxRegion.id, id), live(taxRegion)))
    if (!found) throw new MedusaError("not_found", `TaxRegion with id: ${id} was not found`)
    return found
  }

  /**
   * A country's region, or a province's inside its country's (`parent_id`, found by country when
   * not given); with its default rate when one is given.
   */
  async createRegion(input: {
    country_code: string
    province_code?: string | null
    parent_id?: string | null
    provider_id?: string | null
    metadata?: Record<string, unknown> | null
    default_tax_rate?: TaxRateInput
  }) {
    const country_code = input.country_code.toLowerCase()
    const province_code = input.province_code?.toLowerCase() ?? null
    let parent_id = input.parent_id ?? null
    if (parent_id) {
      const parent = await this.retrieveRegion(parent_id)
      if (parent.country_code !== country_code || parent.province_code) {
        throw new MedusaError(
          "invalid_data",
          "Province region must belong to a parent region with the same country code",
        )
      }
    } else if (province_code) {
      const [country] = await this.db
        .select({ id: taxRegion.id })
        .from(taxRegion)
        .where(and(eq(taxRegion.country_code, country_code), isNull(taxRegion.province_code), live(taxRegion)))
      parent_id = country?.id ?? null
    }
    const [region] = await this.db
      .insert(taxRegion)
      .values({
        id: generateId("txreg"),
        country_code,
        province_code,
        parent_id,
        provider_id: input.provider_id ?? null,
        metadata: input.metadata,
      })
      .returning()
    if (input.default_tax_rate)
      await this.createRate({ ...input.default_tax_rate, tax_region_id: region!.id, is_default: true })
    return region!
  }

  async updateRegion(
    id: string,
    patch: { province_code?: string | null; provider_id?: string | null; metadata?: Record<string, unknown> | null },
  ) {
    const [updated] = await this.db
      .update(taxRegion)
      .set({
        ...patch,
        province_code: patch.province_code?.toLowerCase() ?? patch.province_code,
        updated_at: sql`now()`,
      })
      .where(and(eq(taxRegion.id, id), live(taxRegion)))
      .returning({ id: taxRegion.id })
    if (!updated) throw new MedusaError("not_found", `TaxRegion with id: ${id} was not found`)
  }

  /** Soft delete of a region, the provinces inside it and all their rates: none applies any more. */
  async softDeleteRegion(id: string) {
    await this.retrieveRegion(id)
    const deleted = await this.db
      .update(taxRegion)
      .set({ deleted_at: sql`now()` })
      .where(and(or(eq(taxRegion.id, id), eq(taxRegion.parent_id, id)), live(taxRegion)))
      .returning({ id: taxRegion.id })
    await this.db
      .update(taxRate)
      .set({ deleted_at: sql`now()` })
      .where(
        and(
          inArray(
            taxRate.tax_region_id,
            deleted.map((row) => row.id),
          ),
          live(taxRate),
        ),
      )
  }

  async listRates(filters: TaxRateFilters & DateFilters, ordering: Ordering, page: Page) {
    const { rows, count } = await listPage(
      this.db,
      taxRate,
      this.rateWhere(filters),
      orderBy(taxRate, ordering, taxRate.id),
      page,
      filters,
    )
    return { rows: rows.map(rateJson), count }
  }

  async retrieveRate(id: string) {
    const [found] = await this.db
      .select()
      .from(taxRate)
      .where(and(eq(taxRate.id, id), live(taxRate)))
    if (!found) throw new MedusaError("not_found", `TaxRate with id: ${id} was not found`)
    return rateJson(found)
  }

  async createRate(input: TaxRateInput & { tax_region_id: string }) {
    await this.retrieveRegion(input.tax_region_id)
    const [created] = await this.db
      .insert(taxRate)
      .values({ id: generateId("txr"), ...input })
      .returning({ id: taxRate.id })
    return created!.id
  }

  async updateRate(id: string, patch: Partial<TaxRateInput>) {
    const [updated] = await this.db
      .update(taxRate)
      .set({ ...patch, updated_at: sql`now()` })
      .where(and(eq(taxRate.id, id), live(taxRate)))
      .returning({ id: taxRate.id })
    if (!updated) throw new MedusaError("not_found", `TaxRate with id: ${id} was not found`)
  }

  async softDeleteRate(id: string) {
    await this.retrieveRate(id)
    await this.db.update(taxRate).set({ deleted_at: sql`now()` }).where(eq(taxRate.id, id))
  }

  // Batch loaders for the query graph.

  async ratesOfRegions(regionIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(taxRate)
      .where(and(inArray(taxRate.tax_region_id, regionIds), live(taxRate)))
      .orderBy(taxRate.created_at, taxRate.id)
    return groupBy(rows.map(rateJson), "tax_region_id")
  }

  async regionsById(ids: string[]): Promise<Map<string, Row[]>> {
    return groupBy(
      await this.db
        .select()
        .from(taxRegion)
        .where(and(inArray(taxRegion.id, ids), live(taxRegion))),
      "id",
    )
  }

  async childrenOf(parentIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(taxRegion)
      .where(and(inArray(taxRegion.parent_id, parentIds), live(taxRegion)))
      .orderBy(taxRegion.province_code, taxRegion.id)
    return groupBy(rows, "parent_id")
  }

  private regionWhere(filters: TaxRegionFilters): SQL | undefined {
    const lower = (values: string[]) => values.map((value) => value.toLowerCase())
    return and(
      live(taxRegion),
      filters.id ? inArray(taxRegion.id, filters.id) : undefined,
      filters.country_code ? inArray(taxRegion.country_code, lower(filters.country_code)) : undefined,
      filters.province_code ? inOrNull(taxRegion.province_code, lower(filters.province_code)) : undefined,
      filters.parent_id ? inOrNull(taxRegion.parent_id, filters.parent_id) : undefined,
      filters.q ? searchAny([taxRegion.country_code, taxRegion.province_code], filters.q) : undefined,
    )
  }

  private rateWhere(filters: TaxRateFilters): SQL | undefined {
    return and(
      live(taxRate),
      filters.id ? inArray(taxRate.id, filters.id) : undefined,
      filters.tax_region_id ? inArray(taxRate.tax_region_id, filters.tax_region_id) : undefined,
      filters.is_default !== undefined ? eq(taxRate.is_default, filters.is_default) : undefined,
      filters.q ? searchAny([taxRate.name, taxRate.code], filters.q) : undefined,
    )
  }
}
