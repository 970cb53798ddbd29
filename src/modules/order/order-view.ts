import type { Scope } from "../../core/container"
import { decimal, toJsonNumber } from "../../core/money"
import { taxLinesFor, totalsToJson } from "../../core/totals"
import type { PaymentService } from "../payment/service"
import type { ProductService } from "../product/service"
import type { Order, OrderService } from "./service"

type Json = Record<string, unknown>

function fulfillmentStatus(lines: { id: string; quantity: number }[], fulfilled: Map<string, number>) {
  const done = lines.reduce((sum, line) => sum + Math.min(fulfilled.get(line.id) ?? 0, line.quantity), 0)
  const total = lines.reduce((sum, line) => sum + line.quantity, 0)
  return done === 0 ? "not_fulfilled" : done < total ? "partially_fulfilled" : "fulfilled"
}

// Medusa's order payment_status from the collection's status.
const PAYMENT_STATUS: Record<string, string> = { authorized: "authorized", completed: "captured", canceled: "canceled", awaiting: "awaiting", not_paid: "not_paid" }

/** An order as Medusa's Store API shows it, from its snapshot: totals never move after completion. */
export async function orderJson(scope: Scope, orderId: string): Promise<Json> {
  const order = await scope.resolve<OrderService>("orderService").retrieve(orderId)
  const [json] = await ordersJson(scope, [order])
  return json!
}

/** Several orders in a fixed number of statements, whatever their number. */
export async function ordersJson(scope: Scope, orders: Order[]): Promise<Json[]> {
  const service = scope.resolve<OrderService>("orderService")
  const ids = orders.map((order) => order.id)
  const items = await service.items(ids)
  const methods = await service.shippingMethods(ids)
  const addresses = await service.addresses(orders.flatMap((order) => [order.shipping_address_id, order.billing_address_id]))
  const snapshots = await scope.resolve<ProductService>("productService").variantSnapshots(
    [...new Set(items.map((item) => item.variant_id).filter((id): id is string => !!id))],
  )
  const payments = scope.resolve<PaymentService>("paymentService")
  const collectionIds = orders.map((order) => order.payment_collection_id).filter((id): id is string => !!id)
  const collections = new Map((await payments.collections(collectionIds)).map((collection) => [collection.id, collection]))
  const paid = await payments.payments(collectionIds)
  const fulfilled = await service.fulfilledQuantities(ids)
  const fulfillments = await service.fulfillments(ids)

  return orders.map((order) => {
    const collection = order.payment_collection_id ? collections.get(order.payment_collection_id) : undefined
    const ownPayments = paid.filter((payment) => payment.payment_collection_id === order.payment_collection_id)
    const captured = ownPayments.reduce((sum, payment) => (payment.captured_at ? sum.plus(payment.amount) : sum), decimal(0))
    const totals = totalsToJson(order.totals)
    const { totals: _totals, cart_id: _cart, ...columns } = order
    return {
      ...columns,
      ...totals,
      payment_status: PAYMENT_STATUS[collection?.status ?? "not_paid"] ?? "not_paid",
      fulfillment_status: fulfillmentStatus(items.filter((item) => item.order_id === order.id), fulfilled),
      fulfillments: fulfillments.filter((fulfillment) => fulfillment.order_id === order.id),
      summary: {
        current_order_total: totals.total,
        original_order_total: totals.total,
        paid_total: toJsonNumber(captured),
        refunded_total: 0,
        transaction_total: toJsonNumber(captured),
        pending_difference: toJsonNumber(decimal(order.totals.total!).minus(captured)),
      },
      items: items
        .filter((item) => item.order_id === order.id)
        .map((item) => {
          const snapshot = item.variant_id ? snapshots.get(item.variant_id) : undefined
          const { totals: lineTotals, tax_rate, ...line } = item
          return {
            ...line,
            unit_price: toJsonNumber(item.unit_price),
            ...totalsToJson(lineTotals),
            tax_lines: taxLinesFor(tax_rate, "item_id", item.id),
            adjustments: [],
            detail: {
              item_id: item.id,
              quantity: item.quantity,
              fulfilled_quantity: fulfilled.get(item.id) ?? 0,
              shipped_quantity: 0,
              delivered_quantity: 0,
              return_requested_quantity: 0,
            },
            variant: snapshot ? { ...snapshot.variant, product: snapshot.product } : null,
            product: snapshot?.product ?? null,
          }
        }),
      shipping_methods: methods
        .filter((method) => method.order_id === order.id)
        .map((method) => {
          const { totals: methodTotals, tax_rate, ...rest } = method
          return { ...rest, amount: toJsonNumber(method.amount), ...totalsToJson(methodTotals), tax_lines: taxLinesFor(tax_rate, "shipping_method_id", method.id), adjustments: [] }
        }),
      shipping_address: (order.shipping_address_id && addresses.get(order.shipping_address_id)) || null,
      billing_address: (order.billing_address_id && addresses.get(order.billing_address_id)) || null,
      payment_collections: collection
        ? [{ ...collection, amount: toJsonNumber(collection.amount), payments: ownPayments.map((p) => ({ ...p, amount: toJsonNumber(p.amount) })) }]
        : [],
    }
  })
}
