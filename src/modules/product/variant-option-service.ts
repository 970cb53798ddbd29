import { eq, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import type { Db } from "../../infra/db"
import { productVariantOption } from "./schema"
import { liveOptionValuesOf, unknownOptionValue } from "./service"

/** Which option values a variant has: one per option of its product, and no two variants alike. */
export class ProductVariantOptionService {
  constructor(private readonly db: Db) {}

  /**
   * Replaces a variant's option values with `{ <option title>: value }`, which must name every
   * option of the product, as Medusa's product module requires (and words its refusals).
   */
  async setOptions(productId: string, variant: { id: string; title: string }, options: Record<string, string>) {
    const values = await liveOptionValuesOf(this.db, productId)
    const optionCount = new Set(values.map((row) => row.option_id)).size
    const given = Object.entries(options)
    if (given.length !== optionCount) {
      throw new MedusaError(
        "invalid_data",
        `Product has ${optionCount} option values but there were ${given.length} provided option values for the variant: ${variant.title}.`,
      )
    }
    const chosen = given.map(([title, value]) => {
      const found = values.find((row) => row.title === title && row.value === value)
      if (!found) throw unknownOptionValue(title, value)
      return found.id
    })
    await this.db.delete(productVariantOption).where(eq(productVariantOption.variant_id, variant.id))
    if (chosen.length)
      await this.db
        .insert(productVariantOption)
        .values(chosen.map((option_value_id) => ({ variant_id: variant.id, option_value_id })))
  }

  /** Refuses a variant whose option values another live variant of the product already has (Medusa's message). */
  async refuseDuplicate(variantId: string) {
    await this.refuseDuplicates([variantId])
  }

  /** The same for many variants (each other's values included), in one statement whatever their number. */
  async refuseDuplicates(variantIds: string[]) {
    if (variantIds.length === 0) return
    const ids = sql.join(
      variantIds.map((id) => sql`${id}`),
      sql`, `,
    )
    const result = await this.db.execute<{ title: string }>(sql`
      select other.title from product_variant self
      join product_variant other on other.product_id = self.product_id and other.id <> self.id and other.deleted_at is null
      join product_variant_option link on link.variant_id = other.id
      where self.id in (${ids})
        and link.option_value_id in (select option_value_id from product_variant_option where variant_id = self.id)
      group by self.id, other.id, other.title
      having count(*) = (select count(*) from product_variant_option where variant_id = self.id)
      limit 1`)
    const [clash] = result.rows
    if (clash) throw new MedusaError("invalid_data", `Variant (${clash.title}) with provided options already exists.`)
  }
}
