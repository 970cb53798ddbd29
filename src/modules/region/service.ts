import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { groupBy, type Row } from "../../core/query/graph"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { region, regionCountry, regionPaymentProvider } from "./schema"

export type Region = typeof region.$inferSelect

export interface RegionFilters {
  id?: string[]
  name?: string[]
  currency_code?: string[]
  q?: string
}

export interface CreateRegionInput {
  name: string
  currency_code: string
  countries?: string[]
  payment_providers?: string[]
  automatic_taxes?: boolean
}

export class RegionService {
  constructor(private readonly db: Db) {}

  async list(filters: RegionFilters & DateFilters, ordering: Ordering, page: Page) {
    return listPage(this.db, region, this.where(filters), orderBy(region, ordering, region.id), page, filters)
  }

  async retrieve(id: string): Promise<Region> {
    const [found] = await this.db
      .select()
      .from(region)
      .where(and(eq(region.id, id), isNull(region.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Region with id: ${id} was not found`)
    return found
  }

  /** Every country, for pickers (the promotion rules' country values): by code or a substring of the name. */
  async listCountries(filters: { iso_2?: string[]; q?: string }, page: Page) {
    const where = and(
      filters.iso_2
        ? inArray(
            regionCountry.iso_2,
            filters.iso_2.map((code) => code.toLowerCase()),
          )
        : undefined,
      filters.q ? searchAny([regionCountry.display_name, regionCountry.iso_2], filters.q) : undefined,
    )
    return listPage(this.db, regionCountry, where, [asc(regionCountry.display_name), asc(regionCountry.iso_2)], page)
  }

  async countriesOf(regionIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(regionCountry)
      .where(inArray(regionCountry.region_id, regionIds))
      .orderBy(regionCountry.iso_2)
    return groupBy(
      rows.map((row) => ({ ...row, id: row.iso_2 })),
      "region_id",
    )
  }

  async paymentProvidersOf(regionIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(regionPaymentProvider)
      .where(inArray(regionPaymentProvider.region_id, regionIds))
    return groupBy(
      rows.map((row) => ({ id: row.payment_provider_id, is_enabled: true, region_id: row.region_id })),
      "region_id",
    )
  }

  /** A region and the countries it sells to, which must not belong to another region yet. */
  async create(input: CreateRegionInput): Promise<Region> {
    const countries = (input.countries ?? []).map((code) => code.toLowerCase())
    return this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(region)
        .values({
          id: generateId("reg"),
          name: input.name,
          currency_code: input.currency_code.toLowerCase(),
          automatic_taxes: input.automatic_taxes ?? true,
        })
        .returning()
      if (countries.length > 0) {
        const assigned = await tx
          .update(regionCountry)
          .set({ region_id: created!.id })
          .where(and(inArray(regionCountry.iso_2, countries), isNull(regionCountry.region_id)))
          .returning({ iso_2: regionCountry.iso_2 })
        const missing = countries.filter((code) => !assigned.some((row) => row.iso_2 === code))
        if (missing.length > 0) {
          throw new MedusaError(
            "invalid_data",
            `Countries with codes: "${missing.join(", ")}" do not exist or are already assigned to a region.`,
          )
        }
      }
      if (input.payment_providers?.length) {
        await tx
          .insert(regionPaymentProvider)
          .values(
            input.payment_providers.map((payment_provider_id) => ({ region_id: created!.id, payment_provider_id })),
          )
      }
      return created!
    })
  }

  /** Name, currency, taxes; `countries` and `payment_providers` replace the region's lists when given. */
  async update(
    id: string,
    input: Partial<CreateRegionInput> & { metadata?: Record<string, unknown> | null },
  ): Promise<Region> {
    await this.retrieve(id)
    return this.db.transaction(async (tx) => {
      const { countries, payment_providers, ...columns } = input
      const [updated] = await tx
        .update(region)
        .set({
          ...columns,
          ...(columns.currency_code ? { currency_code: columns.currency_code.toLowerCase() } : {}),
          updated_at: sql`now()`,
        })
        .where(eq(region.id, id))
        .returning()
      if (countries) {
        const codes = countries.map((code) => code.toLowerCase())
        await tx.update(regionCountry).set({ region_id: null }).where(eq(regionCountry.region_id, id))
        if (codes.length > 0) {
          const assigned = await tx
            .update(regionCountry)
            .set({ region_id: id })
            .where(and(inArray(regionCountry.iso_2, codes), isNull(regionCountry.region_id)))
            .returning({ iso_2: regionCountry.iso_2 })
          const missing = codes.filter((code) => !assigned.some((row) => row.iso_2 === code))
          if (missing.length > 0) {
            throw new MedusaError(
              "invalid_data",
              `Countries with codes: "${missing.join(", ")}" do not exist or are already assigned to a region.`,
            )
          }
        }
      }
      if (payment_providers) {
        await tx.delete(regionPaymentProvider).where(eq(regionPaymentProvider.region_id, id))
        if (payment_providers.length) {
          await tx
            .insert(regionPaymentProvider)
            .values(payment_providers.map((payment_provider_id) => ({ region_id: id, payment_provider_id })))
        }
      }
      return updated!
    })
  }

  /** Soft delete: the region's countries become free for another region. */
  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(regionCountry).set({ region_id: null }).where(eq(regionCountry.region_id, id))
    await this.db.update(region).set({ deleted_at: sql`now()` }).where(eq(region.id, id))
  }

  private where(filters: RegionFilters): SQL | undefined {
    const conditions: (SQL | undefined)[] = [isNull(region.deleted_at)]
    if (filters.id) conditions.push(inArray(region.id, filters.id))
    if (filters.name) conditions.push(inArray(region.name, filters.name))
    if (filters.currency_code)
      conditions.push(
        inArray(
          region.currency_code,
          filters.currency_code.map((c) => c.toLowerCase()),
        ),
      )
    if (filters.q) conditions.push(searchAny([region.name, region.currency_code], filters.q))
    return and(...conditions)
  }
}
