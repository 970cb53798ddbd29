import { eq, inArray } from "drizzle-orm"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import {
  cartLineItem,
  cartLineItemAdjustment,
  cartPromotion,
  cartShippingMethod,
  cartShippingMethodAdjustment,
} from "./schema"

/** What a promotion takes off one line or shipping method. */
export interface AdjustmentInput {
  code: string | null
  amount: string
  is_tax_inclusive: boolean
  promotion_id: string
}

/** A cart's applied codes and its promotions' adjustments: the only writer of those tables. */
export class CartPromotionService {
  constructor(private readonly db: Db) {}

  /** Replaces every adjustment of the cart's lines and methods, as Medusa recomputes them on each change. */
  async replaceAdjustments(
    cartId: string,
    items: (AdjustmentInput & { item_id: string })[],
    methods: (AdjustmentInput & { shipping_method_id: string })[],
  ): Promise<void> {
    await this.db
      .delete(cartLineItemAdjustment)
      .where(
        inArray(
          cartLineItemAdjustment.item_id,
          this.db.select({ id: cartLineItem.id }).from(cartLineItem).where(eq(cartLineItem.cart_id, cartId)),
        ),
      )
    await this.db
      .delete(cartShippingMethodAdjustment)
      .where(
        inArray(
          cartShippingMethodAdjustment.shipping_method_id,
          this.db
            .select({ id: cartShippingMethod.id })
            .from(cartShippingMethod)
            .where(eq(cartShippingMethod.cart_id, cartId)),
        ),
      )
    if (items.length > 0)
      await this.db.insert(cartLineItemAdjustment).values(items.map((row) => ({ ...row, id: generateId("caliadj") })))
    if (methods.length > 0)
      await this.db
        .insert(cartShippingMethodAdjustment)
        .values(methods.map((row) => ({ ...row, id: generateId("casmadj") })))
  }

  /** The codes the cart keeps: only those that gave an adjustment stay, as in Medusa. */
  async setPromotions(cartId: string, promotionIds: string[]): Promise<void> {
    await this.db.delete(cartPromotion).where(eq(cartPromotion.cart_id, cartId))
    if (promotionIds.length > 0)
      await this.db
        .insert(cartPromotion)
        .values(promotionIds.map((promotion_id) => ({ cart_id: cartId, promotion_id })))
        .onConflictDoNothing()
  }
}
