import { and, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { toJsonNumber } from "../../core/money"
import { searchAny } from "../../core/query/filters"
import type { Row } from "../../core/query/graph"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { price, priceList, priceListRule, priceRule, productVariantPriceSet } from "./schema"
import { CUSTOMER_GROUPS } from "./service"

export type PriceList = typeof priceList.$inferSelect
export type PriceListRules = Record<string, string[]>

export interface PriceListInput {
  title: string
  description?: string | null
  status?: PriceList["status"]
  type?: PriceList["type"]
  starts_at?: Date | null
  ends_at?: Date | null
  rules?: PriceListRules
}

export interface PriceListPriceInput {
  variant_id: string
  currency_code: string
  amount: number | string
  min_quantity?: number | null
  max_quantity?: number | null
  /** e.g. `{ region_id: "reg_…" }`: the list's price only there */
  rules?: Record<string, string>
}

export type PriceListPriceUpdate = Partial<PriceListPriceInput> & { id: string; variant_id: string }

export interface PriceListFilters extends DateFilters {
  id?: string[]
  q?: string
  status?: PriceList["status"][]
}

/** Price lists, their rules and their prices: the only writer of price_list, price_list_rule and of a list's prices. */
export class PriceListService {
  constructor(private readonly db: Db) {}

  async create(input: PriceListInput): Promise<PriceList> {
    const { rules, ...fields } = input
    const [created] = await this.db
      .insert(priceList)
      .values({
        id: generateId("plist"),
        ...fields,
        description: fields.description ?? "",
        rules_count: Object.keys(rules ?? {}).length,
      })
      .returning()
    await this.insertRules(created!.id, rules ?? {})
    return created!
  }

  async retrieve(id: string): Promise<PriceList> {
    const [found] = await this.db
      .select()
      .from(priceList)
      .where(and(eq(priceList.id, id), isNull(priceList.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Price list with id: ${id} was not found`)
    return found
  }

  async list(filters: PriceListFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(priceList.deleted_at)]
    if (filters.id) conditions.push(inArray(priceList.id, filters.id))
    if (filters.status) conditions.push(inArray(priceList.status, filters.status))
    if (filters.q) conditions.push(searchAny([priceList.title, priceList.description], filters.q))
    return listPage(this.db, priceList, and(...conditions), orderBy(priceList, ordering, priceList.id), page, filters)
  }

  /** Changes the list; `rules`, when given, replace the list's rules. */
  async update(id: string, input: Partial<PriceListInput>): Promise<PriceList> {
    await this.retrieve(id)
    const { rules, ...fields } = input
    if (rules !== undefined) {
      await this.db.delete(priceListRule).where(eq(priceListRule.price_list_id, id))
      await this.insertRules(id, rules)
    }
    const [updated] = await this.db
      .update(priceList)
      .set({
        ...fields,
        description: fields.description === null ? "" : fields.description,
        ...(rules !== undefined ? { rules_count: Object.keys(rules).length } : {}),
        updated_at: sql`now()`,
      })
      .where(eq(priceList.id, id))
      .returning()
    return updated!
  }

  /** Soft delete, with the list's prices: they no longer price anything. */
  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(priceList).set({ deleted_at: sql`now()` }).where(eq(priceList.id, id))
    await this.db
      .update(price)
      .set({ deleted_at: sql`now()` })
      .where(and(eq(price.price_list_id, id), isNull(price.deleted_at)))
  }

  /** Each list's rules as Medusa shows them: attribute → values. */
  async rulesOf(listIds: string[]): Promise<Map<string, PriceListRules>> {
    const result = new Map<string, PriceListRules>(listIds.map((id) => [id, {}]))
    if (listIds.length === 0) return result
    const rows = await this.db
      .select({
        price_list_id: priceListRule.price_list_id,
        attribute: priceListRule.attribute,
        value: priceListRule.value,
      })
      .from(priceListRule)
      .where(and(inArray(priceListRule.price_list_id, listIds), isNull(priceListRule.deleted_at)))
    for (const row of rows) result.get(row.price_list_id)![row.attribute] = row.value
    return result
  }

  /** Each list's live prices, with the variant they price and their rules (Medusa's `prices` of a price list). */
  async pricesOf(listIds: string[], priceIds?: string[]): Promise<Map<string, Row[]>> {
    const result = new Map<string, Row[]>(listIds.map((id) => [id, []]))
    if (listIds.length === 0) return result
    const rows = await this.priceRows(
      and(inArray(price.price_list_id, listIds), priceIds && inArray(price.id, priceIds)),
    )
    for (const { price_list_id, __total: _total, ...row } of rows) result.get(price_list_id as string)!.push(row)
    return result
  }

  /** One page of a list's prices and how many it has: one statement (`count(*) over ()`), two past the last page. */
  async pricePage(listId: string, page: Page): Promise<{ rows: Row[]; count: number }> {
    const own = eq(price.price_list_id, listId)
    const rows = await this.priceRows(own, page)
    const total =
      rows.length > 0
        ? Number(rows[0]!.__total)
        : page.offset > 0
          ? ((
              await this.db
                .select({ n: count() })
                .from(price)
                .where(and(own, isNull(price.deleted_at)))
            )[0]?.n ?? 0)
          : 0
    return { rows: rows.map(({ price_list_id: _list, __total: _total, ...row }) => row), count: total }
  }

  private async priceRows(where: SQL | undefined, page?: Page): Promise<Row[]> {
    const query = this.db
      .select({
        id: price.id,
        price_list_id: price.price_list_id,
        currency_code: price.currency_code,
        amount: price.amount,
        min_quantity: price.min_quantity,
        max_quantity: price.max_quantity,
        price_set_id: price.price_set_id,
        variant_id: productVariantPriceSet.variant_id,
        created_at: price.created_at,
        updated_at: price.updated_at,
        deleted_at: price.deleted_at,
        rules: sql<
          Record<string, string>
        >`coalesce((select jsonb_object_agg(${priceRule.attribute}, ${priceRule.value}) from ${priceRule} where ${priceRule.price_id} = ${price.id} and ${priceRule.deleted_at} is null), '{}'::jsonb)`,
        __total: sql<string>`count(*) over ()`,
      })
      .from(price)
      .leftJoin(productVariantPriceSet, eq(productVariantPriceSet.price_set_id, price.price_set_id))
      .where(and(where, isNull(price.deleted_at)))
      .orderBy(price.created_at, price.id)
    const rows = await (page ? query.limit(page.limit).offset(page.offset) : query)
    return rows.map(({ amount, ...row }) => ({ ...row, amount: toJsonNumber(amount) }))
  }

  /** Whether any active list has a rule on customer groups (else a customer's groups change no price). */
  async anyNamesCustomerGroups(): Promise<boolean> {
    const [found] = await this.db
      .select({ id: priceListRule.id })
      .from(priceListRule)
      .innerJoin(priceList, eq(priceList.id, priceListRule.price_list_id))
      .where(
        and(
          eq(priceListRule.attribute, CUSTOMER_GROUPS),
          isNull(priceListRule.deleted_at),
          eq(priceList.status, "active"),
          isNull(priceList.deleted_at),
        ),
      )
      .limit(1)
    return found !== undefined
  }

  /** The variants a list prices: the dashboard lists their products on the list's page. */
  async variantIdsInLists(listIds: string[]): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ id: productVariantPriceSet.variant_id })
      .from(price)
      .innerJoin(productVariantPriceSet, eq(productVariantPriceSet.price_set_id, price.price_set_id))
      .where(and(inArray(price.price_list_id, listIds), isNull(price.deleted_at)))
    return rows.map((row) => row.id)
  }

  /** New prices of the list, each in its variant's price set; a variant without one is Medusa's error. */
  async addPrices(listId: string, inputs: PriceListPriceInput[]): Promise<string[]> {
    if (inputs.length === 0) return []
    const sets = await this.priceSetsOf(inputs.map((input) => input.variant_id))
    const rows = inputs.map((input) => ({
      id: generateId("price"),
      price_list_id: listId,
      price_set_id: sets.get(input.variant_id)!,
      currency_code: input.currency_code.toLowerCase(),
      amount: String(input.amount),
      min_quantity: input.min_quantity ?? null,
      max_quantity: input.max_quantity ?? null,
      rules_count: Object.keys(input.rules ?? {}).length,
    }))
    await this.db.insert(price).values(rows)
    await this.insertPriceRules(rows.map((row, i) => ({ price_id: row.id, rules: inputs[i]!.rules ?? {} })))
    return rows.map((row) => row.id)
  }

  /** Changes prices of the list; a price of another list (or none) is not found. */
  async updatePrices(listId: string, updates: PriceListPriceUpdate[]): Promise<string[]> {
    if (updates.length === 0) return []
    await this.requireOwnPrices(
      listId,
      updates.map((update) => update.id),
    )
    const sets = await this.priceSetsOf(updates.map((update) => update.variant_id))
    for (const update of updates) {
      await this.db
        .update(price)
        .set({
          price_set_id: sets.get(update.variant_id)!,
          ...(update.currency_code !== undefined ? { currency_code: update.currency_code.toLowerCase() } : {}),
          ...(update.amount !== undefined ? { amount: String(update.amount) } : {}),
          ...(update.min_quantity !== undefined ? { min_quantity: update.min_quantity } : {}),
          ...(update.max_quantity !== undefined ? { max_quantity: update.max_quantity } : {}),
          ...(update.rules !== undefined ? { rules_count: Object.keys(update.rules).length } : {}),
          updated_at: sql`now()`,
        })
        .where(eq(price.id, update.id))
    }
    const ruled = updates.filter((update) => update.rules !== undefined)
    if (ruled.length > 0) {
      await this.db.delete(priceRule).where(
        inArray(
          priceRule.price_id,
          ruled.map((update) => update.id),
        ),
      )
      await this.insertPriceRules(ruled.map((update) => ({ price_id: update.id, rules: update.rules! })))
    }
    return updates.map((update) => update.id)
  }

  /** Removes prices of the list (ids of other lists are ignored, as Medusa's batch delete does). */
  async removePrices(listId: string, priceIds: string[]) {
    if (priceIds.length === 0) return
    await this.db
      .update(price)
      .set({ deleted_at: sql`now()` })
      .where(and(eq(price.price_list_id, listId), inArray(price.id, priceIds), isNull(price.deleted_at)))
  }

  /** Removes the list's prices of these variants (a product taken off the list). */
  async removeVariantPrices(listId: string, variantIds: string[]) {
    if (variantIds.length === 0) return
    await this.db
      .update(price)
      .set({ deleted_at: sql`now()` })
      .where(
        and(
          eq(price.price_list_id, listId),
          isNull(price.deleted_at),
          inArray(
            price.price_set_id,
            this.db
              .select({ id: productVariantPriceSet.price_set_id })
              .from(productVariantPriceSet)
              .where(inArray(productVariantPriceSet.variant_id, variantIds)),
          ),
        ),
      )
  }

  private async insertRules(listId: string, rules: PriceListRules) {
    const rows = Object.entries(rules).map(([attribute, value]) => ({
      id: generateId("plrule"),
      price_list_id: listId,
      attribute,
      value,
    }))
    if (rows.length > 0) await this.db.insert(priceListRule).values(rows)
  }

  private async insertPriceRules(prices: { price_id: string; rules: Record<string, string> }[]) {
    const rows = prices.flatMap(({ price_id, rules }) =>
      Object.entries(rules).map(([attribute, value]) => ({ id: generateId("prule"), price_id, attribute, value })),
    )
    if (rows.length > 0) await this.db.insert(priceRule).values(rows)
  }

  private async priceSetsOf(variantIds: string[]): Promise<Map<string, string>> {
    const distinct = [...new Set(variantIds)]
    const rows = await this.db
      .select({ variant_id: productVariantPriceSet.variant_id, price_set_id: productVariantPriceSet.price_set_id })
      .from(productVariantPriceSet)
      .where(inArray(productVariantPriceSet.variant_id, distinct))
    const sets = new Map(rows.map((row) => [row.variant_id, row.price_set_id]))
    const missing = distinct.filter((id) => !sets.has(id))
    if (missing.length > 0)
      throw new MedusaError("invalid_data", `No price set exist for variants: ${missing.join(", ")}`)
    return sets
  }

  private async requireOwnPrices(listId: string, priceIds: string[]) {
    const rows = await this.db
      .select({ id: price.id })
      .from(price)
      .where(and(eq(price.price_list_id, listId), inArray(price.id, priceIds), isNull(price.deleted_at)))
    const found = new Set(rows.map((row) => row.id))
    const missing = priceIds.filter((id) => !found.has(id))
    if (missing.length > 0)
      throw new MedusaError("not_found", `Price with id: ${missing.join(", ")} was not found in price list ${listId}`)
  }
}
