import { and, asc, eq, inArray, or, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { groupBy, type Row } from "../../core/query/graph"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { product, productOption, productOptionProduct, productOptionValue } from "./schema"
import { optionOfProduct } from "./service"
import { live } from "../../core/columns"

export interface OptionInput {
  title: string
  values: string[]
  /** value → position; values are stored in this order */
  ranks?: Record<string, number>
  is_exclusive?: boolean
  metadata?: Record<string, unknown> | null
}

export interface OptionFilters {
  /** the options a product has, its own and the shared ones it links to */
  product_id?: string
  id?: string[]
  title?: string[]
  is_exclusive?: boolean
  q?: string
}

const notFound = (id: string) => new MedusaError("not_found", `Product option with id: ${id} was not found`)
const ranked = (input: Pick<OptionInput, "values" | "ranks">) =>
  input.values
    .map((value, i) => ({ value, rank: input.ranks?.[value] ?? i }))
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.value)

/**
 * Product options: a product's own (exclusive) ones and, as in Medusa 2.16+, shared ones that any
 * number of products link to. Variants pick values of either kind.
 */
export class ProductOptionService {
  constructor(private readonly db: Db) {}

  async list(filters: OptionFilters & DateFilters, ordering: Ordering, page: Page) {
    const where = and(
      live(productOption),
      filters.product_id ? optionOfProduct(filters.product_id) : undefined,
      filters.id ? inArray(productOption.id, filters.id) : undefined,
      filters.title ? inArray(productOption.title, filters.title) : undefined,
      filters.is_exclusive !== undefined ? eq(productOption.is_exclusive, filters.is_exclusive) : undefined,
      filters.q ? searchAny([productOption.title], filters.q) : undefined,
    )
    return listPage(this.db, productOption, where, orderBy(productOption, ordering, productOption.id), page, filters)
  }

  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(productOption)
      .where(and(eq(productOption.id, id), live(productOption)))
    if (!found) throw notFound(id)
    return found
  }

  /** A new option with its values: the product's own when `productId` is given, else a shared one. */
  async create(input: OptionInput, productId?: string) {
    const id = generateId("opt")
    const is_exclusive = productId ? true : (input.is_exclusive ?? false)
    await this.db
      .insert(productOption)
      .values({ id, title: input.title, product_id: productId, is_exclusive, metadata: input.metadata })
    if (input.values.length) {
      await this.db
        .insert(productOptionValue)
        .values(ranked(input).map((value) => ({ id: generateId("optval"), value, option_id: id })))
    }
    return id
  }

  /** Renames an option and adds values it does not have yet; values in use are never removed here. */
  async update(id: string, input: Partial<OptionInput>) {
    const { values, ranks, ...columns } = input
    const [option] = await this.db
      .update(productOption)
      .set({ ...columns, updated_at: sql`now()` })
      .where(and(eq(productOption.id, id), live(productOption)))
      .returning({ id: productOption.id })
    if (!option) throw notFound(id)
    if (values?.length) {
      const existing = await this.db
        .select({ value: productOptionValue.value })
        .from(productOptionValue)
        .where(and(eq(productOptionValue.option_id, id), live(productOptionValue)))
      const fresh = ranked({ values, ranks }).filter((value) => !existing.some((row) => row.value === value))
      if (fresh.length)
        await this.db
          .insert(productOptionValue)
          .values(fresh.map((value) => ({ id: generateId("optval"), value, option_id: id })))
    }
  }

  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(productOption).set({ deleted_at: sql`now()` }).where(eq(productOption.id, id))
    await this.db.delete(productOptionProduct).where(eq(productOptionProduct.option_id, id))
  }

  /** The option if the product has it (its own or linked), else 404. */
  async ofProduct(productId: string, optionId: string) {
    const [found] = await this.db
      .select()
      .from(productOption)
      .where(and(eq(productOption.id, optionId), optionOfProduct(productId), live(productOption)))
    if (!found) throw notFound(optionId)
    return found
  }

  /** Lets a product use a shared option; an option of another product, or an exclusive one in use, cannot be shared. */
  async link(productId: string, optionId: string) {
    const option = await this.retrieve(optionId)
    if (option.product_id === productId) return
    const [user] = await this.db
      .select()
      .from(productOptionProduct)
      .where(eq(productOptionProduct.option_id, optionId))
      .limit(1)
    if (option.product_id || (option.is_exclusive && user && user.product_id !== productId)) {
      throw new MedusaError("invalid_data", `Product option ${optionId} is exclusive to another product`)
    }
    await this.db
      .insert(productOptionProduct)
      .values({ product_id: productId, option_id: optionId })
      .onConflictDoNothing()
  }

  /** Takes an option off a product: its own is deleted, a shared one unlinked. */
  async removeFromProduct(productId: string, optionId: string) {
    const option = await this.ofProduct(productId, optionId)
    if (option.product_id === productId) {
      await this.db.update(productOption).set({ deleted_at: sql`now()` }).where(eq(productOption.id, optionId))
    } else {
      await this.db
        .delete(productOptionProduct)
        .where(and(eq(productOptionProduct.product_id, productId), eq(productOptionProduct.option_id, optionId)))
    }
  }

  /** `option.products`: the owning product, or the products linked to a shared option. */
  async productsOfOptions(optionIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ product, option_id: productOption.id })
      .from(productOption)
      .leftJoin(productOptionProduct, eq(productOptionProduct.option_id, productOption.id))
      .innerJoin(product, or(eq(product.id, productOption.product_id), eq(product.id, productOptionProduct.product_id)))
      .where(and(inArray(productOption.id, optionIds), live(product)))
      .orderBy(asc(product.created_at), asc(product.id))
    return groupBy(
      rows.map((row) => ({ ...row.product, option_id: row.option_id })),
      "option_id",
    )
  }
}
