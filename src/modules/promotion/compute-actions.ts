/**
 * Medusa v2's promotion `computeActions`, as a pure function.
 *
 * Follows the newer Medusa code (about v2.10–2.12, "[latest]" in the research notes) where it differs from 2.0.0:
 * - only `status: "active"` promotions whose campaign (if any) runs at `now` are considered;
 * - `application_method.currency_code`, when set, must equal the cart currency;
 * - order of application: buy-get first, then `application_method.value` descending (stable otherwise);
 * - fixed `each` is per unit: `min(value × min(qty, max_quantity ?? 1), remaining, unit × (max_quantity ?? 1))`;
 * - `once` spends one `max_quantity` quota over the lines, cheapest unit price first;
 * - `is_tax_inclusive` promotions work on the gross base (`original_total`); the running "already applied" amount
 *   per line is kept net of tax and converted with `original_total / subtotal`;
 * - results ≤ 0.0001 (MEDUSA_EPSILON) are dropped;
 * - rule operators as in the newer `evaluateRuleValueCondition`;
 * - buy-get repeats up to `max_quantity` (default 1) applications and honours `type`/`value`.
 *
 * Where this module chooses on its own (documented so the cart side knows):
 * - fixed `across` gives the last eligible line `value − Σ earlier shares`, so the parts add up to `value`
 *   exactly (Medusa leaves a ~1e-20 residue); a line's cap still applies and the excess is lost, as in Medusa;
 * - the gross base of tax-inclusive promotions, the epsilon and the line cap are applied uniformly to items,
 *   shipping methods and buy-get targets (Medusa's shipping/buy-get code always uses `subtotal`);
 * - `is_discountable: false` items are never targets (also for buy-get) but still count as "buy" units;
 * - a budget `limit` of "0" is a real limit (nothing may be used); `null` means unlimited;
 * - malformed decimal strings never throw: such a promotion or line is skipped.
 *
 * All money is big.js (`Big.DP = 20` from src/core/money.ts); amounts come out as plain decimal strings, unrounded.
 */
import type Big from "big.js"
import { decimal } from "../../core/money"

export interface PromotionRule {
  attribute: string
  operator: "eq" | "ne" | "in" | "gt" | "gte" | "lt" | "lte"
  values: string[]
}

export interface PromotionWithRules {
  id: string
  code: string | null
  type: "standard" | "buyget"
  status: "draft" | "active" | "inactive"
  is_automatic: boolean
  is_tax_inclusive: boolean
  campaign: {
    id: string
    starts_at: Date | string | null
    ends_at: Date | string | null
    budget: {
      id: string
      type: "spend" | "usage"
      limit: string | null
      used: string
      currency_code: string | null
    } | null
  } | null
  application_method: {
    type: "fixed" | "percentage"
    target_type: "items" | "shipping_methods" | "order"
    allocation: "each" | "across" | "once" | null
    value: string
    currency_code: string | null
    max_quantity: number | null
    apply_to_quantity: number | null
    buy_rules_min_quantity: number | null
    target_rules: PromotionRule[]
    buy_rules: PromotionRule[]
  }
  rules: PromotionRule[]
}

/** What the rules look at: the cart and, per line, the product's attributes. */
export interface PromotionContext {
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  customer: { id: string | null; groups: { id: string }[] }
  shipping_address: { country_code: string | null } | null
  items: {
    id: string
    quantity: number
    unit_price: string
    subtotal: string
    original_total: string
    is_discountable: boolean
    product: {
      id: string | null
      collection_id: string | null
      type_id: string | null
      categories: { id: string }[]
      tags: { id: string }[]
    }
    variant_id: string | null
  }[]
  shipping_methods: { id: string; subtotal: string; original_total: string; shipping_option_id: string | null }[]
}

export type PromotionAction =
  | {
      action: "addItemAdjustment"
      item_id: string
      amount: string
      code: string
      promotion_id: string
      is_tax_inclusive: boolean
    }
  | {
      action: "addShippingMethodAdjustment"
      shipping_method_id: string
      amount: string
      code: string
      promotion_id: string
      is_tax_inclusive: boolean
    }
  | { action: "campaignBudgetExceeded"; code: string; promotion_id: string }

/** Medusa's MEDUSA_EPSILON default: computed amounts at or below it count as zero. */
export const PROMOTION_EPSILON = "0.0001"

// ---------------------------------------------------------------------------------------------------------------
// Rule evaluation

const hasOwn = (object: object, key: string): boolean => Object.hasOwn(object, key)

/**
 * Values at a dot path, flattening arrays on the way, over own properties only.
 * `null`/`undefined` on the way or at the end yield no value; a key that is not an own property of an object on the
 * path (an unknown attribute, `__proto__`, `constructor`, …) or a path that runs into a primitive yields
 * `undefined` — the caller treats that as "rule fails". Final values must be strings, numbers or booleans.
 */
export function pickValues(path: string, root: unknown): string[] | undefined {
  if (!path) return undefined
  let nodes: unknown[] = [root]
  for (const segment of path.split(".")) {
    const next: unknown[] = []
    const stack = [...nodes]
    while (stack.length) {
      const node = stack.shift()
      if (node === null || node === undefined) continue
      if (Array.isArray(node)) {
        stack.unshift(...node)
        continue
      }
      if (typeof node !== "object" || !hasOwn(node, segment)) return undefined
      next.push((node as Record<string, unknown>)[segment])
    }
    nodes = next
  }
  const out: string[] = []
  const stack = [...nodes]
  while (stack.length) {
    const value = stack.shift()
    if (value === null || value === undefined) continue
    if (Array.isArray(value)) {
      stack.unshift(...value)
      continue
    }
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out.push(String(value))
    else return undefined
  }
  return out
}

function parse(value: unknown): Big | null {
  if (typeof value !== "string" && typeof value !== "number") return null
  if (typeof value === "string" && value.trim() === "") return null
  try {
    return decimal(value)
  } catch {
    return null
  }
}

function compareNumeric(contextValue: string, ruleValue: string, operator: "gt" | "gte" | "lt" | "lte"): boolean {
  const left = parse(contextValue)
  const right = parse(ruleValue)
  if (!left || !right) return false
  return left[operator](right)
}

/** Medusa [latest] `evaluateRuleValueCondition`: context values on the left, rule values as the set. */
export function evaluateRule(ruleValues: string[], operator: string, contextValues: string[]): boolean {
  if (!contextValues.length) return operator === "ne"
  const set = new Set(ruleValues)
  switch (operator) {
    case "eq":
      return contextValues.every((value) => set.has(value))
    case "in":
      return contextValues.some((value) => set.has(value))
    case "ne":
      return contextValues.every((value) => !set.has(value))
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return contextValues.every((value) => ruleValues.some((ruleValue) => compareNumeric(value, ruleValue, operator)))
    default:
      return false
  }
}

/** Every rule must pass; an empty list passes. `prefix` ("items." / "shipping_methods.") is stripped from the front. */
export function areRulesValid(rules: PromotionRule[] | null | undefined, context: unknown, prefix?: string): boolean {
  if (!rules?.length) return true
  return rules.every((rule) => {
    if (!rule || typeof rule.attribute !== "string" || !rule.attribute) return false
    const values = Array.isArray(rule.values) ? rule.values.filter((v): v is string => typeof v === "string") : []
    if (!values.length) return false
    const path = prefix && rule.attribute.startsWith(prefix) ? rule.attribute.slice(prefix.length) : rule.attribute
    const contextValues = pickValues(path, context)
    if (contextValues === undefined) return false
    return evaluateRule(values, rule.operator, contextValues)
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Lines

interface Line {
  key: string
  id: string
  kind: "item" | "shipping"
  quantity: Big
  subtotal: Big
  originalTotal: Big
  /** Sort key for `once`: unit price of an item, amount of a shipping method. */
  unitPrice: Big
  discountable: boolean
  ruleContext: unknown
}

type Applied = Map<string, Big>

const ZERO = decimal(0)
const EPSILON = decimal(PROMOTION_EPSILON)

const minBig = (a: Big, b: Big): Big => (a.lt(b) ? a : b)

function base(line: Line, taxInclusive: boolean): Big {
  return taxInclusive ? line.originalTotal : line.subtotal
}

/** What is already applied to the line (kept net of tax), in the promotion's base. */
function appliedInBase(line: Line, applied: Applied, taxInclusive: boolean): Big {
  const net = applied.get(line.key) ?? ZERO
  if (!taxInclusive || net.eq(0)) return net
  return net.times(line.originalTotal).div(line.subtotal)
}

function recordApplied(line: Line, applied: Applied, amount: Big, taxInclusive: boolean): void {
  const net = taxInclusive ? amount.times(line.subtotal).div(line.originalTotal) : amount
  applied.set(line.key, (applied.get(line.key) ?? ZERO).plus(net))
}

/** The line can carry a discount in this base (both totals positive, so the net/gross conversion is defined). */
function hasBase(line: Line, taxInclusive: boolean): boolean {
  return line.quantity.gt(0) && line.subtotal.gt(0) && (!taxInclusive || line.originalTotal.gt(0))
}

function buildLines(context: PromotionContext): { items: Line[]; shipping: Line[] } {
  const items: Line[] = []
  for (const item of Array.isArray(context.items) ? context.items : []) {
    if (!item || typeof item.id !== "string") continue
    const quantity = parse(item.quantity)
    const subtotal = parse(item.subtotal)
    const originalTotal = parse(item.original_total) ?? subtotal
    if (!quantity || !subtotal || !originalTotal) continue
    items.push({
      key: `item:${item.id}`,
      id: item.id,
      kind: "item",
      quantity,
      subtotal,
      originalTotal,
      unitPrice: parse(item.unit_price) ?? (quantity.gt(0) ? subtotal.div(quantity) : ZERO),
      discountable: item.is_discountable !== false,
      ruleContext: item,
    })
  }
  const shipping: Line[] = []
  for (const method of Array.isArray(context.shipping_methods) ? context.shipping_methods : []) {
    if (!method || typeof method.id !== "string") continue
    const subtotal = parse(method.subtotal)
    const originalTotal = parse(method.original_total) ?? subtotal
    if (!subtotal || !originalTotal) continue
    shipping.push({
      key: `shipping:${method.id}`,
      id: method.id,
      kind: "shipping",
      quantity: decimal(1),
      subtotal,
      originalTotal,
      unitPrice: subtotal,
      discountable: true,
      ruleContext: {
        ...method,
        shipping_option: method.shipping_option_id == null ? null : { id: method.shipping_option_id },
      },
    })
  }
  return { items, shipping }
}

const CART_PATHS = [
  "currency_code",
  "region_id",
  "region.id",
  "sales_channel_id",
  "customer.id",
  "customer.groups.id",
  "shipping_address.country_code",
]
const ITEM_PATHS = [
  "id",
  "quantity",
  "unit_price",
  "subtotal",
  "original_total",
  "is_discountable",
  "variant_id",
  "product.id",
  "product.collection_id",
  "product.type_id",
  "product.categories.id",
  "product.tags.id",
]
const METHOD_PATHS = ["id", "subtotal", "original_total", "shipping_option_id", "shipping_option.id"]
const under = (prefix: string, paths: string[]) => paths.map((path) => `${prefix}.${path}`)

/**
 * The attributes a rule can test, by rule list: the paths the promotion context holds (Medusa's holds
 * the whole cart; a rule on anything else could never match here, so it is refused when written).
 */
export const RULE_ATTRIBUTE_PATHS: Record<"rules" | "target-rules" | "buy-rules", readonly string[]> = {
  rules: [...CART_PATHS, ...under("items", ITEM_PATHS), ...under("shipping_methods", METHOD_PATHS)],
  "target-rules": [
    ...under("items", ITEM_PATHS),
    ...under("shipping_methods", METHOD_PATHS),
    ...ITEM_PATHS,
    ...METHOD_PATHS,
  ],
  "buy-rules": [...under("items", ITEM_PATHS), ...ITEM_PATHS],
}

function cartRuleContext(context: PromotionContext): Record<string, unknown> {
  return {
    currency_code: context.currency_code,
    region_id: context.region_id,
    region: context.region_id == null ? null : { id: context.region_id },
    sales_channel_id: context.sales_channel_id,
    customer: context.customer ?? null,
    shipping_address: context.shipping_address ?? null,
    items: context.items ?? [],
    shipping_methods: (context.shipping_methods ?? []).map((method) => ({
      ...method,
      shipping_option: method?.shipping_option_id == null ? null : { id: method.shipping_option_id },
    })),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Eligibility of a promotion

function toTime(value: Date | string | null): number | null {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value.getTime() : new Date(value).getTime()
}

/** [latest] `listActivePromotions_`: active, and the campaign (if any) has started and not ended. */
function isActive(promotion: PromotionWithRules, now: Date): boolean {
  if (promotion.status !== "active") return false
  const campaign = promotion.campaign
  if (!campaign) return true
  const at = now.getTime()
  const starts = toTime(campaign.starts_at)
  const ends = toTime(campaign.ends_at)
  if (starts !== null && !(starts <= at)) return false
  if (ends !== null && !(ends > at)) return false
  return true
}

function currencyMatches(promotion: PromotionWithRules, context: PromotionContext): boolean {
  const currency = promotion.application_method.currency_code
  if (!currency) return true
  return typeof context.currency_code === "string" && currency.toLowerCase() === context.currency_code.toLowerCase()
}

function budgetExceeded(promotion: PromotionWithRules, amount: Big): boolean {
  const budget = promotion.campaign?.budget
  if (!budget || budget.limit === null || budget.limit === undefined) return false
  const limit = parse(budget.limit)
  if (!limit) return false
  const used = parse(budget.used) ?? ZERO
  const total = budget.type === "spend" ? used.plus(amount) : used.plus(1)
  return total.gt(limit)
}

/** [latest] `sortByBuyGetType`: buy-get first; same type by value desc; buy-get ties by min quantity, then apply qty. */
function comparePromotions(a: Prepared, b: Prepared): number {
  const aBuyGet = a.promotion.type === "buyget"
  const bBuyGet = b.promotion.type === "buyget"
  if (aBuyGet !== bBuyGet) return aBuyGet ? -1 : 1
  const byValue = b.value.cmp(a.value)
  if (byValue !== 0) return byValue
  if (aBuyGet) {
    const am = a.promotion.application_method
    const bm = b.promotion.application_method
    const byMin = (bm.buy_rules_min_quantity ?? 0) - (am.buy_rules_min_quantity ?? 0)
    if (byMin !== 0) return byMin
    return (bm.apply_to_quantity ?? 0) - (am.apply_to_quantity ?? 0)
  }
  return 0
}

interface Prepared {
  promotion: PromotionWithRules
  value: Big
  code: string
}

// ---------------------------------------------------------------------------------------------------------------
// Standard promotions

function addAction(prepared: Prepared, line: Line, amount: Big): PromotionAction {
  const common = {
    amount: amount.toFixed(),
    code: prepared.code,
    promotion_id: prepared.promotion.id,
    is_tax_inclusive: prepared.promotion.is_tax_inclusive === true,
  }
  return line.kind === "item"
    ? { action: "addItemAdjustment", item_id: line.id, ...common }
    : { action: "addShippingMethodAdjustment", shipping_method_id: line.id, ...common }
}

function exceededAction(prepared: Prepared): PromotionAction {
  return { action: "campaignBudgetExceeded", code: prepared.code, promotion_id: prepared.promotion.id }
}

function optionalQuantity(value: number | null | undefined): Big | null {
  if (value === null || value === undefined) return null
  return parse(value)
}

/**
 * `applyPromotionToItems` / `applyPromotionToShippingMethods` of Medusa [latest] on already eligible lines.
 * `maxQuantity` is the application method's `max_quantity` (shipping methods pass 1 for `each`).
 */
function applyStandard(
  prepared: Prepared,
  lines: Line[],
  allocation: "each" | "across" | "once",
  maxQuantity: Big | null,
  applied: Applied,
  out: PromotionAction[],
): void {
  const { promotion, value } = prepared
  const taxInclusive = promotion.is_tax_inclusive === true
  const percentage = promotion.application_method.type === "percentage"

  const emit = (line: Line, amount: Big): boolean => {
    if (budgetExceeded(promotion, amount)) {
      out.push(exceededAction(prepared))
      return false
    }
    recordApplied(line, applied, amount, taxInclusive)
    out.push(addAction(prepared, line, amount))
    return true
  }

  if (allocation === "across") {
    const remaining = lines.map((line) => base(line, taxInclusive).minus(appliedInBase(line, applied, taxInclusive)))
    const total = remaining.reduce((sum, r) => sum.plus(r), ZERO)
    if (total.lte(0)) return
    // Without max_quantity (the only valid across config) the shares add up to exactly `value`: the last line takes
    // what the earlier shares leave.
    const exactSplit = !percentage && maxQuantity === null
    let assigned = ZERO
    lines.forEach((line, index) => {
      let lineAmount = remaining[index]!
      if (maxQuantity?.lt(line.quantity)) {
        lineAmount = base(line, taxInclusive)
          .times(maxQuantity)
          .div(line.quantity)
          .minus(appliedInBase(line, applied, taxInclusive))
      }
      let share = ZERO
      if (!percentage) {
        share = exactSplit && index === lines.length - 1 ? value.minus(assigned) : lineAmount.times(value).div(total)
        assigned = assigned.plus(share)
      }
      if (lineAmount.lte(EPSILON)) return
      const promotionValue = percentage ? value.times(lineAmount).div(100) : share
      const amount = minBig(promotionValue, lineAmount)
      if (amount.lte(EPSILON)) return
      emit(line, amount)
    })
    return
  }

  // each / once
  const once = allocation === "once"
  let quota = once ? (maxQuantity ?? ZERO) : ZERO
  const ordered = once ? [...lines].sort((a, b) => a.unitPrice.cmp(b.unitPrice)) : lines
  for (const line of ordered) {
    if (once && quota.lte(0)) break
    const units = once ? minBig(quota, line.quantity) : (maxQuantity ?? decimal(1))
    const lineBase = base(line, taxInclusive)
    const remaining = lineBase.minus(appliedInBase(line, applied, taxInclusive))
    const unitsAmount = units.gte(line.quantity) ? lineBase : lineBase.times(units).div(line.quantity)
    const applicable = minBig(remaining, unitsAmount)
    if (applicable.lte(EPSILON)) continue
    const promotionValue = percentage ? value.times(applicable).div(100) : value.times(minBig(line.quantity, units))
    const amount = minBig(promotionValue, applicable)
    if (amount.lte(EPSILON)) continue
    if (emit(line, amount) && once) quota = quota.minus(units)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Buy-get

interface Reserved {
  itemId: string
  quantity: Big
}

interface BuyGetState {
  buy: Map<string, Reserved[]>
  target: Map<string, Reserved[]>
}

function remainingQuantities(lines: Line[], reservedByPromotion: Map<string, Reserved[]>, self: string) {
  const remaining = new Map<string, Big>()
  for (const line of lines) {
    let consumed = ZERO
    for (const [key, reserved] of reservedByPromotion) {
      if (key === self) continue
      for (const entry of reserved) if (entry.itemId === line.id) consumed = consumed.plus(entry.quantity)
    }
    const left = line.quantity.minus(consumed)
    remaining.set(line.id, left.gt(0) ? left : ZERO)
  }
  return remaining
}

function addReserved(total: Map<string, Big>, entries: Reserved[]) {
  for (const entry of entries) total.set(entry.itemId, (total.get(entry.itemId) ?? ZERO).plus(entry.quantity))
}

/** `getComputedActionsForBuyGet` of Medusa [latest]. */
function applyBuyGet(
  prepared: Prepared,
  items: Line[],
  applied: Applied,
  state: BuyGetState,
  out: PromotionAction[],
): void {
  const { promotion, value } = prepared
  const method = promotion.application_method
  const minimumBuy = optionalQuantity(method.buy_rules_min_quantity) ?? ZERO
  if (!items.length || minimumBuy.lte(0) || !method.buy_rules?.length) return
  const applyQuantity = optionalQuantity(method.apply_to_quantity) ?? ZERO
  if (applyQuantity.lte(0)) return
  const maximumApply = optionalQuantity(method.max_quantity) ?? decimal(1)
  const taxInclusive = promotion.is_tax_inclusive === true
  const percentage = method.type === "percentage"
  const self = promotion.id

  const bySubtotalDesc = (a: Line, b: Line) => b.subtotal.cmp(a.subtotal)
  const buyLines = items
    .filter((line) => line.quantity.gt(0) && areRulesValid(method.buy_rules, line.ruleContext, "items."))
    .sort(bySubtotalDesc)
  const targetLines = items
    .filter(
      (line) =>
        line.discountable &&
        hasBase(line, taxInclusive) &&
        areRulesValid(method.target_rules, line.ruleContext, "items."),
    )
    .sort(bySubtotalDesc)

  const remainingBuy = remainingQuantities(buyLines, state.buy, self)
  const remainingTarget = remainingQuantities(targetLines, state.target, self)
  const totalBuy = new Map<string, Big>()
  const totalTarget = new Map<string, Big>()
  const amounts = new Map<string, { line: Line; amount: Big }>()
  let appliedQuantity = ZERO

  for (let iteration = 0; iteration < 1000; iteration++) {
    // 1. reserve buy units, most expensive lines first
    const totalRemainingBuy = [...remainingBuy.values()].reduce((sum, q) => sum.plus(q), ZERO)
    if (totalRemainingBuy.lt(minimumBuy)) break
    const buyItems: Reserved[] = []
    let accumulated = ZERO
    for (const line of buyLines) {
      if (accumulated.gte(minimumBuy)) break
      const available = remainingBuy.get(line.id) ?? ZERO
      if (available.lte(0)) continue
      const reservable = minBig(available, minimumBuy.minus(accumulated))
      if (reservable.lte(0)) continue
      buyItems.push({ itemId: line.id, quantity: reservable })
      accumulated = accumulated.plus(reservable)
    }
    if (accumulated.lt(minimumBuy)) break
    const usedInBuy = new Map<string, Big>()
    addReserved(usedInBuy, buyItems)

    // 2. pick target units not used as buy units, within max_quantity
    const targetItems: Reserved[] = []
    let targetQuantity = ZERO
    for (const line of targetLines) {
      const applicable = (remainingTarget.get(line.id) ?? ZERO).minus(usedInBuy.get(line.id) ?? ZERO)
      if (applicable.lte(0)) continue
      const fulfillable = minBig(
        minBig(applyQuantity.minus(targetQuantity), applicable),
        maximumApply.minus(appliedQuantity),
      )
      if (fulfillable.lte(0)) continue
      targetItems.push({ itemId: line.id, quantity: fulfillable })
      targetQuantity = targetQuantity.plus(fulfillable)
      if (targetQuantity.gte(applyQuantity)) break
    }
    if (targetQuantity.lt(applyQuantity)) break

    // 3. discount the target units
    let toApply = applyQuantity
    for (const target of targetItems) {
      if (toApply.lte(0)) break
      const line = targetLines.find((candidate) => candidate.id === target.itemId)!
      const multiplier = minBig(target.quantity, toApply)
      const lineBase = base(line, taxInclusive)
      const unitsAmount = lineBase.times(multiplier).div(line.quantity)
      let amount = percentage ? unitsAmount.times(value).div(100) : minBig(value.times(multiplier), unitsAmount)
      amount = minBig(amount, lineBase.minus(appliedInBase(line, applied, taxInclusive)))
      if (amount.lte(EPSILON)) continue
      toApply = toApply.minus(multiplier)
      if (budgetExceeded(promotion, amount)) {
        out.push(exceededAction(prepared))
        continue
      }
      recordApplied(line, applied, amount, taxInclusive)
      const entry = amounts.get(line.id)
      amounts.set(line.id, { line, amount: entry ? entry.amount.plus(amount) : amount })
      appliedQuantity = appliedQuantity.plus(multiplier)
    }

    // 4. consume the units used in this application
    const consumed = new Map<string, Big>()
    addReserved(consumed, buyItems)
    addReserved(consumed, targetItems)
    for (const [itemId, quantity] of consumed) {
      const buyLeft = remainingBuy.get(itemId)
      if (buyLeft) remainingBuy.set(itemId, buyLeft.minus(quantity))
      const targetLeft = remainingTarget.get(itemId)
      if (targetLeft) remainingTarget.set(itemId, targetLeft.minus(quantity))
    }
    addReserved(totalBuy, buyItems)
    addReserved(totalTarget, targetItems)
  }

  for (const { line, amount } of amounts.values()) if (amount.gt(0)) out.push(addAction(prepared, line, amount))
  state.buy.set(
    self,
    [...totalBuy].map(([itemId, quantity]) => ({ itemId, quantity })),
  )
  state.target.set(
    self,
    [...totalTarget].map(([itemId, quantity]) => ({ itemId, quantity })),
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

/**
 * The adjustments the given promotions produce on the cart, in application order. Pure: inputs are not mutated.
 * The caller passes the applied codes' promotions plus all automatic ones and removes old adjustments itself.
 */
export function computeActions(
  promotions: PromotionWithRules[],
  context: PromotionContext,
  now: Date = new Date(),
): PromotionAction[] {
  const seen = new Set<string>()
  const prepared: Prepared[] = []
  for (const promotion of promotions ?? []) {
    if (!promotion?.application_method || seen.has(promotion.id)) continue
    seen.add(promotion.id)
    if (!isActive(promotion, now) || !currencyMatches(promotion, context)) continue
    const value = parse(promotion.application_method.value)
    if (!value) continue
    prepared.push({ promotion, value, code: promotion.code ?? "" })
  }
  prepared.sort(comparePromotions)

  const { items, shipping } = buildLines(context)
  const cartContext = cartRuleContext(context)
  const applied: Applied = new Map()
  const buyGetState: BuyGetState = { buy: new Map(), target: new Map() }
  const out: PromotionAction[] = []

  for (const entry of prepared) {
    const { promotion } = entry
    const method = promotion.application_method
    if (!areRulesValid(promotion.rules, cartContext)) continue
    const taxInclusive = promotion.is_tax_inclusive === true

    if (promotion.type === "buyget") {
      applyBuyGet(entry, items, applied, buyGetState, out)
      continue
    }
    if (method.target_type === "items" || method.target_type === "order") {
      // Medusa: `allocation || override`, the override being "across" for the order target.
      const allocation = method.allocation ?? (method.target_type === "order" ? "across" : null)
      if (!allocation) continue
      const eligible = items.filter(
        (line) =>
          line.discountable &&
          hasBase(line, taxInclusive) &&
          areRulesValid(method.target_rules, line.ruleContext, "items."),
      )
      if (!eligible.length) continue
      applyStandard(entry, eligible, allocation, optionalQuantity(method.max_quantity), applied, out)
    } else if (method.target_type === "shipping_methods") {
      const allocation = method.allocation
      if (!allocation) continue
      const eligible = shipping.filter(
        (line) =>
          hasBase(line, taxInclusive) && areRulesValid(method.target_rules, line.ruleContext, "shipping_methods."),
      )
      if (!eligible.length) continue
      const maxQuantity =
        allocation === "each" ? decimal(1) : allocation === "once" ? optionalQuantity(method.max_quantity) : null
      applyStandard(entry, eligible, allocation, maxQuantity, applied, out)
    }
  }
  return out
}
