import Big from "big.js"
import { decimal, toJsonNumber } from "./money"

/** Minor-unit digits of a currency (2 for EUR, 0 for JPY, 3 for KWD), from the runtime's ISO 4217 data. */
const digitsOf = new Map<string, number>()

export function currencyDigits(currencyCode: string): number {
  const code = currencyCode.toUpperCase()
  let digits = digitsOf.get(code)
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      digits = 2
    }
    // Intl's formatter is costly to build and the answer never changes: once per currency and isolate.
    if (/^[A-Z]{3}$/.test(code)) digitsOf.set(code, digits)
  }
  return digits
}

export interface PricedLine {
  unit_price: string
  quantity: number
  is_tax_inclusive: boolean
  /** percent */
  tax_rate: string
}

/** Totals of one line, as decimal strings: exact, with tax rounded half-up to the currency's minor unit. */
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

/**
 * A line's totals. An exclusive price gets its tax added; an inclusive one holds it, and the
 * tax is taken out of it, so that subtotal + tax always equals what the shopper pays.
 */
export function lineTotals(line: PricedLine, digits: number): LineTotals {
  const gross = decimal(line.unit_price).times(line.quantity)
  const rate = decimal(line.tax_rate).div(100)
  let subtotal: Big
  let tax: Big
  if (line.is_tax_inclusive) {
    subtotal = gross.div(rate.plus(1)).round(digits, Big.roundHalfUp)
    tax = gross.minus(subtotal)
  } else {
    subtotal = gross
    tax = gross.times(rate).round(digits, Big.roundHalfUp)
  }
  const total = subtotal.plus(tax)
  const zero = "0"
  return {
    unit_price: decimal(line.unit_price).toString(),
    subtotal: subtotal.toString(),
    tax_total: tax.toString(),
    total: total.toString(),
    original_total: total.toString(),
    original_subtotal: subtotal.toString(),
    original_tax_total: tax.toString(),
    discount_total: zero,
    discount_subtotal: zero,
    discount_tax_total: zero,
  }
}

const sum = (values: string[]) => values.reduce((acc, value) => acc.plus(value), decimal(0))

/** Medusa's cart and order totals, from line and shipping totals. */
export function documentTotals(items: LineTotals[], shipping: LineTotals[]) {
  const pick = (lines: LineTotals[], key: keyof LineTotals) => sum(lines.map((line) => line[key]))
  const itemSubtotal = pick(items, "subtotal")
  const itemTax = pick(items, "tax_total")
  const shippingSubtotal = pick(shipping, "subtotal")
  const shippingTax = pick(shipping, "tax_total")
  const subtotal = itemSubtotal.plus(shippingSubtotal)
  const taxTotal = itemTax.plus(shippingTax)
  const total = subtotal.plus(taxTotal)
  const values: Record<string, Big> = {
    item_subtotal: itemSubtotal,
    item_tax_total: itemTax,
    item_total: itemSubtotal.plus(itemTax),
    original_item_subtotal: itemSubtotal,
    original_item_tax_total: itemTax,
    original_item_total: itemSubtotal.plus(itemTax),
    item_discount_total: decimal(0),
    shipping_subtotal: shippingSubtotal,
    shipping_tax_total: shippingTax,
    shipping_total: shippingSubtotal.plus(shippingTax),
    original_shipping_subtotal: shippingSubtotal,
    original_shipping_tax_total: shippingTax,
    original_shipping_total: shippingSubtotal.plus(shippingTax),
    shipping_discount_total: decimal(0),
    subtotal,
    tax_total: taxTotal,
    total,
    original_total: total,
    original_subtotal: subtotal,
    original_tax_total: taxTotal,
    discount_total: decimal(0),
    discount_subtotal: decimal(0),
    discount_tax_total: decimal(0),
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
