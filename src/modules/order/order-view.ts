import type { Scope } from "../../core/container"
import { decimal, toJsonNumber } from "../../core/money"
import { totalsToJson } from "../../core/totals"
import type { PaymentService } from "../payment/service"
import type { ProductService } from "../product/service"
import type { OrderService } from "./service"

type Json = Record<string, unknown>

const taxLines = (rate: string, owner: string, ownerId: string) =>
  decimal(rate).eq(0) ? [] : [{ rate: toJsonNumber(rate), code: "default", name: "Tax", description: "Tax", provider_id: "system", [owner]: ownerId }]

/** An order as Medusa's Store API shows it, from its snapshot: totals never move after completion. */
export async function orderJson(scope: Scope, orderId: string): Promise<Json> {
  const orders = scope.resolve<OrderService>("orderService")
  const order = await orders.retrieve(orderId)
  const items = await orders.items(order.id)
  const methods = await orders.shippingMethods(order.id)
  const addresses = await orders.addresses([order.shipping_address_id, order.billing_address_id])
  const snapshots = await scope.resolve<ProductService>("productService").variantSnapshots(
    items.map((item) => item.variant_id).filter((id): id is string => !!id),
  )
  const payments = scope.resolve<PaymentService>("paymentService")
  const collectionIds = order.payment_collection_id ? [order.payment_collection_id] : []
  const collection = order.payment_collection_id ? await payments.retrieveCollection(order.payment_collection_id) : null
  const paid = await payments.payments(collectionIds)
  const totals = totalsToJson(order.totals)
  const captured = paid.reduce((sum, payment) => (payment.captured_at ? sum.plus(payment.amount) : sum), decimal(0))

  const { totals: _totals, cart_id: _cart, ...columns } = order
  return {
    ...columns,
    ...totals,
    payment_status: collection?.status === "authorized" ? "authorized" : (collection?.status ?? "not_paid"),
    fulfillment_status: "not_fulfilled",
    summary: {
      current_order_total: totals.total,
      original_order_total: totals.total,
      paid_total: toJsonNumber(captured),
      refunded_total: 0,
      transaction_total: toJsonNumber(captured),
      pending_difference: toJsonNumber(decimal(order.totals.total!).minus(captured)),
    },
    items: items.map((item) => {
      const snapshot = item.variant_id ? snapshots.get(item.variant_id) : undefined
      const { totals: lineTotals, tax_rate, ...line } = item
      return {
        ...line,
        unit_price: toJsonNumber(item.unit_price),
        ...totalsToJson(lineTotals),
        tax_lines: taxLines(tax_rate, "item_id", item.id),
        adjustments: [],
        detail: { item_id: item.id, quantity: item.quantity, fulfilled_quantity: 0, shipped_quantity: 0, delivered_quantity: 0, return_requested_quantity: 0 },
        variant: snapshot ? { ...snapshot.variant, product: snapshot.product } : null,
        product: snapshot?.product ?? null,
      }
    }),
    shipping_methods: methods.map((method) => {
      const { totals: methodTotals, tax_rate, ...rest } = method
      return { ...rest, amount: toJsonNumber(method.amount), ...totalsToJson(methodTotals), tax_lines: taxLines(tax_rate, "shipping_method_id", method.id), adjustments: [] }
    }),
    shipping_address: (order.shipping_address_id && addresses.get(order.shipping_address_id)) || null,
    billing_address: (order.billing_address_id && addresses.get(order.billing_address_id)) || null,
    payment_collections: collection
      ? [{ ...collection, amount: toJsonNumber(collection.amount), payments: paid.map((p) => ({ ...p, amount: toJsonNumber(p.amount) })) }]
      : [],
  }
}
