import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { childRows, fromRowJson, qualified as q } from "../../core/query/row-json"
import type { Db } from "../../infra/db"
import {
  cart,
  cartAddress,
  cartLineItem,
  cartLineItemAdjustment,
  cartPromotion,
  cartShippingMethod,
  cartShippingMethodAdjustment,
} from "./schema"

export type Cart = typeof cart.$inferSelect
export type CartLineItem = typeof cartLineItem.$inferSelect
export type CartShippingMethod = typeof cartShippingMethod.$inferSelect
export type CartAddress = typeof cartAddress.$inferSelect
export type CartLineItemAdjustment = typeof cartLineItemAdjustment.$inferSelect
export type CartShippingMethodAdjustment = typeof cartShippingMethodAdjustment.$inferSelect
export type AddressInput = Partial<Omit<CartAddress, "id" | "created_at" | "updated_at" | "deleted_at">>
export type NewLineItem = Omit<typeof cartLineItem.$inferInsert, "id" | "cart_id">

/** Carts, their lines, addresses and shipping methods: the only writer of those tables. */
export class CartService {
  constructor(private readonly db: Db) {}

  async create(input: Omit<typeof cart.$inferInsert, "id">) {
    const [created] = await this.db
      .insert(cart)
      .values({ ...input, id: generateUnguessableId("cart") })
      .returning()
    return created!
  }

  /**
   * The cart with its lines, shipping methods and addresses in one statement (locked with
   * `forUpdate`; only the cart row is locked, which is what edits serialise on).
   */
  async retrieveDocument(by: { id: string } | { paymentCollectionId: string }, options: { forUpdate?: boolean } = {}) {
    const where = "id" in by ? eq(cart.id, by.id) : eq(cart.payment_collection_id, by.paymentCollectionId)
    const query = this.db
      .select({
        cart,
        items: childRows(
          cartLineItem,
          sql`${q(cartLineItem, cartLineItem.cart_id)} = ${q(cart, cart.id)} and ${q(cartLineItem, cartLineItem.deleted_at)} is null`,
          sql`order by ${q(cartLineItem, cartLineItem.created_at)}, ${q(cartLineItem, cartLineItem.id)}`,
        ),
        methods: childRows(
          cartShippingMethod,
          sql`${q(cartShippingMethod, cartShippingMethod.cart_id)} = ${q(cart, cart.id)} and ${q(cartShippingMethod, cartShippingMethod.deleted_at)} is null`,
          sql`order by ${q(cartShippingMethod, cartShippingMethod.created_at)}`,
        ),
        addresses: childRows(
          cartAddress,
          sql`${q(cartAddress, cartAddress.id)} in (${q(cart, cart.shipping_address_id)}, ${q(cart, cart.billing_address_id)})`,
        ),
        itemAdjustments: childRows(
          cartLineItemAdjustment,
          sql`${q(cartLineItemAdjustment, cartLineItemAdjustment.item_id)} in (select ${q(cartLineItem, cartLineItem.id)} from ${cartLineItem} where ${q(cartLineItem, cartLineItem.cart_id)} = ${q(cart, cart.id)})`,
          sql`order by ${q(cartLineItemAdjustment, cartLineItemAdjustment.id)}`,
        ),
        methodAdjustments: childRows(
          cartShippingMethodAdjustment,
          sql`${q(cartShippingMethodAdjustment, cartShippingMethodAdjustment.shipping_method_id)} in (select ${q(cartShippingMethod, cartShippingMethod.id)} from ${cartShippingMethod} where ${q(cartShippingMethod, cartShippingMethod.cart_id)} = ${q(cart, cart.id)})`,
          sql`order by ${q(cartShippingMethodAdjustment, cartShippingMethodAdjustment.id)}`,
        ),
        promotionIds: sql<
          string[]
        >`coalesce((select json_agg(${q(cartPromotion, cartPromotion.promotion_id)} order by ${q(cartPromotion, cartPromotion.created_at)}) from ${cartPromotion} where ${q(cartPromotion, cartPromotion.cart_id)} = ${q(cart, cart.id)}), '[]')`,
      })
      .from(cart)
      .where(and(where, isNull(cart.deleted_at)))
    const [found] = options.forUpdate ? await query.for("update", { of: cart }) : await query
    if (!found) {
      throw new MedusaError(
        "not_found",
        "id" in by
          ? `Cart with id: ${by.id} was not found`
          : `Payment collection with id: ${by.paymentCollectionId} was not found`,
      )
    }
    const addresses = new Map(found.addresses.map((json) => fromRowJson(cartAddress, json)).map((row) => [row.id, row]))
    return {
      cart: found.cart,
      items: found.items.map((json) => fromRowJson(cartLineItem, json)),
      shippingMethods: found.methods.map((json) => fromRowJson(cartShippingMethod, json)),
      itemAdjustments: found.itemAdjustments.map((json) => fromRowJson(cartLineItemAdjustment, json)),
      methodAdjustments: found.methodAdjustments.map((json) => fromRowJson(cartShippingMethodAdjustment, json)),
      /** the promotions whose codes the shopper applied */
      promotionIds: found.promotionIds,
      shippingAddress: (found.cart.shipping_address_id && addresses.get(found.cart.shipping_address_id)) || null,
      billingAddress: (found.cart.billing_address_id && addresses.get(found.cart.billing_address_id)) || null,
    }
  }

  async update(id: string, patch: Partial<Omit<Cart, "id" | "created_at">>) {
    const [updated] = await this.db
      .update(cart)
      .set({ ...patch, updated_at: sql`now()` })
      .where(eq(cart.id, id))
      .returning()
    return updated!
  }

  async createAddress(input: AddressInput): Promise<CartAddress> {
    const [created] = await this.db
      .insert(cartAddress)
      .values({
        ...input,
        id: generateUnguessableId("caaddr"),
        country_code: input.country_code?.toLowerCase() ?? null,
      })
      .returning()
    return created!
  }

  async addresses(ids: (string | null)[]): Promise<Map<string, CartAddress>> {
    const wanted = ids.filter((id): id is string => !!id)
    if (wanted.length === 0) return new Map()
    const rows = await this.db.select().from(cartAddress).where(inArray(cartAddress.id, wanted))
    return new Map(rows.map((row) => [row.id, row]))
  }

  async items(cartId: string): Promise<CartLineItem[]> {
    return this.db
      .select()
      .from(cartLineItem)
      .where(and(eq(cartLineItem.cart_id, cartId), isNull(cartLineItem.deleted_at)))
      .orderBy(asc(cartLineItem.created_at), asc(cartLineItem.id))
  }

  async addItem(cartId: string, item: NewLineItem) {
    const [created] = await this.db
      .insert(cartLineItem)
      .values({ ...item, id: generateUnguessableId("cali"), cart_id: cartId })
      .returning()
    return created!
  }

  async updateItem(
    itemId: string,
    patch: Partial<Pick<CartLineItem, "quantity" | "metadata" | "unit_price" | "is_tax_inclusive">>,
  ) {
    await this.db
      .update(cartLineItem)
      .set({ ...patch, updated_at: sql`now()` })
      .where(eq(cartLineItem.id, itemId))
  }

  async deleteItem(itemId: string) {
    await this.db.delete(cartLineItem).where(eq(cartLineItem.id, itemId))
  }

  /** A cart ships each profile once: a new method replaces the one of the same profile. */
  async setShippingMethod(cartId: string, method: Omit<typeof cartShippingMethod.$inferInsert, "id" | "cart_id">) {
    await this.db
      .delete(cartShippingMethod)
      .where(
        and(
          eq(cartShippingMethod.cart_id, cartId),
          method.shipping_profile_id
            ? eq(cartShippingMethod.shipping_profile_id, method.shipping_profile_id)
            : sql`true`,
        ),
      )
    await this.db.insert(cartShippingMethod).values({ ...method, id: generateUnguessableId("casm"), cart_id: cartId })
  }

  async deleteShippingMethods(ids: string[]) {
    if (ids.length > 0) await this.db.delete(cartShippingMethod).where(inArray(cartShippingMethod.id, ids))
  }
}
