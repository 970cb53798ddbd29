import { and, eq, inArray, isNull, or, sql } from "drizzle-orm"
import { generateId } from "../../core/ids"
import { decimal, rawAmount, toJsonNumber } from "../../core/money"
import { groupBy, type Row } from "../../core/query/graph"
import type { PricingContext } from "../../core/query/context"
import type { Db } from "../../infra/db"
import { price, pricePreference, priceRule, priceSet, productVariantPriceSet, shippingOptionPriceSet } from "./schema"

export interface PriceInput {
  amount: string | number
  currency_code: string
  /** e.g. `{ region_id: "reg_…" }`: the price applies only there, and wins over a plain one */
  rules?: Record<string, string>
}

interface PriceReference {
  id: string
  price_list_id: string | null
  price_list_type: string | null
  min_quantity: number | null
  max_quantity: number | null
}

export interface CalculatedPrice {
  id: string
  currency_code: string
  calculated_amount: number
  raw_calculated_amount: { value: string; precision: number }
  original_amount: number
  raw_original_amount: { value: string; precision: number }
  is_calculated_price_price_list: boolean
  is_calculated_price_tax_inclusive: boolean
  is_original_price_price_list: boolean
  is_original_price_tax_inclusive: boolean
  calculated_price: PriceReference
  original_price: PriceReference
  /** the exact amount, for arithmetic */
  amount: string
}

interface Candidate {
  owner_id: string
  price_id: string
  price_set_id: string
  amount: string
  min_quantity: number | null
  max_quantity: number | null
  rules: { attribute: string; value: string }[] | null
}

type PriceSetLink = typeof productVariantPriceSet | typeof shippingOptionPriceSet
type OwnerColumn = typeof productVariantPriceSet.variant_id | typeof shippingOptionPriceSet.shipping_option_id

export class PricingService {
  constructor(private readonly db: Db) {}

  /**
   * The price of each variant in a context: among the variant's prices in the context's
   * currency, those whose every rule matches the context; the most specific one wins
   * (a region price over a currency price), then the lowest.
   */
  async calculateVariantPrices(variantIds: string[], context: PricingContext): Promise<Map<string, CalculatedPrice>> {
    return this.calculate(productVariantPriceSet, productVariantPriceSet.variant_id, variantIds, context)
  }

  async calculateShippingOptionPrices(
    optionIds: string[],
    context: PricingContext,
  ): Promise<Map<string, CalculatedPrice>> {
    return this.calculate(shippingOptionPriceSet, shippingOptionPriceSet.shipping_option_id, optionIds, context)
  }

  private async calculate(
    link: PriceSetLink,
    ownerColumn: OwnerColumn,
    ownerIds: string[],
    context: PricingContext,
  ): Promise<Map<string, CalculatedPrice>> {
    const result = new Map<string, CalculatedPrice>()
    if (ownerIds.length === 0) return result
    const currency = context.currency_code.toLowerCase()
    const candidates = (await this.db
      .select({
        owner_id: ownerColumn,
        price_id: price.id,
        price_set_id: price.price_set_id,
        amount: price.amount,
        min_quantity: price.min_quantity,
        max_quantity: price.max_quantity,
        rules: sql`json_agg(json_build_object('attribute', ${priceRule.attribute}, 'value', ${priceRule.value})) filter (where ${priceRule.id} is not null)`,
      })
      .from(link)
      .innerJoin(
        price,
        and(
          eq(price.price_set_id, link.price_set_id),
          eq(price.currency_code, currency),
          isNull(price.deleted_at),
          isNull(price.price_list_id),
        ),
      )
      .leftJoin(priceRule, and(eq(priceRule.price_id, price.id), isNull(priceRule.deleted_at)))
      .where(inArray(ownerColumn, ownerIds))
      .groupBy(ownerColumn, price.id)) as Candidate[]
    if (candidates.length === 0) return result

    const taxInclusive = await this.isTaxInclusive(context)
    const best = new Map<string, Candidate>()
    for (const candidate of candidates) {
      if (!matches(candidate, context)) continue
      const current = best.get(candidate.owner_id)
      if (!current || moreSpecific(candidate, current)) best.set(candidate.owner_id, candidate)
    }
    for (const [ownerId, chosen] of best) {
      const reference: PriceReference = {
        id: chosen.price_id,
        price_list_id: null,
        price_list_type: null,
        min_quantity: chosen.min_quantity,
        max_quantity: chosen.max_quantity,
      }
      result.set(ownerId, {
        id: chosen.price_set_id,
        currency_code: currency,
        calculated_amount: toJsonNumber(chosen.amount),
        raw_calculated_amount: rawAmount(chosen.amount),
        original_amount: toJsonNumber(chosen.amount),
        raw_original_amount: rawAmount(chosen.amount),
        is_calculated_price_price_list: false,
        is_calculated_price_tax_inclusive: taxInclusive,
        is_original_price_price_list: false,
        is_original_price_tax_inclusive: taxInclusive,
        calculated_price: reference,
        original_price: { ...reference },
        amount: chosen.amount,
      })
    }
    return result
  }

  /** A region's preference wins over its currency's; prices are tax-exclusive unless one says otherwise. */
  async isTaxInclusive(context: PricingContext): Promise<boolean> {
    const rows = await this.db
      .select({ attribute: pricePreference.attribute, is_tax_inclusive: pricePreference.is_tax_inclusive })
      .from(pricePreference)
      .where(
        and(
          isNull(pricePreference.deleted_at),
          or(
            and(
              eq(pricePreference.attribute, "currency_code"),
              eq(pricePreference.value, context.currency_code.toLowerCase()),
            ),
            context.region_id
              ? and(eq(pricePreference.attribute, "region_id"), eq(pricePreference.value, context.region_id))
              : undefined,
          ),
        ),
      )
    const byRegion = rows.find((row) => row.attribute === "region_id")
    return (byRegion ?? rows[0])?.is_tax_inclusive ?? false
  }

  /** Every live price of each variant, with its rules: the Admin API's `variant.prices`. */
  async pricesOfVariants(variantIds: string[]): Promise<Map<string, Row[]>> {
    return this.pricesOf(productVariantPriceSet, productVariantPriceSet.variant_id, variantIds)
  }

  /** Every live price of each shipping option, with its rules. */
  async pricesOfShippingOptions(optionIds: string[]): Promise<Map<string, Row[]>> {
    return this.pricesOf(shippingOptionPriceSet, shippingOptionPriceSet.shipping_option_id, optionIds)
  }

  private async pricesOf(
    link: PriceSetLink,
    ownerColumn: OwnerColumn,
    ownerIds: string[],
  ): Promise<Map<string, Row[]>> {
    if (ownerIds.length === 0) return new Map()
    const rows = (await this.db
      .select({
        owner_id: ownerColumn,
        id: price.id,
        amount: price.amount,
        currency_code: price.currency_code,
        min_quantity: price.min_quantity,
        max_quantity: price.max_quantity,
        price_set_id: price.price_set_id,
        created_at: price.created_at,
        updated_at: price.updated_at,
        rules: sql<
          Record<string, string>
        >`coalesce(jsonb_object_agg(${priceRule.attribute}, ${priceRule.value}) filter (where ${priceRule.id} is not null), '{}'::jsonb)`,
      })
      .from(link)
      .innerJoin(price, and(eq(price.price_set_id, link.price_set_id), isNull(price.deleted_at)))
      .leftJoin(priceRule, and(eq(priceRule.price_id, price.id), isNull(priceRule.deleted_at)))
      .where(inArray(ownerColumn, ownerIds))
      .groupBy(ownerColumn, price.id)
      .orderBy(price.currency_code, price.id)) as (Row & { owner_id: string; amount: string })[]
    return groupBy(
      rows.map(({ owner_id, ...row }) => ({ ...row, [ownerColumn.name]: owner_id, amount: toJsonNumber(row.amount) })),
      ownerColumn.name,
    )
  }

  /** Replaces a variant's prices (creating its price set on first use). */
  async replaceVariantPrices(variantId: string, prices: PriceInput[]) {
    const [link] = await this.db
      .select()
      .from(productVariantPriceSet)
      .where(eq(productVariantPriceSet.variant_id, variantId))
    if (!link) return this.createVariantPrices(variantId, prices)
    return this.replacePrices(link.price_set_id, prices)
  }

  /** Replaces a shipping option's prices (creating its price set on first use). */
  async replaceShippingOptionPrices(optionId: string, prices: PriceInput[]) {
    const [link] = await this.db
      .select()
      .from(shippingOptionPriceSet)
      .where(eq(shippingOptionPriceSet.shipping_option_id, optionId))
    if (!link) return this.createShippingOptionPrices(optionId, prices)
    return this.replacePrices(link.price_set_id, prices)
  }

  private async replacePrices(priceSetId: string, prices: PriceInput[]) {
    await this.db
      .update(price)
      .set({ deleted_at: sql`now()` })
      .where(and(eq(price.price_set_id, priceSetId), isNull(price.deleted_at)))
    await this.insertPrices(this.db, priceSetId, prices)
    return priceSetId
  }

  /** value → is_tax_inclusive, for the preferences of one attribute that exist. */
  async preferencesOf(attribute: "region_id" | "currency_code", values: string[]): Promise<Map<string, boolean>> {
    if (values.length === 0) return new Map()
    const rows = await this.db
      .select({ value: pricePreference.value, is_tax_inclusive: pricePreference.is_tax_inclusive })
      .from(pricePreference)
      .where(
        and(
          eq(pricePreference.attribute, attribute),
          inArray(pricePreference.value, values),
          isNull(pricePreference.deleted_at),
        ),
      )
    return new Map(rows.map((row) => [row.value, row.is_tax_inclusive]))
  }

  async setPreference(attribute: "region_id" | "currency_code", value: string, isTaxInclusive: boolean) {
    await this.db
      .insert(pricePreference)
      .values({ id: generateId("prpref"), attribute, value, is_tax_inclusive: isTaxInclusive })
      .onConflictDoUpdate({
        target: [pricePreference.attribute, pricePreference.value],
        targetWhere: sql`deleted_at is null`,
        set: { is_tax_inclusive: isTaxInclusive, updated_at: sql`now()` },
      })
  }

  async createVariantPrices(variantId: string, prices: PriceInput[]) {
    return this.createPriceSet(prices, (tx, price_set_id) =>
      tx.insert(productVariantPriceSet).values({ variant_id: variantId, price_set_id }),
    )
  }

  async createShippingOptionPrices(optionId: string, prices: PriceInput[]) {
    return this.createPriceSet(prices, (tx, price_set_id) =>
      tx.insert(shippingOptionPriceSet).values({ shipping_option_id: optionId, price_set_id }),
    )
  }

  private async createPriceSet(prices: PriceInput[], link: (tx: Db, priceSetId: string) => Promise<unknown>) {
    return this.db.transaction(async (tx) => this.insertPriceSet(tx as unknown as Db, prices, link))
  }

  private async insertPriceSet(db: Db, prices: PriceInput[], link: (tx: Db, priceSetId: string) => Promise<unknown>) {
    const priceSetId = generateId("pset")
    await db.insert(priceSet).values({ id: priceSetId })
    await this.insertPrices(db, priceSetId, prices)
    await link(db, priceSetId)
    return priceSetId
  }

  private async insertPrices(db: Db, priceSetId: string, prices: PriceInput[]) {
    const rows = prices.map((input) => ({
      id: generateId("price"),
      price_set_id: priceSetId,
      currency_code: input.currency_code.toLowerCase(),
      amount: String(input.amount),
      rules_count: Object.keys(input.rules ?? {}).length,
    }))
    if (rows.length > 0) await db.insert(price).values(rows)
    const rules = prices.flatMap((input, i) =>
      Object.entries(input.rules ?? {}).map(([attribute, value]) => ({
        id: generateId("prule"),
        price_id: rows[i]!.id,
        attribute,
        value,
      })),
    )
    if (rules.length > 0) await db.insert(priceRule).values(rules)
  }
}

function matches(candidate: Candidate, context: PricingContext): boolean {
  return (candidate.rules ?? []).every((rule) => rule.attribute === "region_id" && rule.value === context.region_id)
}

function moreSpecific(a: Candidate, b: Candidate): boolean {
  const rulesA = a.rules?.length ?? 0
  const rulesB = b.rules?.length ?? 0
  if (rulesA !== rulesB) return rulesA > rulesB
  return decimal(a.amount).lt(b.amount)
}
