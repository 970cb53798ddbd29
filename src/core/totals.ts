import type Big from "big.js"
import { decimal, toJsonNumber } from "./money"

export interface PricedLine {
  unit_price: string
  quantity: number
  is_tax_inclusive: boolean
  /** percent */
  tax_rate: string
}

/** Totals of one line, as exact decimal strings: nothing is rounded, as in Medusa's getLineItemTotals. */
export interface LineTotals {
  unit_price: string
  subtotal: string
  tax_total: string
  total: string
  original_total: string
  original_subtotal: string
  original_tax_total: string
  discount_total: string
  discount_subtotal: string
  discount_tax_total: string
}

/** A promotion's discount on a line, as stored: its amount includes tax when `is_tax_inclusive`. */
export interface LineAdjustment {
  amount: string
  is_tax_inclusive: boolean
}

/**
 * A line's totals, with Medusa's formulas: an exclusive price gets its tax added; an inclusive
 * one holds it, and the tax is taken out of it, so that subtotal + tax always equals what the
 * shopper pays. Discounts come off before tax (tax is on subtotal − discount_subtotal), and
 * an adjustment's own amount is net or gross of tax as it says. Nothing is rounded: Medusa keeps
 * BigNumber's exact values (divisions to 20 decimal places, as Big.DP) and so do we.
 */
export function lineTotals(line: PricedLine, adjustments: readonly LineAdjustment[] = []): LineTotals {
  const gross = decimal(line.unit_price).times(line.quantity)
  const rate = decimal(line.tax_rate).div(100)
  const subtotal = line.is_tax_inclusive ? gross.div(rate.plus(1)) : gross
  // Inclusive: the tax is what is left of the price, so subtotal + tax is exactly what the shopper pays.
  const originalTax = line.is_tax_inclusive ? gross.minus(subtotal) : gross.times(rate)
  let discountSubtotal = decimal(0)
  for (const adjustment of adjustments) {
    const amount = decimal(adjustment.amount)
    discountSubtotal = discountSubtotal.plus(adjustment.is_tax_inclusive ? amount.div(rate.plus(1)) : amount)
  }
  // A discount never takes a line below zero.
  if (discountSubtotal.gt(subtotal)) discountSubtotal = subtotal
  const discounted = adjustments.length > 0
  const tax = discounted ? subtotal.minus(discountSubtotal).times(rate) : originalTax
  const discountTax = originalTax.minus(tax)
  const total = subtotal.minus(discountSubtotal).plus(tax)
  const originalTotal = subtotal.plus(originalTax)
  return {
    unit_price: decimal(line.unit_price).toString(),
    subtotal: subtotal.toString(),
    tax_total: tax.toString(),
    total: total.toString(),
    original_total: originalTotal.toString(),
    original_subtotal: subtotal.toString(),
    original_tax_total: originalTax.toString(),
    discount_total: discountSubtotal.plus(discountTax).toString(),
    discount_subtotal: discountSubtotal.toString(),
    discount_tax_total: discountTax.toString(),
  }
}

const sum = (values: string[]) => values.reduce((acc, value) => acc.plus(value), decimal(0))

/** Medusa's cart and order totals, from line and shipping totals. */
export function documentTotals(items: LineTotals[], shipping: LineTotals[]) {
  const pick = (lines: LineTotals[], key: keyof LineTotals) => sum(lines.map((line) => line[key]))
  const both = (key: keyof LineTotals) => pick(items, key).plus(pick(shipping, key))
  const values: Record<string, Big> = {
    item_subtotal: pick(items, "subtotal"),
    item_tax_total: pick(items, "tax_total"),
    item_total: pick(items, "total"),
    original_item_subtotal: pick(items, "original_subtotal"),
    original_item_tax_total: pick(items, "original_tax_total"),
    original_item_total: pick(items, "original_total"),
    item_discount_total: pick(items, "discount_total"),
    shipping_subtotal: pick(shipping, "subtotal"),
    shipping_tax_total: pick(shipping, "tax_total"),
    shipping_total: pick(shipping, "total"),
    original_shipping_subtotal: pick(shipping, "original_subtotal"),
    original_shipping_tax_total: pick(shipping, "original_tax_total"),
    original_shipping_total: pick(shipping, "original_total"),
    shipping_discount_total: pick(shipping, "discount_total"),
    subtotal: both("subtotal"),
    tax_total: both("tax_total"),
    total: both("total"),
    original_total: both("original_total"),
    original_subtotal: both("original_subtotal"),
    original_tax_total: both("original_tax_total"),
    discount_total: both("discount_total"),
    discount_subtotal: both("discount_subtotal"),
    discount_tax_total: both("discount_tax_total"),
    gift_card_total: decimal(0),
    gift_card_tax_total: decimal(0),
    credit_line_total: decimal(0),
  }
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.toString()])) as Record<
    string,
    string
  >
}

/** Decimal strings → JSON numbers, for the wire. */
export function totalsToJson(totals: Record<string, string> | LineTotals): Record<string, number> {
  return Object.fromEntries(Object.entries(totals).map(([key, value]) => [key, toJsonNumber(value)]))
}

/** The tax line of a cart or order line at a rate (none at 0 %), as Medusa's `tax_lines`. */
export function taxLinesFor(rate: string, owner: "item_id" | "shipping_method_id", ownerId: string) {
  if (decimal(rate).eq(0)) return []
  return [
    {
      rate: toJsonNumber(rate),
      code: "default",
      name: "Tax",
      description: "Tax",
      provider_id: "system",
      [owner]: ownerId,
    },
  ]
}
