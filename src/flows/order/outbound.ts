import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { variantLineColumns } from "../catalog/line-columns"
import { cachedVariantPrices, cachedVariantSnapshots } from "../catalog/product-reads"
import { ChangeAction } from "../../modules/order/change-actions"
import type { Order, OrderLineItem } from "../../modules/order/service"
import { type AddedLine, addedLineTotals, newLineId } from "./changes"

export interface OutboundItemInput {
  variant_id: string
  quantity: number
  unit_price?: number | null
  internal_note?: string | null
  allow_backorder?: boolean
  metadata?: Record<string, unknown> | null
}

/** The tax rate new lines of an order take: its lines' rate (one per order), else its address's. */
async function orderTaxRate(tx: Scope, order: Order, lines: OrderLineItem[]) {
  if (lines[0]) return lines[0].tax_rate
  const address = order.shipping_address_id
    ? (await tx.resolve("orderService").documents([order.id]))[0]?.shippingAddress
    : null
  return address ? tx.resolve("taxService").rateFor({ country_code: address.country_code ?? "" }) : "0"
}

/**
 * ITEM_ADD actions for variants sent out by an edit, exchange or claim: each line priced as a
 * cart would price it for the order's customer (or at the merchant's unit price), taxed at the
 * order's rate; the action's amount is the new line's total.
 */
export async function outboundItemActions(
  tx: Scope,
  order: Order,
  lines: OrderLineItem[],
  items: OutboundItemInput[],
  owner: { exchange_id?: string | null; claim_id?: string | null; reference: string; reference_id: string },
) {
  const ids = [...new Set(items.map((item) => item.variant_id))]
  const snapshots = await cachedVariantSnapshots(tx, ids)
  const missing = ids.filter((id) => !snapshots.has(id))
  if (missing.length) throw new MedusaError("invalid_data", `Variants with IDs ${missing.join(", ")} do not exist`)
  const customerId = order.customer_id
  const prices = await cachedVariantPrices(
    tx,
    ids,
    { currency_code: order.currency_code, region_id: order.region_id ?? undefined },
    customerId ? () => tx.resolve("customerGroupService").groupIdsOf(customerId) : undefined,
  )
  const taxRate = await orderTaxRate(tx, order, lines)
  return items.map((item) => {
    const snapshot = snapshots.get(item.variant_id)!
    const price = prices.get(item.variant_id)
    if (!price && item.unit_price == null)
      throw new MedusaError("invalid_data", `Variants with IDs ${item.variant_id} do not have a price`)
    const line: AddedLine = {
      id: newLineId(),
      order_id: order.id,
      ...variantLineColumns(snapshot),
      quantity: item.quantity,
      requires_shipping: true,
      is_tax_inclusive: item.unit_price == null ? price!.is_calculated_price_tax_inclusive : false,
      unit_price: item.unit_price == null ? price!.raw_calculated_amount.value : String(item.unit_price),
      tax_rate: taxRate,
      adjustments: [],
      return_requested_quantity: 0,
      return_received_quantity: 0,
      return_dismissed_quantity: 0,
      written_off_quantity: 0,
      metadata: item.metadata ?? null,
    }
    return {
      action: ChangeAction.ITEM_ADD,
      reference: owner.reference,
      reference_id: owner.reference_id,
      exchange_id: owner.exchange_id ?? null,
      claim_id: owner.claim_id ?? null,
      internal_note: item.internal_note ?? null,
      details: {
        reference_id: line.id,
        quantity: item.quantity,
        unit_price: line.unit_price,
        variant_id: item.variant_id,
        allow_backorder: item.allow_backorder ?? false,
        line,
      },
      amount: addedLineTotals(line, item.quantity).total,
    }
  })
}
