import { toCsv } from "../../core/csv"
import { decimal } from "../../core/money"

type Json = Record<string, unknown>

/** Medusa's order export columns (exportOrdersStep's normalizeOrderForExport), in its order. */
export const ORDER_EXPORT_COLUMNS = [
  "Order_ID",
  "Display_ID",
  "Order status",
  "Date",
  "Customer First name",
  "Customer Last name",
  "Customer Email",
  "Customer ID",
  "Shipping Address 1",
  "Shipping Address 2",
  "Shipping Country Code",
  "Shipping City",
  "Shipping Postal Code",
  "Shipping Region ID",
  "Fulfillment Status",
  "Payment Status",
  "Subtotal",
  "Shipping Total",
  "Discount Total",
  "Gift Card Total",
  "Refunded Total",
  "Tax Total",
  "Total",
  "Currency Code",
] as const

const text = (value: unknown): string => {
  if (value == null) return ""
  if (value instanceof Date) return value.toISOString()
  return String(value)
}
/** An amount as the Admin API's JSON writes it, in plain notation (never `1e-7`), without arithmetic. */
const amount = (value: unknown): string =>
  typeof value === "number" || typeof value === "string" ? decimal(value).toFixed() : ""
const object = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {})

/** One order (as the Admin API shows it) as its export row. */
function orderRow(order: Json): string[] {
  const customer = object(order.customer)
  const shipping = object(order.shipping_address)
  const summary = object(order.summary)
  return [
    text(order.id),
    text(order.display_id),
    text(order.status),
    text(order.created_at),
    text(customer.first_name),
    text(customer.last_name),
    text(customer.email),
    text(customer.id),
    text(shipping.address_1),
    text(shipping.address_2),
    text(shipping.country_code),
    text(shipping.city),
    text(shipping.postal_code),
    text(order.region_id),
    text(order.fulfillment_status),
    text(order.payment_status),
    amount(order.subtotal),
    amount(order.shipping_total),
    amount(order.discount_total),
    amount(order.gift_card_total),
    // What was refunded of the order's payments: the Admin API reports it in the order's summary.
    amount(order.refunded_total ?? summary.refunded_total),
    amount(order.tax_total),
    amount(order.total),
    text(order.currency_code),
  ]
}

/**
 * Medusa's order export as CSV: a row per order, values that would run as spreadsheet formulas
 * guarded with a quote.
 */
export function writeOrderCsv(orders: Json[]): string {
  return toCsv(ORDER_EXPORT_COLUMNS, orders.map(orderRow))
}
