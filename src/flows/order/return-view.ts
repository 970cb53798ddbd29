import type { Scope } from "../../core/container"
import { toJsonNumber } from "../../core/money"
import type { Return } from "../../modules/order/return-service"

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
  return returns.map((orderReturn) => ({
    ...orderReturn,
    refund_amount: orderReturn.refund_amount === null ? null : toJsonNumber(orderReturn.refund_amount),
    items: items
      .filter((item) => item.return_id === orderReturn.id)
      .map((item) => ({ ...item, reason: reasons.find((reason) => reason.id === item.reason_id) ?? null })),
  }))
}

export async function returnJson(scope: Scope, id: string): Promise<Json> {
  const [json] = await returnsJson(scope, [await scope.resolve("returnService").retrieve(id)])
  return json!
}
