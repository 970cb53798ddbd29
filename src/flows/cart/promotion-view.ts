import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { decimal, toJsonNumber } from "../../core/money"
import type { CartLineItemAdjustment, CartShippingMethodAdjustment } from "../../modules/cart/service"
import type { PromotionWithRules } from "../../modules/promotion/service"

type Json = Record<string, unknown>
type Adjustment = CartLineItemAdjustment | CartShippingMethodAdjustment
/** An adjustment as far as the applied promotions and their budgets look at it (a cart's row, an order line's snapshot). */
interface AdjustmentAmount {
  promotion_id: string | null
  amount: string
}
/** What of a cart (or a draft order) the promotions touched. */
export interface Adjusted {
  itemAdjustments: readonly AdjustmentAmount[]
  methodAdjustments: readonly AdjustmentAmount[]
}

/**
 * Promotions by id from the catalog cache (any write to a promotion table invalidates it): a
 * cart change reads them without a statement. Budgets are counted against Postgres at completion.
 */
export async function cachedPromotions(scope: Scope, ids: string[]): Promise<PromotionWithRules[]> {
  const found = await scope
    .resolve("catalogCache")
    .readEach(
      "promotion",
      ids,
      ["promotions"],
      async (missing) =>
        new Map((await scope.resolve("promotionService").byIds(missing)).map((promotion) => [promotion.id, promotion])),
    )
  return ids.flatMap((id) => found.get(id) ?? [])
}

export const adjustmentJson = (adjustment: Adjustment) => ({ ...adjustment, amount: toJsonNumber(adjustment.amount) })

/** An order line's copy of its cart line's adjustments (amounts as exact decimal strings). */
export const snapshot = (adjustments: Adjustment[]) =>
  adjustments.map(({ id, code, amount, is_tax_inclusive, promotion_id, description, provider_id }) => ({
    id,
    code,
    amount,
    is_tax_inclusive,
    promotion_id,
    description,
    provider_id,
  }))

const promotionIdsOf = (state: Adjusted) => [
  ...new Set(
    [...state.itemAdjustments, ...state.methodAdjustments].flatMap((a) => (a.promotion_id ? [a.promotion_id] : [])),
  ),
]

/**
 * `cart.promotions` as Medusa shows it: every promotion that gave the cart an adjustment (a code
 * or an automatic one), with its code and application method. No statement for a cart without.
 */
export async function appliedPromotionsJson(scope: Scope, state: Adjusted): Promise<Json[]> {
  const ids = promotionIdsOf(state)
  if (ids.length === 0) return []
  const promotions = await cachedPromotions(scope, ids)
  return promotions.map((promotion) => ({
    id: promotion.id,
    code: promotion.code,
    is_automatic: promotion.is_automatic,
    is_tax_inclusive: promotion.is_tax_inclusive,
    application_method: {
      type: promotion.application_method.type,
      target_type: promotion.application_method.target_type,
      allocation: promotion.application_method.allocation,
      value: toJsonNumber(promotion.application_method.value),
      currency_code: promotion.application_method.currency_code,
    },
  }))
}

/**
 * Counts each applied promotion against its own limit and its campaign's budget (a use, or the
 * amount it took off), in the completing transaction; over either, the checkout is refused as in Medusa.
 */
export async function registerPromotionUsage(tx: Scope, state: Adjusted): Promise<void> {
  const ids = promotionIdsOf(state)
  if (ids.length === 0) return
  const service = tx.resolve("promotionService")
  // The budget's id is all that is read; its count is checked by the conditional update itself.
  for (const promotion of await cachedPromotions(tx, ids)) {
    // A promotion's own limit of uses (Medusa 2.12) is counted the same way: one conditional update.
    if (promotion.limit !== null && !(await service.registerPromotionUse(promotion.id)))
      throw new MedusaError("not_allowed", "Promotion usage exceeds the budget limit.")
    const budget = promotion.campaign?.budget
    if (!budget) continue
    const spent = [...state.itemAdjustments, ...state.methodAdjustments]
      .filter((adjustment) => adjustment.promotion_id === promotion.id)
      .reduce((sum, adjustment) => sum.plus(adjustment.amount), decimal(0))
    const amount = budget.type === "usage" ? "1" : spent.toString()
    if (!(await service.registerUsage(budget.id, amount)))
      throw new MedusaError("not_allowed", "Promotion usage exceeds the budget limit.")
  }
}
