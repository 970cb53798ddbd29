import type { Scope } from "../../core/container"
import { toJsonNumber } from "../../core/money"
import type { Return } from "../../modules/order/return-service"
import type { OrderLineItem } from "../../modules/order/service"

type Json = Record<string, unknown>

/** Returns as Medusa answers them: amounts as numbers, items with their reason, in two statements. */
export async function returnsJson(scope: Scope, returns: Return[]): Promise<Json[]> {
  const items = await scope.resolve("returnService").items(returns.map((orderReturn) => orderReturn.id))
  const reasonIds = [...new Set(items.map((item) => item.reason_id).filter((id): id is string => !!id))]
  const reasons = reasonIds.length
    ? (
        await scope
          .resolve("returnReasonService")
          .list({ id: reasonIds }, { field: "id", direction: "asc" }, { limit: reasonIds.length, offset: 0 })
      ).rows
    : []
  const lines = await scope
    .resolve("orderService")
    .items([...new Set(returns.map((orderReturn) => orderReturn.order_id))])
  return returns.map((orderReturn) => ({
    ...orderReturn,
    refund_amount: orderReturn.refund_amount === null ? null : toJsonNumber(orderReturn.refund_amount),
    items: items
      .filter((item) => item.return_id === orderReturn.id)
      .map((item) => ({
        ...item,
        reason: reasons.find((reason) => reason.id === item.reason_id) ?? null,
        item: lineJson(lines.find((line) => line.id === item.item_id)),
      })),
  }))
}

/** The order line a return item brings back, as Medusa nests it (`items.item`). */
function lineJson(line: OrderLineItem | undefined) {
  if (!line) return null
  const { totals, tax_rate: _rate, adjustments: _adjustments, ...rest } = line
  return { ...rest, unit_price: toJsonNumber(line.unit_price), total: toJsonNumber(totals.total ?? "0") }
}

export async function returnJson(scope: Scope, id: string): Promise<Json> {
  const [json] = await returnsJson(scope, [await scope.resolve("returnService").retrieve(id)])
  return json!
}
