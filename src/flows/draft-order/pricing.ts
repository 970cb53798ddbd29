import { variantLineColumns } from "../catalog/line-columns"
import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { documentTotals, type LineAdjustment, lineTotals } from "../../core/totals"
import { cachedRegion, cachedTaxRate } from "../../modules/region/catalog-reads"
import type { OrderLineItem, OrderShippingMethod } from "../../modules/order/service"
import { cachedLocationIds } from "../../modules/stock-location/catalog-reads"
import { cachedVariantPrices, cachedVariantSnapshots } from "../catalog/product-reads"

/** What a draft is priced for: its region, currency, channel, customer and shipping country. */
export interface DraftContext {
  region_id: string | null
  currency_code: string
  sales_channel_id: string | null
  customer_id: string | null
  country_code: string | null
  province: string | null
}

/** A line of a draft before it is priced: a stored line (with its id) or a new one. */
export type DraftLine = Omit<
  OrderLineItem,
  "id" | "order_id" | "created_at" | "updated_at" | "deleted_at" | "totals"
> & {
  id?: string
}
export type DraftMethod = Omit<
  OrderShippingMethod,
  "id" | "order_id" | "created_at" | "updated_at" | "deleted_at" | "totals"
> & { id?: string }

export interface DraftItemInput {
  variant_id?: string | null
  title?: string | null
  sku?: string | null
  barcode?: string | null
  unit_price?: number | null
  quantity: number
  metadata?: Record<string, unknown> | null
}

export interface DraftShippingInput {
  shipping_option_id: string
  name?: string
  amount?: number | null
  data?: Record<string, unknown> | null
}

const blankLine = {
  subtitle: null,
  thumbnail: null,
  product_id: null,
  product_title: null,
  product_description: null,
  product_subtitle: null,
  product_handle: null,
  product_collection: null,
  product_type: null,
  variant_title: null,
  variant_option_values: null,
  requires_shipping: true,
  is_discountable: true,
  is_tax_inclusive: false,
  tax_rate: "0",
  adjustments: [],
  return_requested_quantity: 0,
  return_received_quantity: 0,
  return_dismissed_quantity: 0,
  written_off_quantity: 0,
}

/**
 * New draft lines: a variant's line snapshots it and takes the price a cart would (its region,
 * currency and customer's groups) unless the merchant gives one; a custom line is its title and price.
 */
export async function newDraftLines(tx: Scope, draft: DraftContext, items: DraftItemInput[]): Promise<DraftLine[]> {
  const ids = [...new Set(items.flatMap((item) => (item.variant_id ? [item.variant_id] : [])))]
  const snapshots = await cachedVariantSnapshots(tx, ids)
  const missing = ids.filter((id) => !snapshots.has(id))
  if (missing.length) throw new MedusaError("invalid_data", `Variants with IDs ${missing.join(", ")} do not exist`)
  const unsold = ids.filter((id) => !snapshots.get(id)!.sales_channel_ids.includes(draft.sales_channel_id ?? ""))
  if (unsold.length)
    throw new MedusaError(
      "invalid_data",
      `Sales channel ${draft.sales_channel_id} is not associated with variants: ${unsold.join(", ")}`,
    )
  const customerId = draft.customer_id
  const prices = await cachedVariantPrices(
    tx,
    ids,
    { currency_code: draft.currency_code, region_id: draft.region_id ?? undefined },
    customerId ? () => tx.resolve("customerGroupService").groupIdsOf(customerId) : undefined,
  )
  const unpriced = items.filter((item) => item.variant_id && item.unit_price == null && !prices.has(item.variant_id))
  if (unpriced.length)
    throw new MedusaError(
      "invalid_data",
      `Variants with IDs ${[...new Set(unpriced.map((item) => item.variant_id))].join(", ")} do not have a price`,
    )
  return items.map((item): DraftLine => {
    if (!item.variant_id) {
      if (!item.title || item.unit_price == null)
        throw new MedusaError("invalid_data", "A custom item needs a title and a unit_price")
      return {
        ...blankLine,
        title: item.title,
        quantity: item.quantity,
        variant_id: null,
        variant_sku: item.sku ?? null,
        variant_barcode: item.barcode ?? null,
        unit_price: String(item.unit_price),
        metadata: item.metadata ?? null,
      }
    }
    const snapshot = snapshots.get(item.variant_id)!
    const price = prices.get(item.variant_id)
    return {
      ...blankLine,
      ...variantLineColumns(snapshot),
      title: item.title ?? snapshot.product.title,
      quantity: item.quantity,
      is_tax_inclusive: item.unit_price == null ? price!.is_calculated_price_tax_inclusive : false,
      unit_price: item.unit_price == null ? price!.amount : String(item.unit_price),
      metadata: item.metadata ?? null,
    }
  })
}

/**
 * A shipping method from an option the draft can ship with (its channel's locations, its shipping
 * country), at the option's price in the draft's currency or at the merchant's amount.
 */
export async function newDraftMethod(tx: Scope, draft: DraftContext, input: DraftShippingInput): Promise<DraftMethod> {
  const locations = await cachedLocationIds(tx, [draft.sales_channel_id ?? ""])
  const [row] = await tx.resolve("fulfillmentService").optionsForCart({
    locationIds: locations,
    countryCode: draft.country_code,
    optionIds: [input.shipping_option_id],
  })
  const price = row
    ? (
        await tx.resolve("pricingService").calculateShippingOptionPrices([row.option.id], {
          currency_code: draft.currency_code,
          region_id: draft.region_id ?? undefined,
        })
      ).get(row.option.id)
    : undefined
  if (!row || (input.amount == null && !price))
    throw new MedusaError(
      "invalid_data",
      `Shipping Options are invalid for draft order. ${input.shipping_option_id} cannot be used.`,
    )
  return {
    name: input.name ?? row.option.name,
    amount: input.amount == null ? price!.amount : String(input.amount),
    is_tax_inclusive: input.amount == null ? price!.is_calculated_price_tax_inclusive : false,
    shipping_option_id: row.option.id,
    tax_rate: "0",
    adjustments: [],
    data: input.data ?? row.option.data ?? null,
    return_id: null,
    exchange_id: null,
    claim_id: null,
    metadata: null,
  }
}

/** The draft's tax rate, as a cart's: its shipping address's, when its region computes taxes. */
export async function draftTaxRate(tx: Scope, draft: DraftContext): Promise<string> {
  const region = draft.region_id ? (await cachedRegion(tx, draft.region_id))?.region : null
  if (!region?.automatic_taxes || !draft.country_code) return "0"
  return cachedTaxRate(tx, { country_code: draft.country_code, province_code: draft.province ?? undefined })
}

/** A line's stored adjustments (the snapshot complete-cart writes) as lineTotals takes them. */
const discountsOf = (adjustments: Record<string, unknown>[] | null | undefined): LineAdjustment[] =>
  (adjustments ?? []).map((adjustment) => ({
    amount: String(adjustment.amount),
    is_tax_inclusive: Boolean(adjustment.is_tax_inclusive),
  }))

/** Lines and methods with their totals at the rate, and the draft's totals: the cart's formulas, nothing rounded. */
export function priceDraft(taxRate: string, lines: DraftLine[], methods: DraftMethod[]) {
  const itemTotals = lines.map((line) => lineTotals({ ...line, tax_rate: taxRate }, discountsOf(line.adjustments)))
  const methodTotals = methods.map((method) =>
    lineTotals(
      {
        unit_price: method.amount,
        quantity: 1,
        is_tax_inclusive: method.is_tax_inclusive,
        tax_rate: taxRate,
      },
      discountsOf(method.adjustments),
    ),
  )
  return {
    items: lines.map((line, i) => ({ ...line, tax_rate: taxRate, totals: { ...itemTotals[i]! } })),
    shipping_methods: methods.map((method, i) => ({ ...method, tax_rate: taxRate, totals: { ...methodTotals[i]! } })),
    totals: documentTotals(itemTotals, methodTotals),
  }
}
