import { and, eq, isNull, or, sql } from "drizzle-orm"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { taxRate, taxRegion } from "./schema"

export interface TaxAddress {
  country_code: string
  province_code?: string
}

export class TaxService {
  constructor(private readonly db: Db) {}

  /**
   * The rate in percent that applies at an address: the province's default rate when it has
   * one, else the country's; "0" where no tax region is set up.
   */
  async rateFor(address: TaxAddress): Promise<string> {
    const country = address.country_code.toLowerCase()
    const province = address.province_code?.toLowerCase()
    const rows = await this.db
      .select({ rate: taxRate.rate, province_code: taxRegion.province_code })
      .from(taxRate)
      .innerJoin(taxRegion, eq(taxRegion.id, taxRate.tax_region_id))
      .where(
        and(
          eq(taxRegion.country_code, country),
          province
            ? or(isNull(taxRegion.province_code), eq(taxRegion.province_code, province))
            : isNull(taxRegion.province_code),
          eq(taxRate.is_default, true),
          isNull(taxRate.deleted_at),
          isNull(taxRegion.deleted_at),
        ),
      )
      .orderBy(sql`${taxRegion.province_code} is null`)
      .limit(1)
    return rows[0]?.rate ?? "0"
  }

  /** A country's tax region with its default rate (seed and admin). */
  async createCountryRate(input: { country_code: string; rate: string; code: string; name: string }) {
    return this.db.transaction(async (tx) => {
      const [region] = await tx
        .insert(taxRegion)
        .values({ id: generateId("txreg"), country_code: input.country_code.toLowerCase() })
        .returning()
      const [rate] = await tx
        .insert(taxRate)
        .values({
          id: generateId("txr"),
          tax_region_id: region!.id,
          rate: input.rate,
          code: input.code,
          name: input.name,
          is_default: true,
        })
        .returning()
      return { tax_region: region!, tax_rate: rate! }
    })
  }
}
