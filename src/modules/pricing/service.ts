import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm"
import { generateId } from "../../core/ids"
import { decimal, rawAmount, toJsonNumber } from "../../core/money"
import { groupBy, type Row } from "../../core/query/graph"
import type { PricingContext } from "../../core/query/context"
import type { Db } from "../../infra/db"
import {
  price,
  priceList,
  priceListRule,
  pricePreference,
  priceRule,
  priceSet,
  productVariantPriceSet,
  shippingOptionPriceSet,
} from "./schema"

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
  /** the exact calculated amount, for arithmetic */
  amount: string
  /** the exact original amount */
  original: string
}

/** A price that may apply to an owner (a variant, a shipping option): its rules and, for a price list's price, the list's. */
export interface PriceCandidate {
  owner_id: string
  price_id: string
  price_set_id: string
  amount: string
  min_quantity: number | null
  max_quantity: number | null
  rules: { attribute: string; value: string }[] | null
  price_list_id: string | null
  price_list_type: "sale" | "override" | null
  starts_at: string | Date | null
  ends_at: string | Date | null
  list_rules: { attribute: string; value: string[] }[] | null
}

/** What the choice of prices needs from Postgres: plain data, so the catalog cache can hold it. */
export interface PriceCandidates {
  candidates: PriceCandidate[]
  tax_inclusive: boolean
}

type PriceSetLink = typeof productVariantPriceSet | typeof shippingOptionPriceSet
type OwnerColumn = typeof productVariantPriceSet.variant_id | typeof shippingOptionPriceSet.shipping_option_id

export class PricingService {
  constructor(private readonly db: Db) {}

  /**
   * The price of each variant in a context, as Medusa's calculatePrices chooses it: the default
   * price is the most specific one whose rules match (a region price over a currency price), then
   * the lowest; an active price list's price whose window, list rules and price rules match
   * replaces it (override) or undercuts it when lower (sale).
   */
  async calculateVariantPrices(variantIds: string[], context: PricingContext): Promise<Map<string, CalculatedPrice>> {
    return choosePrices(await this.variantPriceCandidates(variantIds, context), context)
  }

  async calculateShippingOptionPrices(
    optionIds: string[],
    context: PricingContext,
  ): Promise<Map<string, CalculatedPrice>> {
    return choosePrices(
      await this.candidates(shippingOptionPriceSet, shippingOptionPriceSet.shipping_option_id, optionIds, context),
      context,
    )
  }

  /** The candidates of variants in a currency and region (whoever the customer, whenever): what the catalog cache keeps. */
  variantPriceCandidates(variantIds: string[], context: PricingContext): Promise<PriceCandidates> {
    return this.candidates(productVariantPriceSet, productVariantPriceSet.variant_id, variantIds, context)
  }

  private async candidates(
    link: PriceSetLink,
    ownerColumn: OwnerColumn,
    ownerIds: string[],
    context: PricingContext,
  ): Promise<PriceCandidates> {
    if (ownerIds.length === 0) return { candidates: [], tax_inclusive: false }
    const currency = context.currency_code.toLowerCase()
    const [candidates, taxInclusive] = await Promise.all([
      this.db
        .select({
          owner_id: ownerColumn,
          price_id: price.id,
          price_set_id: price.price_set_id,
          amount: price.amount,
          min_quantity: price.min_quantity,
          max_quantity: price.max_quantity,
          rules: sql`json_agg(json_build_object('attribute', ${priceRule.attribute}, 'value', ${priceRule.value})) filter (where ${priceRule.id} is not null)`,
          price_list_id: price.price_list_id,
          price_list_type: priceList.type,
          starts_at: priceList.starts_at,
          ends_at: priceList.ends_at,
          list_rules: sql`(select json_agg(json_build_object('attribute', ${priceListRule.attribute}, 'value', ${priceListRule.value})) from ${priceListRule} where ${priceListRule.price_list_id} = ${priceList.id} and ${priceListRule.deleted_at} is null)`,
        })
        .from(link)
        .innerJoin(
          price,
          and(eq(price.price_set_id, link.price_set_id), eq(price.currency_code, currency), isNull(price.deleted_at)),
        )
        // Only an active list's prices are candidates; its window is checked when prices are chosen.
        .leftJoin(
          priceList,
          and(eq(priceList.id, price.price_list_id), eq(priceList.status, "active"), isNull(priceList.deleted_at)),
        )
        .leftJoin(priceRule, and(eq(priceRule.price_id, price.id), isNull(priceRule.deleted_at)))
        .where(and(inArray(ownerColumn, ownerIds), or(isNull(price.price_list_id), isNotNull(priceList.id))))
        .groupBy(ownerColumn, price.id, priceList.id),
      this.isTaxInclusive(context),
    ])
    return { candidates: candidates as PriceCandidate[], tax_inclusive: taxInclusive }
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
      // A price list's prices are the list's, not the variant's own (the dashboard edits those apart).
      .innerJoin(
        price,
        and(eq(price.price_set_id, link.price_set_id), isNull(price.deleted_at), isNull(price.price_list_id)),
      )
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
      .where(and(eq(price.price_set_id, priceSetId), isNull(price.deleted_at), isNull(price.price_list_id)))
    await this.insertPrices(this.db, [{ priceSetId, prices }])
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

  /** A new price set for each of many variants, in a few statements whatever their number (a product's variants). */
  async createVariantsPrices(entries: { variantId: string; prices: PriceInput[] }[]) {
    if (entries.length === 0) return
    const sets = entries.map((entry) => ({ ...entry, priceSetId: generateId("pset") }))
    await this.db.transaction(async (tx) => {
      const db = tx as unknown as Db
      await db.insert(priceSet).values(sets.map((set) => ({ id: set.priceSetId })))
      await this.insertPrices(db, sets)
      await db
        .insert(productVariantPriceSet)
        .values(sets.map((set) => ({ variant_id: set.variantId, price_set_id: set.priceSetId })))
    })
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
    await this.insertPrices(db, [{ priceSetId, prices }])
    await link(db, priceSetId)
    return priceSetId
  }

  /** The prices of each set, in one statement (and one for their rules), whatever their number. */
  private async insertPrices(db: Db, sets: { priceSetId: string; prices: PriceInput[] }[]) {
    const entries = sets.flatMap(({ priceSetId, prices }) =>
      prices.map((input) => ({
        input,
        row: {
          id: generateId("price"),
          price_set_id: priceSetId,
          currency_code: input.currency_code.toLowerCase(),
          amount: String(input.amount),
          rules_count: Object.keys(input.rules ?? {}).length,
        },
      })),
    )
    if (entries.length > 0) await db.insert(price).values(entries.map((entry) => entry.row))
    const rules = entries.flatMap(({ input, row }) =>
      Object.entries(input.rules ?? {}).map(([attribute, value]) => ({
        id: generateId("prule"),
        price_id: row.id,
        attribute,
        value,
      })),
    )
    if (rules.length > 0) await db.insert(priceRule).values(rules)
  }
}

/** The attribute of a rule on the customer's groups, as Medusa names it. */
export const CUSTOMER_GROUPS = "customer.groups.id"

/** The flat context rules are matched against: Medusa's attribute names, a customer's groups as a list. */
function ruleContext(context: PricingContext): Record<string, string | string[] | undefined> {
  return {
    region_id: context.region_id,
    currency_code: context.currency_code.toLowerCase(),
    [CUSTOMER_GROUPS]: context.customer_group_ids ?? [],
  }
}

const valuesOf = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat())

/** Prices without a quantity context: those for one unit (Medusa's min_quantity <= 1 or none). */
const forOneUnit = (candidate: PriceCandidate) => candidate.min_quantity === null || candidate.min_quantity <= 1

function priceRulesMatch(candidate: PriceCandidate, context: Record<string, string | string[] | undefined>): boolean {
  return (candidate.rules ?? []).every((rule) => valuesOf(context[rule.attribute]).includes(rule.value))
}

/** A list rule holds when the context has one of its values (a customer in any of the named groups). */
function listApplies(
  candidate: PriceCandidate,
  context: Record<string, string | string[] | undefined>,
  now: number,
): boolean {
  const starts = candidate.starts_at === null ? null : new Date(candidate.starts_at).getTime()
  const ends = candidate.ends_at === null ? null : new Date(candidate.ends_at).getTime()
  if ((starts !== null && starts > now) || (ends !== null && ends < now)) return false
  return (candidate.list_rules ?? []).every((rule) =>
    valuesOf(context[rule.attribute]).some((value) => rule.value.includes(value)),
  )
}

const rulesCount = (candidate: PriceCandidate) => (candidate.rules?.length ?? 0) + (candidate.list_rules?.length ?? 0)

/** Medusa's order of candidates: more rules first, then the lower amount. */
function better(a: PriceCandidate, b: PriceCandidate): boolean {
  if (rulesCount(a) !== rulesCount(b)) return rulesCount(a) > rulesCount(b)
  return decimal(a.amount).lt(b.amount)
}

const reference = (candidate: PriceCandidate): PriceReference => ({
  id: candidate.price_id,
  price_list_id: candidate.price_list_id,
  price_list_type: candidate.price_list_type,
  min_quantity: candidate.min_quantity,
  max_quantity: candidate.max_quantity,
})

/** Chooses each owner's calculated and original price among its candidates, for this context, now. */
export function choosePrices(
  { candidates, tax_inclusive }: PriceCandidates,
  context: PricingContext,
  now = Date.now(),
): Map<string, CalculatedPrice> {
  const flat = ruleContext(context)
  const defaults = new Map<string, PriceCandidate>()
  const listed = new Map<string, PriceCandidate>()
  for (const candidate of candidates) {
    if (!forOneUnit(candidate) || !priceRulesMatch(candidate, flat)) continue
    const isListed = candidate.price_list_id !== null
    if (isListed && !listApplies(candidate, flat, now)) continue
    const chosen = isListed ? listed : defaults
    const current = chosen.get(candidate.owner_id)
    if (!current || better(candidate, current)) chosen.set(candidate.owner_id, candidate)
  }
  const result = new Map<string, CalculatedPrice>()
  for (const ownerId of new Set([...defaults.keys(), ...listed.keys()])) {
    const base = defaults.get(ownerId)
    const list = listed.get(ownerId)
    let calculated = (base ?? list)!
    let original = base ?? list!
    if (list?.price_list_type === "override") calculated = original = list
    else if (list && (!base || decimal(list.amount).lte(base.amount))) calculated = list
    result.set(ownerId, {
      id: calculated.price_set_id,
      currency_code: context.currency_code.toLowerCase(),
      calculated_amount: toJsonNumber(calculated.amount),
      raw_calculated_amount: rawAmount(calculated.amount),
      original_amount: toJsonNumber(original.amount),
      raw_original_amount: rawAmount(original.amount),
      is_calculated_price_price_list: calculated.price_list_id !== null,
      is_calculated_price_tax_inclusive: tax_inclusive,
      is_original_price_price_list: original.price_list_id !== null,
      is_original_price_tax_inclusive: tax_inclusive,
      calculated_price: reference(calculated),
      original_price: reference(original),
      amount: calculated.amount,
      original: original.amount,
    })
  }
  return result
}
