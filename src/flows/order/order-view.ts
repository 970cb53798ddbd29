import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { decimal, toJsonNumber } from "../../core/money"
import { taxLinesFor, totalsToJson } from "../../core/totals"
import { withJsonAmounts } from "../../modules/payment/query-config"
import { cachedVariantSnapshots } from "../catalog/product-reads"
import type { OrderFulfillmentService } from "../../modules/order/fulfillment-service"
import type { Order, OrderLineItem, OrderService } from "../../modules/order/service"

type Json = Record<string, unknown>

type Fulfillment = Awaited<ReturnType<OrderFulfillmentService["fulfillments"]>>[number]

/**
 * Medusa's order fulfillment_status (getLastFulfillmentStatus): each live fulfillment counts by
 * its furthest step (delivered, shipped, else fulfilled); "partially_" while some fulfillments are
 * behind that step or some units are not fulfilled at all.
 */
export function fulfillmentStatus(
  lines: { id: string; quantity: number }[],
  fulfilled: Map<string, number>,
  fulfillments: Fulfillment[],
) {
  const live = fulfillments.filter((fulfillment) => !fulfillment.canceled_at)
  if (fulfillments.length > 0 && live.length === 0) return "canceled"
  if (live.length === 0) return "not_fulfilled"
  const unfulfilled = lines.some((line) => (fulfilled.get(line.id) ?? 0) < line.quantity)
  const delivered = live.filter((fulfillment) => fulfillment.delivered_at).length
  const shipped = live.filter((fulfillment) => !fulfillment.delivered_at && fulfillment.shipped_at).length
  const [count, step] =
    delivered > 0 ? [delivered, "delivered"] : shipped > 0 ? [shipped, "shipped"] : [live.length, "fulfilled"]
  return count === live.length && !unfulfilled ? step : `partially_${step}`
}

/** Units of each line in live (not canceled) fulfillments. */
function fulfilledQuantities(fulfillments: Fulfillment[]) {
  const totals = new Map<string, number>()
  for (const fulfillment of fulfillments) {
    if (fulfillment.canceled_at) continue
    for (const item of fulfillment.items)
      totals.set(item.line_item_id, (totals.get(item.line_item_id) ?? 0) + item.quantity)
  }
  return totals
}

/** Units of each line in fulfillments that have reached a step (shipped, delivered). */
function quantitiesAt(fulfillments: Fulfillment[], step: "shipped_at" | "delivered_at") {
  const totals = new Map<string, number>()
  for (const fulfillment of fulfillments) {
    if (fulfillment.canceled_at || !fulfillment[step]) continue
    for (const item of fulfillment.items)
      totals.set(item.line_item_id, (totals.get(item.line_item_id) ?? 0) + item.quantity)
  }
  return totals
}

/**
 * A fulfillment as Medusa shows it: requires_shipping when any of its lines does, its items with
 * their line's title, SKU and barcode, and no shipping option (every fulfillment is the manual
 * provider's, so none is a pick-up).
 */
function fulfillmentJson(fulfillment: Fulfillment, lines: OrderLineItem[]) {
  const lineOf = (id: string) => lines.find((line) => line.id === id)
  return {
    ...fulfillment,
    packed_at: fulfillment.created_at,
    requires_shipping: fulfillment.items.some((item) => lineOf(item.line_item_id)?.requires_shipping ?? true),
    shipping_option_id: null,
    shipping_option: null,
    data: {},
    created_by: null,
    marked_shipped_by: null,
    items: fulfillment.items.map((item) => {
      const line = lineOf(item.line_item_id)
      return {
        ...item,
        id: `${fulfillment.id}_${item.line_item_id}`,
        title: line?.title ?? "",
        sku: line?.variant_sku ?? "",
        barcode: line?.variant_barcode ?? "",
        inventory_item_id: null,
      }
    }),
  }
}

// Medusa's order payment_status from the collection's status.
const PAYMENT_STATUS: Record<string, string> = {
  authorized: "authorized",
  completed: "captured",
  canceled: "canceled",
  awaiting: "awaiting",
  not_paid: "not_paid",
}

/** Medusa's getLastPaymentStatus for one collection: any refund outranks the collection's status. */
function paymentStatus(collection: { status: string; amount: string; refunded_amount: string | null } | undefined) {
  if (collection && decimal(collection.refunded_amount ?? 0).gt(0)) {
    return decimal(collection.refunded_amount!).eq(collection.amount) ? "refunded" : "partially_refunded"
  }
  return PAYMENT_STATUS[collection?.status ?? "not_paid"] ?? "not_paid"
}

/** The orders' region and sales channel (catalog data, from the catalog cache) and customer (one statement). */
async function relatedOf(scope: Scope, orders: Order[]) {
  const distinct = (key: "region_id" | "sales_channel_id" | "customer_id") => [
    ...new Set(orders.map((order) => order[key]).filter((id): id is string => !!id)),
  ]
  const catalog = scope.resolve("catalogCache")
  const regions = await catalog.readEach<Json>("region-row", distinct("region_id"), ["regions"], async (ids) => {
    const { rows } = await scope
      .resolve("regionService")
      .list({ id: ids }, { field: "id", direction: "asc" }, { limit: ids.length, offset: 0 })
    return new Map(rows.map((region) => [region.id, region]))
  })
  const channels = await catalog.readEach<Json>(
    "sales-channel-row",
    distinct("sales_channel_id"),
    ["channels"],
    async (ids) => {
      const rows = await scope.resolve("salesChannelService").byIds(ids)
      return new Map(rows.map((channel) => [channel.id, channel]))
    },
  )
  const customers = await scope.resolve("customerService").byIds(distinct("customer_id"))
  return {
    regions,
    channels,
    customers: new Map<string, Json>(customers.map((customer) => [customer.id, customer])),
  }
}

/** The shipping profile of each product (the fulfillment form matches it with the shipping option's), from the catalog cache. */
async function shippingProfilesOf(scope: Scope, productIds: string[]): Promise<Map<string, Json>> {
  if (productIds.length === 0) return new Map()
  const key = `product-shipping-profiles:${[...productIds].sort().join(",")}`
  return scope.resolve("catalogCache").readMap(key, ["products", "shipping"], async () => {
    const links = await scope.resolve("productRelationLoaders").shippingProfileLinksOf(productIds)
    const rows = await scope
      .resolve("shippingProfileService")
      .byIds([...new Set(links.map((link) => link.shipping_profile_id))])
    const byId = new Map<string, Json>(rows.map((row) => [row.id, row]))
    return new Map(
      links.flatMap((link) =>
        byId.has(link.shipping_profile_id) ? [[link.product_id, byId.get(link.shipping_profile_id)!] as const] : [],
      ),
    )
  })
}

/** An order as Medusa's Store API shows it, from its snapshot: totals never move after completion. */
export async function orderJson(scope: Scope, orderId: string): Promise<Json> {
  const documents = await scope.resolve("orderService").documents([orderId])
  if (documents.length === 0 || documents[0]!.order.deleted_at)
    throw new MedusaError("not_found", `Order with id: ${orderId} was not found`)
  const [json] = await documentsJson(scope, documents)
  return json!
}

/** Several orders in a fixed number of statements, whatever their number. */
export async function ordersJson(scope: Scope, orders: Order[]): Promise<Json[]> {
  return documentsJson(scope, await scope.resolve("orderService").documents(orders.map((order) => order.id)))
}

type OrderDocument = Awaited<ReturnType<OrderService["documents"]>>[number]

async function documentsJson(scope: Scope, documents: OrderDocument[]): Promise<Json[]> {
  const orders = documents.map((document) => document.order)
  const items = documents.flatMap((document) => document.items)
  const methods = documents.flatMap((document) => document.shippingMethods)
  const addresses = new Map(
    documents
      .flatMap((document) => [document.shippingAddress, document.billingAddress])
      .flatMap((address) => (address ? [[address.id, address]] : [])),
  )
  const snapshots = await cachedVariantSnapshots(scope, [
    ...new Set(items.map((item) => item.variant_id).filter((id): id is string => !!id)),
  ])
  const payments = scope.resolve("paymentService")
  // Collections made for an edit's or exchange's difference count with the one the order was placed with.
  const extra = await scope
    .resolve("orderChangeService")
    .extraPaymentCollections(
      documents.filter((document) => document.order.version > 1).map((document) => document.order.id),
    )
  const collectionIds = [
    ...orders.map((order) => order.payment_collection_id).filter((id): id is string => !!id),
    ...extra.map((link) => link.payment_collection_id),
  ]
  const collectionsOf = (order: Order) => [
    ...(order.payment_collection_id ? [order.payment_collection_id] : []),
    ...extra.filter((link) => link.order_id === order.id).map((link) => link.payment_collection_id),
  ]
  const paymentDocuments = await payments.collectionDocuments(collectionIds)
  const collections = new Map(paymentDocuments.map((document) => [document.collection.id, document.collection]))
  const paid = paymentDocuments.flatMap((document) => document.payments)
  const refunds = paymentDocuments.flatMap((document) => document.refunds)
  // Medusa's refund.refund_reason (the dashboard's badge on a refund); no statement when no refund names one.
  const reasonIds = [...new Set(refunds.flatMap((r) => (r.refund_reason_id ? [r.refund_reason_id] : [])))]
  const reasons = new Map(
    (await scope.resolve("refundReasonService").byIds(reasonIds)).map((reason) => [reason.id, reason]),
  )
  const fulfillmentService = scope.resolve("orderFulfillmentService")
  const withFulfillments = documents.filter((document) => document.hasFulfillments).map((document) => document.order.id)
  const fulfillments = await fulfillmentService.fulfillments(withFulfillments)
  const fulfilled = fulfilledQuantities(fulfillments)
  const related = await relatedOf(scope, orders)
  const profiles = await shippingProfilesOf(scope, [
    ...new Set([...snapshots.values()].map((snapshot) => snapshot.product.id)),
  ])

  return orders.map((order) => {
    const collection = order.payment_collection_id ? collections.get(order.payment_collection_id) : undefined
    const ownCollectionIds = collectionsOf(order)
    const ownCollections = ownCollectionIds.flatMap((id) => (collections.has(id) ? [collections.get(id)!] : []))
    const ownPayments = paid.filter((payment) => ownCollectionIds.includes(payment.payment_collection_id))
    const captured = ownPayments.reduce(
      (sum, payment) => (payment.captured_at ? sum.plus(payment.amount) : sum),
      decimal(0),
    )
    const refunded = ownCollections.reduce((sum, own) => sum.plus(own.refunded_amount ?? 0), decimal(0))
    const net = captured.minus(refunded)
    const currentTotal = order.summary?.current_order_total ?? order.totals.total!
    const own = fulfillments.filter((fulfillment) => fulfillment.order_id === order.id)
    const shipped = quantitiesAt(own, "shipped_at")
    const delivered = quantitiesAt(own, "delivered_at")
    const totals = totalsToJson(order.totals)
    const itemsJson = items
      .filter((item) => item.order_id === order.id)
      .map((item) => {
        const snapshot = item.variant_id ? snapshots.get(item.variant_id) : undefined
        const product = snapshot
          ? { ...snapshot.product, shipping_profile: profiles.get(snapshot.product.id) ?? null }
          : null
        const {
          totals: lineTotals,
          tax_rate,
          adjustments,
          return_requested_quantity,
          return_received_quantity,
          return_dismissed_quantity,
          written_off_quantity,
          ...line
        } = item
        return {
          ...line,
          unit_price: toJsonNumber(item.unit_price),
          ...totalsToJson(lineTotals),
          tax_lines: taxLinesFor(tax_rate, "item_id", item.id),
          adjustments: adjustmentsJson(adjustments, { item_id: item.id }),
          detail: {
            item_id: item.id,
            quantity: item.quantity,
            fulfilled_quantity: fulfilled.get(item.id) ?? 0,
            shipped_quantity: shipped.get(item.id) ?? 0,
            delivered_quantity: delivered.get(item.id) ?? 0,
            return_requested_quantity,
            return_received_quantity,
            return_dismissed_quantity,
            written_off_quantity,
          },

          variant: snapshot ? { ...snapshot.variant, product } : null,
          product,
        }
      })
      .map((line) => ({ ...line, ...detailTotals(line) }))

    const { totals: _totals, cart_id: _cart, ...columns } = order
    return {
      ...columns,
      order_change: null,
      no_notification: false,
      custom_display_id: null,
      ...totals,
      credit_line_total: 0,
      region: (order.region_id && related.regions.get(order.region_id)) || null,
      sales_channel: (order.sales_channel_id && related.channels.get(order.sales_channel_id)) || null,
      customer: (order.customer_id && related.customers.get(order.customer_id)) || null,
      promotions: (order.promotions ?? []).map((promotion) => {
        const method = promotion.application_method as Record<string, unknown> | undefined
        return method
          ? { ...promotion, application_method: { ...method, value: toJsonNumber(String(method.value)) } }
          : promotion
      }),
      credit_lines: [],
      payment_status: paymentStatus(collection),
      fulfillment_status: fulfillmentStatus(
        items.filter((item) => item.order_id === order.id),
        fulfilled,
        own,
      ),
      fulfillments: own.map((fulfillment) => fulfillmentJson(fulfillment, items)),
      // Medusa's order summary: the total as changes moved it, what was paid, and the difference.
      summary: {
        current_order_total: toJsonNumber(currentTotal),
        original_order_total: toJsonNumber(order.summary?.original_order_total ?? order.totals.total!),
        paid_total: toJsonNumber(captured),
        refunded_total: toJsonNumber(refunded),
        transaction_total: toJsonNumber(net),
        pending_difference: toJsonNumber(decimal(currentTotal).minus(net)),
      },
      items: itemsJson,
      ...orderDetailTotals(itemsJson),
      shipping_methods: methods
        .filter((method) => method.order_id === order.id)
        .map((method) => {
          const { totals: methodTotals, tax_rate, adjustments, ...rest } = method
          return {
            ...rest,
            amount: toJsonNumber(method.amount),
            ...totalsToJson(methodTotals),
            tax_lines: taxLinesFor(tax_rate, "shipping_method_id", method.id),
            adjustments: adjustmentsJson(adjustments, { shipping_method_id: method.id }),
          }
        }),
      shipping_address: (order.shipping_address_id && addresses.get(order.shipping_address_id)) || null,
      billing_address: (order.billing_address_id && addresses.get(order.billing_address_id)) || null,
      payment_collections: ownCollections.map((own) => ({
        ...withJsonAmounts(own, "amount", "authorized_amount", "captured_amount", "refunded_amount"),
        payments: ownPayments
          .filter((p) => p.payment_collection_id === own.id)
          .map((p) => ({
            ...p,
            amount: toJsonNumber(p.amount),
            refunds: refunds
              .filter((r) => r.payment_id === p.id)
              .map((r) => ({
                ...withJsonAmounts(r, "amount"),
                refund_reason: (r.refund_reason_id && reasons.get(r.refund_reason_id)) || null,
              })),
          })),
      })),
    }
  })
}

const DETAIL_TOTALS = {
  fulfilled_total: "fulfilled_quantity",
  shipped_total: "shipped_quantity",
  return_requested_total: "return_requested_quantity",
  return_received_total: "return_received_quantity",
  return_dismissed_total: "return_dismissed_quantity",
  write_off_total: "written_off_quantity",
} as const

/**
 * Medusa's per-line totals of its detail counts (what was fulfilled, shipped, asked back, came
 * back, was written off), each its units at what one unit cost; the refundable rest too.
 */
export function detailTotals(item: { quantity: number; total?: number; detail: Record<string, unknown> }) {
  const perUnit = decimal(item.total ?? 0).div(item.quantity || 1)
  const totals: Record<string, number> = {}
  for (const [total, count] of Object.entries(DETAIL_TOTALS))
    totals[total] = toJsonNumber(perUnit.times((item.detail[count] as number) ?? 0))
  const count = (key: string) => (item.detail[key] as number) ?? 0
  // written_off_quantity already holds the dismissed (damaged) units.
  const gone = count("return_received_quantity") + count("written_off_quantity")
  totals.refundable_total = toJsonNumber(perUnit.times(Math.max(item.quantity - gone, 0)))
  totals.refundable_total_per_unit = toJsonNumber(perUnit)
  return totals
}

/** The order's sums of its lines' detail totals. */
export function orderDetailTotals(items: Record<string, unknown>[]) {
  const sums: Record<string, number> = {}
  for (const key of [...Object.keys(DETAIL_TOTALS), "refundable_total"])
    sums[key] = toJsonNumber(items.reduce((sum, item) => sum.plus((item[key] as number) ?? 0), decimal(0)))
  return sums
}

/** An order line's or shipping method's adjustments as the API shows them: amounts as numbers. */
function adjustmentsJson(adjustments: Record<string, unknown>[] | null | undefined, owner: Record<string, string>) {
  return (adjustments ?? []).map((adjustment) => ({
    ...adjustment,
    ...owner,
    amount: toJsonNumber(String(adjustment.amount)),
  }))
}
