import type { Scope } from "../../core/container"
import { decimal, toJsonNumber } from "../../core/money"
import { taxLinesFor, totalsToJson } from "../../core/totals"
import { applyChangeActions, ChangeAction, signedAmount } from "../../modules/order/change-actions"
import type { OrderChange, OrderChangeAction } from "../../modules/order/change-service"
import { type AddedLine, addedLineTotals, lineQuantities } from "./changes"
import { detailTotals, orderDetailTotals, orderJson } from "./order-view"

type Json = Record<string, unknown>

/** An order change action as Medusa answers it: amount as a number. */
export function actionJson(action: OrderChangeAction): Json {
  const { details, ...rest } = action
  const { line: _line, method: _method, ...shownDetails } = details
  return { ...rest, details: shownDetails, amount: action.amount === null ? null : toJsonNumber(action.amount) }
}

/** Order changes with their actions, in two statements whatever their number. */
export async function changesJson(scope: Scope, changes: OrderChange[]): Promise<Json[]> {
  const actions = await scope.resolve("orderChangeService").actions(changes.map((change) => change.id))
  return changes.map((change) => ({
    ...change,
    actions: actions.filter((action) => action.order_change_id === change.id).map(actionJson),
  }))
}

/**
 * Medusa's order preview: the order with its change in progress applied — each line's detail
 * counts moved, the lines the change adds, its shipping methods, every line and method carrying
 * the actions that touch it, and the summary's difference with the change's amounts in it.
 */
export async function orderPreviewJson(scope: Scope, orderId: string): Promise<Json> {
  const json = await orderJson(scope, orderId)
  const change = await scope.resolve("orderChangeService").active(orderId)
  if (!change) return json
  const actions = await scope.resolve("orderChangeService").actions([change.id])
  const changeJson = { ...change, actions: actions.map(actionJson) }
  const lines = await scope.resolve("orderService").items([orderId])
  const { items, difference } = applyChangeActions(await lineQuantities(scope, orderId, lines), actions)
  const actionsOn = (id: string) =>
    actions.filter((action) => action.details.reference_id === id || action.reference_id === id).map(actionJson)

  const shown: Json[] = (json.items as Json[]).map((item) => {
    const after = items.find((candidate) => candidate.id === item.id)!
    const { id: _id, added: _added, ...counts } = after
    return {
      ...item,
      quantity: after.quantity,
      detail: { ...(item.detail as Json), ...counts },
      actions: actionsOn(item.id as string),
    }
  })
  for (const action of actions) {
    if (action.action !== ChangeAction.ITEM_ADD) continue
    const line = action.details.line as AddedLine
    if (shown.some((item) => item.id === line.id)) continue
    const after = items.find((candidate) => candidate.id === line.id)!
    const totals = addedLineTotals(line, after.quantity)
    const { id: _id, added: _added, ...counts } = after
    shown.push({
      ...line,
      ...totalsToJson(totals),
      unit_price: toJsonNumber(line.unit_price),
      quantity: after.quantity,
      tax_lines: taxLinesFor(line.tax_rate, "item_id", line.id),
      adjustments: [],
      detail: { item_id: line.id, ...counts, shipped_quantity: 0, delivered_quantity: 0 },
      actions: actionsOn(line.id),
    } as Json)
  }
  const methods = [
    ...(json.shipping_methods as Json[]),
    ...actions
      .filter((action) => action.action === ChangeAction.SHIPPING_ADD)
      .map((action) => {
        const method = action.details.method as Json
        return {
          ...method,
          amount: toJsonNumber(String(method.amount)),
          ...totalsToJson(method.totals as Record<string, string>),
          tax_lines: [],
          adjustments: [],
          actions: [actionJson(action)],
        }
      }),
  ]
  const outbound = actions.filter(
    (action) =>
      action.action === ChangeAction.ITEM_ADD ||
      action.action === ChangeAction.ITEM_UPDATE ||
      (action.action === ChangeAction.SHIPPING_ADD && !action.return_id),
  )
  const totalMove = outbound.reduce((sum, action) => sum.plus(signedAmount(action)), decimal(0))
  const summary = json.summary as Record<string, number>
  const previewItems = shown.map((item) => ({ ...item, ...detailTotals(item as Parameters<typeof detailTotals>[0]) }))
  return {
    ...json,
    items: previewItems,
    ...orderDetailTotals(previewItems),
    shipping_methods: methods,
    total: toJsonNumber(decimal(json.total as number).plus(totalMove)),
    order_change: changeJson,
    summary: {
      ...summary,
      current_order_total: toJsonNumber(decimal(summary.current_order_total!).plus(difference)),
      pending_difference: toJsonNumber(decimal(summary.pending_difference!).plus(difference)),
    },
  }
}
