import type { Scope } from "../../core/container"
import { generateId } from "../../core/ids"
import type { Order } from "../../modules/order/service"
import type { AdjustmentInput } from "../../modules/cart/adjustments"
import { computeActions } from "../../modules/promotion/compute-actions"
import { adjustmentsOf, type PromotionChange, promotionContext, promotionsFor } from "../cart/promotions"
import { appliedPromotionsJson } from "../cart/promotion-view"
import { type DraftContext, type DraftLine, type DraftMethod, priceDraft } from "./pricing"

type Json = Record<string, unknown>

/** The codes a draft carries: the non-automatic promotions of `order.promotions`. */
export const appliedPromotionIds = (draft: Pick<Order, "promotions">) =>
  (draft.promotions ?? []).flatMap((promotion) =>
    promotion.is_automatic !== true && typeof promotion.id === "string" ? [promotion.id] : [],
  )

/** A draft's adjustments, as registerPromotionUsage counts them. */
export const draftAdjustments = (items: { adjustments: Json[] }[], methods: { adjustments: Json[] }[]) => {
  const of = (owners: { adjustments: Json[] }[]) =>
    owners.flatMap((owner) =>
      (owner.adjustments ?? []).map((adjustment) => ({
        promotion_id: (adjustment.promotion_id as string | null) ?? null,
        amount: String(adjustment.amount),
      })),
    )
  return { itemAdjustments: of(items), methodAdjustments: of(methods) }
}

/**
 * A draft's promotions computed afresh, as a cart's after every change: its applied codes (plus
 * `change`) and every automatic promotion over its lines and methods at their undiscounted totals.
 * Answers the lines and methods with their adjustments (the snapshot complete-cart writes) and
 * `order.promotions` as complete-cart writes it; an unknown or inactive code is refused.
 */
export async function promoteDraft(
  tx: Scope,
  context: DraftContext,
  taxRate: string,
  appliedIds: readonly string[],
  change: PromotionChange,
  lines: DraftLine[],
  methods: DraftMethod[],
): Promise<{ lines: DraftLine[]; methods: DraftMethod[]; promotions: Json[] }> {
  const { promotions, automatic } = await promotionsFor(tx, appliedIds, change)
  const bare = priceDraft(
    taxRate,
    lines.map((line) => ({ ...line, adjustments: [] })),
    methods.map((method) => ({ ...method, adjustments: [] })),
  )
  // New lines have no id until they are stored: they are named by their place for the computation.
  const itemKey = (line: DraftLine, i: number) => line.id ?? `new_item_${i}`
  const methodKey = (method: DraftMethod, i: number) => method.id ?? `new_method_${i}`
  const actions =
    promotions.length === 0
      ? []
      : computeActions(
          promotions,
          await promotionContext(
            tx,
            {
              currency_code: context.currency_code,
              region_id: context.region_id,
              sales_channel_id: context.sales_channel_id,
              customer_id: context.customer_id,
              shipping_country_code: context.country_code,
              has_shipping_address: context.country_code !== null,
              items: lines.map((line, i) => ({
                id: itemKey(line, i),
                quantity: line.quantity,
                unit_price: line.unit_price,
                is_discountable: line.is_discountable,
                variant_id: line.variant_id,
                product_id: line.product_id,
                original_subtotal: bare.items[i]!.totals.original_subtotal,
                original_total: bare.items[i]!.totals.original_total,
              })),
              shipping_methods: methods.map((method, i) => ({
                id: methodKey(method, i),
                shipping_option_id: method.shipping_option_id,
                original_subtotal: bare.shipping_methods[i]!.totals.original_subtotal,
                original_total: bare.shipping_methods[i]!.totals.original_total,
              })),
            },
            promotions,
          ),
        )
  const rows = adjustmentsOf(actions, automatic)
  const snapshotOf = (prefix: string, row: AdjustmentInput) => ({
    id: generateId(prefix),
    code: row.code,
    amount: row.amount,
    is_tax_inclusive: row.is_tax_inclusive,
    promotion_id: row.promotion_id,
    description: null,
    provider_id: null,
  })
  const adjustedLines = lines.map((line, i) => ({
    ...line,
    adjustments: rows.items.filter((row) => row.item_id === itemKey(line, i)).map((row) => snapshotOf("ordliadj", row)),
  }))
  const adjustedMethods = methods.map((method, i) => ({
    ...method,
    adjustments: rows.methods
      .filter((row) => row.shipping_method_id === methodKey(method, i))
      .map((row) => snapshotOf("ordsmadj", row)),
  }))
  const applied = await appliedPromotionsJson(tx, draftAdjustments(adjustedLines, adjustedMethods))
  return { lines: adjustedLines, methods: adjustedMethods, promotions: applied }
}

/** The promotions a draft carries, as `order.promotions` (written only when they change). */
export async function saveDraftPromotions(tx: Scope, draft: Pick<Order, "id" | "promotions">, promotions: Json[]) {
  if (JSON.stringify(draft.promotions ?? []) === JSON.stringify(promotions)) return
  await tx.resolve("orderService").setDraftPromotions(draft.id, promotions)
}
