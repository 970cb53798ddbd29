import { MedusaError } from "../../core/errors"
import { decimal } from "../../core/money"
import type { Scope } from "../../core/container"
import { computeActions, type PromotionContext, type PromotionWithRules } from "../../modules/promotion/compute-actions"
import type { AdjustmentInput } from "../../modules/cart/adjustments"
import { cachedVariantSnapshots } from "../catalog/product-reads"
import { loadCartState, type CartState } from "./cart-view"
import { cachedPromotions } from "./promotion-view"

/** Codes to add or take off, as POST and DELETE /store/carts/:id/promotions send them. */
export interface PromotionChange {
  add?: string[]
  remove?: string[]
}

const automaticPromotions = (scope: Scope) =>
  scope
    .resolve("catalogCache")
    .read("promotions:automatic", ["promotions"], async () => ({
      promotions: await scope.resolve("promotionService").automatic(),
    }))
    .then((cached) => cached.promotions)

/**
 * Medusa's updateCartPromotionsWorkflow, run after every cart change: the applied codes (plus
 * `change`) and every automatic promotion are computed afresh over the cart; codes that give
 * nothing fall off. Writes only when the adjustments change; answers the cart as it now is.
 */
export async function applyPromotions(
  scope: Scope,
  state: CartState,
  change: PromotionChange = {},
): Promise<CartState> {
  const { promotions, automatic } = await promotionsFor(scope, state.promotionIds, change)
  const hadAdjustments = state.itemAdjustments.length + state.methodAdjustments.length > 0
  if (promotions.length === 0 && !hadAdjustments && state.promotionIds.length === 0) return state

  const actions =
    promotions.length === 0 || state.cart.completed_at
      ? []
      : computeActions(promotions, await contextOf(scope, state, promotions))
  const { items, methods, kept } = adjustmentsOf(actions, automatic)
  const unchanged =
    sameAdjustments(state.itemAdjustments, items, "item_id") &&
    sameAdjustments(state.methodAdjustments, methods, "shipping_method_id") &&
    sameSet(state.promotionIds, kept)
  if (unchanged) return state
  const cartPromotions = scope.resolve("cartPromotionService")
  await cartPromotions.replaceAdjustments(state.cart.id, items, methods)
  if (!sameSet(state.promotionIds, kept)) await cartPromotions.setPromotions(state.cart.id, kept)
  return loadCartState(scope, state.cart.id)
}

/**
 * The promotions to compute over a cart or a draft: the applied ones (by id) and the codes of
 * `change.add`, less those of `change.remove`, and every automatic one. An unknown or inactive
 * code is refused with Medusa's message.
 */
export async function promotionsFor(
  scope: Scope,
  appliedIds: readonly string[],
  change: PromotionChange = {},
): Promise<{ promotions: PromotionWithRules[]; automatic: PromotionWithRules[] }> {
  const service = scope.resolve("promotionService")
  const codes = (change.add ?? []).map((code) => code.trim())
  const added = codes.length > 0 ? await service.activeByCodes(codes) : []
  const unknown = codes.filter((code) => !added.some((p) => p.code?.toLowerCase() === code.toLowerCase()))
  if (unknown.length > 0) throw new MedusaError("invalid_data", `The promotion code ${unknown.join(", ")} is invalid`)
  const removed = new Set((change.remove ?? []).map((code) => code.toLowerCase()))
  const applied = appliedIds.length > 0 ? await cachedPromotions(scope, [...appliedIds]) : []
  const automatic = await automaticPromotions(scope)
  const byId = new Map<string, PromotionWithRules>()
  for (const promotion of [...applied, ...added, ...automatic]) {
    if (promotion.code && removed.has(promotion.code.toLowerCase())) continue
    byId.set(promotion.id, promotion)
  }
  return { promotions: [...byId.values()], automatic }
}

/** The actions as adjustment rows, and the (non-automatic) promotions that gave any: the codes that stay applied. */
export function adjustmentsOf(actions: ReturnType<typeof computeActions>, automatic: readonly PromotionWithRules[]) {
  const items: (AdjustmentInput & { item_id: string })[] = []
  const methods: (AdjustmentInput & { shipping_method_id: string })[] = []
  for (const action of actions) {
    const row = { code: action.code, promotion_id: action.promotion_id }
    if (action.action === "addItemAdjustment")
      items.push({ ...row, item_id: action.item_id, amount: action.amount, is_tax_inclusive: action.is_tax_inclusive })
    if (action.action === "addShippingMethodAdjustment")
      methods.push({
        ...row,
        shipping_method_id: action.shipping_method_id,
        amount: action.amount,
        is_tax_inclusive: action.is_tax_inclusive,
      })
  }
  const kept = [...new Set([...items, ...methods].map((row) => row.promotion_id))].filter(
    (id) => !automatic.some((promotion) => promotion.id === id),
  )
  return { items, methods, kept }
}

type Keyed<K extends string> = { amount: string; promotion_id: string | null } & Record<K, string>
function sameAdjustments<K extends string>(stored: readonly Keyed<K>[], next: readonly Keyed<K>[], key: K) {
  const sign = (rows: readonly Keyed<K>[]) =>
    rows
      .map((row) => `${row[key]}:${row.promotion_id}:${decimal(row.amount).toString()}`)
      .sort()
      .join("|")
  return sign(stored) === sign(next)
}
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id))

const rulesOf = (promotion: PromotionWithRules) => [
  ...promotion.rules,
  ...promotion.application_method.target_rules,
  ...promotion.application_method.buy_rules,
]

/** What a cart or a draft shows the promotions' rules: its lines and methods with their undiscounted totals. */
export interface PromotionSubject {
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  customer_id: string | null
  shipping_country_code: string | null
  /** false: no shipping address at all */
  has_shipping_address: boolean
  items: {
    id: string
    quantity: number
    unit_price: string
    is_discountable: boolean
    variant_id: string | null
    product_id: string | null
    original_subtotal: string
    original_total: string
  }[]
  shipping_methods: {
    id: string
    shipping_option_id: string | null
    original_subtotal: string
    original_total: string
  }[]
}

const contextOf = (scope: Scope, state: CartState, promotions: PromotionWithRules[]) =>
  promotionContext(
    scope,
    {
      currency_code: state.cart.currency_code,
      region_id: state.cart.region_id,
      sales_channel_id: state.cart.sales_channel_id,
      customer_id: state.cart.customer_id,
      shipping_country_code: state.shippingAddress?.country_code ?? null,
      has_shipping_address: Boolean(state.shippingAddress),
      items: state.items.map((item, i) => ({
        id: item.id,
        quantity: item.quantity,
        unit_price: item.unit_price,
        is_discountable: item.is_discountable,
        variant_id: item.variant_id,
        product_id: item.product_id,
        original_subtotal: state.itemTotals[i]!.original_subtotal,
        original_total: state.itemTotals[i]!.original_total,
      })),
      shipping_methods: state.shippingMethods.map((method, i) => ({
        id: method.id,
        shipping_option_id: method.shipping_option_id,
        original_subtotal: state.shippingTotals[i]!.original_subtotal,
        original_total: state.shippingTotals[i]!.original_total,
      })),
    },
    promotions,
  )

/** What the promotions' rules look at; product categories and tags are read only when a rule asks. */
export async function promotionContext(
  scope: Scope,
  subject: PromotionSubject,
  promotions: PromotionWithRules[],
): Promise<PromotionContext> {
  const attributes = new Set(promotions.flatMap((promotion) => rulesOf(promotion).map((rule) => rule.attribute)))
  const variantIds = subject.items.flatMap((item) => (item.variant_id ? [item.variant_id] : []))
  const snapshots = await cachedVariantSnapshots(scope, variantIds)
  const productIds = [...new Set(subject.items.flatMap((item) => (item.product_id ? [item.product_id] : [])))]
  const loaders = scope.resolve("productRelationLoaders")
  const none = new Map<string, { id: unknown }[]>()
  const [categories, tags] = await Promise.all([
    productIds.length > 0 && attributes.has("items.product.categories.id")
      ? loaders.categoriesOf(productIds, false)
      : none,
    productIds.length > 0 && attributes.has("items.product.tags.id") ? loaders.tagsOf(productIds) : none,
  ])
  // The customer's groups are read only when a rule looks at them; a guest cart is in none.
  const groups: string[] =
    subject.customer_id && attributes.has("customer.groups.id")
      ? await scope.resolve("customerGroupService").groupIdsOf(subject.customer_id)
      : []
  return {
    currency_code: subject.currency_code,
    region_id: subject.region_id,
    sales_channel_id: subject.sales_channel_id,
    customer: { id: subject.customer_id, groups: groups.map((id) => ({ id })) },
    shipping_address: subject.has_shipping_address ? { country_code: subject.shipping_country_code } : null,
    items: subject.items.map((item) => {
      const product = item.variant_id ? snapshots.get(item.variant_id)?.product : undefined
      const ids = (rows: { id: unknown }[] | undefined) => (rows ?? []).map((row) => ({ id: String(row.id) }))
      return {
        id: item.id,
        quantity: item.quantity,
        unit_price: item.unit_price,
        subtotal: item.original_subtotal,
        original_total: item.original_total,
        is_discountable: item.is_discountable,
        variant_id: item.variant_id,
        product: {
          id: item.product_id,
          collection_id: product?.collection_id ?? null,
          type_id: product?.type_id ?? null,
          categories: item.product_id ? ids(categories.get(item.product_id)) : [],
          tags: item.product_id ? ids(tags.get(item.product_id)) : [],
        },
      }
    }),
    shipping_methods: subject.shipping_methods.map((method) => ({
      id: method.id,
      subtotal: method.original_subtotal,
      original_total: method.original_total,
      shipping_option_id: method.shipping_option_id,
    })),
  }
}
