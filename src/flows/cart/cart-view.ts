import type { Scope } from "../../core/container"
import { toJsonNumber } from "../../core/money"
import { documentTotals, lineTotals, taxLinesFor, totalsToJson, type LineTotals } from "../../core/totals"
import { paymentCollectionJson } from "../../modules/payment/view"
import { adjustmentJson, appliedPromotionsJson } from "./promotion-view"
import { cachedVariantSnapshots } from "../catalog/product-reads"
import { cachedRegion, cachedTaxRate } from "../../modules/region/catalog-reads"
import type { Region } from "../../modules/region/service"
import type {
  Cart,
  CartAddress,
  CartLineItem,
  CartLineItemAdjustment,
  CartShippingMethod,
  CartShippingMethodAdjustment,
} from "../../modules/cart/service"

type Json = Record<string, unknown>

/** A cart with everything its totals depend on. */
export interface CartState {
  cart: Cart
  region: Region | null
  regionCountries: Record<string, unknown>[]
  regionPaymentProviders: Record<string, unknown>[]
  items: CartLineItem[]
  shippingMethods: CartShippingMethod[]
  itemAdjustments: CartLineItemAdjustment[]
  methodAdjustments: CartShippingMethodAdjustment[]
  /** the promotions whose codes the shopper applied (automatic ones show in the adjustments) */
  promotionIds: string[]
  shippingAddress: CartAddress | null
  billingAddress: CartAddress | null
  /** percent; "0" without a tax address or when the region does not compute taxes */
  taxRate: string
  itemTotals: LineTotals[]
  shippingTotals: LineTotals[]
  totals: Record<string, string>
}

/** The cart (one statement, locked with `forUpdate`) and its totals; region and tax rate come from the catalog cache. */
export async function loadCartState(
  scope: Scope,
  by: string | { paymentCollectionId: string },
  options: { forUpdate?: boolean } = {},
): Promise<CartState> {
  const document = await scope
    .resolve("cartService")
    .retrieveDocument(typeof by === "string" ? { id: by } : by, options)
  const { cart, items, shippingMethods, shippingAddress, billingAddress, itemAdjustments, methodAdjustments } = document
  const cached = cart.region_id ? await cachedRegion(scope, cart.region_id) : null
  const region = cached?.region ?? null
  const country = shippingAddress?.country_code
  const taxRate =
    region?.automatic_taxes && country
      ? await cachedTaxRate(scope, { country_code: country, province_code: shippingAddress?.province ?? undefined })
      : "0"
  const itemTotals = items.map((item) =>
    lineTotals(
      { ...item, tax_rate: taxRate },
      itemAdjustments.filter((adjustment) => adjustment.item_id === item.id),
    ),
  )
  const shippingTotals = shippingMethods.map((method) =>
    lineTotals(
      { unit_price: method.amount, quantity: 1, is_tax_inclusive: method.is_tax_inclusive, tax_rate: taxRate },
      methodAdjustments.filter((adjustment) => adjustment.shipping_method_id === method.id),
    ),
  )
  return {
    cart,
    region,
    regionCountries: cached?.countries ?? [],
    regionPaymentProviders: cached?.paymentProviders ?? [],
    items,
    shippingMethods,
    itemAdjustments,
    methodAdjustments,
    promotionIds: document.promotionIds,
    shippingAddress,
    billingAddress,
    taxRate,
    itemTotals,
    shippingTotals,
    totals: documentTotals(itemTotals, shippingTotals),
  }
}

/** The cart as Medusa's Store API shows it: totals, items with variant and product, methods, addresses, region, payment. */
export async function cartJson(scope: Scope, state: CartState): Promise<Json> {
  const { cart, region } = state
  const variantIds = state.items.map((item) => item.variant_id).filter((id): id is string => !!id)
  const snapshots = await cachedVariantSnapshots(scope, variantIds)
  const countries = state.regionCountries

  return {
    id: cart.id,
    currency_code: cart.currency_code,
    email: cart.email,
    region_id: cart.region_id,
    customer_id: cart.customer_id,
    sales_channel_id: cart.sales_channel_id,
    locale: cart.locale,
    metadata: cart.metadata,
    created_at: cart.created_at,
    updated_at: cart.updated_at,
    completed_at: cart.completed_at,
    ...totalsToJson(state.totals),
    items: state.items.map((item, i) => {
      const snapshot = item.variant_id ? snapshots.get(item.variant_id) : undefined
      return {
        ...item,
        unit_price: toJsonNumber(item.unit_price),
        ...totalsToJson(state.itemTotals[i]!),
        tax_lines: taxLinesFor(state.taxRate, "item_id", item.id),
        adjustments: state.itemAdjustments.filter((adjustment) => adjustment.item_id === item.id).map(adjustmentJson),
        variant: snapshot ? { ...snapshot.variant, product: snapshot.product } : null,
        product: snapshot?.product ?? null,
      }
    }),
    shipping_methods: state.shippingMethods.map((method, i) => ({
      ...method,
      amount: toJsonNumber(method.amount),
      ...totalsToJson(state.shippingTotals[i]!),
      tax_lines: taxLinesFor(state.taxRate, "shipping_method_id", method.id),
      adjustments: state.methodAdjustments
        .filter((adjustment) => adjustment.shipping_method_id === method.id)
        .map(adjustmentJson),
    })),
    shipping_address: state.shippingAddress,
    billing_address: state.billingAddress,
    region: region ? { ...region, countries } : null,
    promotions: await appliedPromotionsJson(scope, state),
    payment_collection: cart.payment_collection_id
      ? await paymentCollectionJson(scope, cart.payment_collection_id)
      : null,
  }
}
