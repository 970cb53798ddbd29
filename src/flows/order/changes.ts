import type { Scope } from "../../core/container"
import { generateUnguessableId } from "../../core/ids"
import { decimal } from "../../core/money"
import { documentTotals, lineTotals, type LineTotals } from "../../core/totals"
import { emitEvent } from "../../infra/event-outbox-service"
import { reserveOrderLines } from "../inventory/order-stock"
import { applyChangeActions, ChangeAction, type ItemQuantities } from "../../modules/order/change-actions"
import type { OrderChange, OrderChangeAction, OrderChangeService } from "../../modules/order/change-service"
import { OrderChangeEvents } from "../../modules/order/events"
import type { Order, OrderLineItem } from "../../modules/order/service"

/** An order's lines as the change engine counts them (fulfilled units from live fulfillments). */
export async function lineQuantities(scope: Scope, orderId: string, lines: OrderLineItem[]): Promise<ItemQuantities[]> {
  const fulfilled = await scope.resolve("orderFulfillmentService").fulfilledQuantities([orderId])
  return lines.map((line) => ({
    id: line.id,
    quantity: line.quantity,
    fulfilled_quantity: fulfilled.get(line.id) ?? 0,
    return_requested_quantity: line.return_requested_quantity,
    return_received_quantity: line.return_received_quantity,
    return_dismissed_quantity: line.return_dismissed_quantity,
    written_off_quantity: line.written_off_quantity,
  }))
}

/** The order (locked, not canceled), its lines and their quantities: where every change command starts. */
export async function lockOrderForChange(tx: Scope, orderId: string) {
  const order = await tx.resolve("orderFulfillmentService").lockOpenOrder(orderId)
  const lines = await tx.resolve("orderService").items([orderId])
  return { order, lines, quantities: await lineQuantities(tx, orderId, lines) }
}

/** Begins a change of an order, with its `order_change.created` event. */
export async function beginChange(tx: Scope, order: Order, input: Parameters<OrderChangeService["begin"]>[1]) {
  const change = await tx.resolve("orderChangeService").begin(order, input)
  await emitEvent(tx, OrderChangeEvents.CREATED, { id: change.id, order_id: order.id, change_type: change.change_type })
  return change
}

/**
 * Adds actions to a change after checking them against the order with the change's earlier
 * actions applied: a refused action leaves the change as it was.
 */
export async function addChangeActions(
  tx: Scope,
  change: OrderChange,
  quantities: ItemQuantities[],
  actions: Parameters<OrderChangeService["addActions"]>[1],
) {
  const changes = tx.resolve("orderChangeService")
  const earlier = await changes.actions([change.id])
  applyChangeActions(quantities, [...earlier, ...actions])
  return changes.addActions(change, actions)
}

/** Checks a change's actions as they now stand (after an update or removal). */
export async function checkChangeActions(tx: Scope, change: OrderChange, quantities: ItemQuantities[]) {
  applyChangeActions(quantities, await tx.resolve("orderChangeService").actions([change.id]))
}

/** The line an ITEM_ADD brings, as it will be stored; its totals from its price and the order's tax rate. */
export type AddedLine = Omit<OrderLineItem, "created_at" | "updated_at" | "deleted_at" | "totals"> & {
  totals?: LineTotals
}

export function addedLineTotals(line: AddedLine, quantity: number): LineTotals {
  return lineTotals({
    unit_price: line.unit_price,
    quantity,
    is_tax_inclusive: line.is_tax_inclusive,
    tax_rate: line.tax_rate,
  })
}

/** Per-unit total of a line (what one unit cost the customer, tax in, discount off), exact. */
export function unitTotal(line: Pick<OrderLineItem, "totals" | "quantity">) {
  return decimal(line.totals.total ?? 0).div(line.quantity || 1)
}

/**
 * Confirms a change: its actions checked once more against the order as it is now, the change
 * and the order's version moved conditionally (a second confirmation fails here), then their
 * effect written: line quantities and return counts, added lines (with stock reserved), added
 * shipping methods, the order's totals when its lines changed, and its current total.
 */
export async function confirmChange(tx: Scope, change: OrderChange, confirmedBy: string | null) {
  const { order, lines, quantities } = await lockOrderForChange(tx, change.order_id)
  const changes = tx.resolve("orderChangeService")
  const actions = await changes.actions([change.id])
  const { items, difference } = applyChangeActions(quantities, actions)
  await changes.confirm(change, confirmedBy)

  const added = addedLines(actions)
  let linesChanged = added.length > 0
  const updates = items.flatMap((item) => {
    const line = lines.find((candidate) => candidate.id === item.id)
    if (!line) return []
    const before = quantities.find((candidate) => candidate.id === item.id)!
    const quantityMoved = item.quantity !== line.quantity
    if (quantityMoved) linesChanged = true
    const same = (Object.keys(before) as (keyof ItemQuantities)[]).every((key) => before[key] === item[key])
    if (same) return []
    return [
      {
        id: item.id,
        quantity: item.quantity,
        return_requested_quantity: item.return_requested_quantity,
        return_received_quantity: item.return_received_quantity,
        return_dismissed_quantity: item.return_dismissed_quantity,
        written_off_quantity: item.written_off_quantity,
        ...(quantityMoved ? { totals: { ...scaledTotals(line, item.quantity) } } : {}),
      },
    ]
  })
  await changes.updateLines(updates)
  const newLines = added.map(({ line, quantity }) => ({
    ...line,
    order_id: order.id,
    quantity,
    totals: { ...addedLineTotals(line, quantity) },
  }))
  await changes.insertLines(newLines)
  // Stock for the lines it adds, as a checkout reserves it: not enough → the confirmation fails.
  await reserveOrderLines(tx, order.sales_channel_id, newLines, { allowBackorder: changeAllowsBackorder(actions) })

  const methods = actions
    .filter((action) => action.action === ChangeAction.SHIPPING_ADD)
    .map((action) => ({ ...(action.details.method as NewShippingMethod), order_id: order.id }))
  await changes.insertShippingMethods(methods)

  if (linesChanged || methods.some((method) => !method.return_id)) {
    const documents = await tx.resolve("orderService").documents([order.id])
    const document = documents[0]!
    const outbound = document.shippingMethods.filter((method) => !method.return_id)
    await changes.setTotals(
      order.id,
      documentTotals(
        document.items.map((item) => item.totals as unknown as LineTotals),
        outbound.map((method) => method.totals as unknown as LineTotals),
      ),
    )
  }
  await changes.moveCurrentTotal(order.id, order.totals.total ?? "0", difference.toString())
  await emitEvent(tx, OrderChangeEvents.CONFIRMED, {
    id: change.id,
    order_id: order.id,
    change_type: change.change_type,
  })
  return { order, actions, items, difference }
}

type NewShippingMethod = Parameters<OrderChangeService["insertShippingMethods"]>[0][number]

/** ITEM_ADD actions folded into the lines they bring (a later ITEM_ADD on the same line adds to it). */
function addedLines(actions: OrderChangeAction[]) {
  const byId = new Map<string, { line: AddedLine; quantity: number }>()
  for (const action of actions) {
    if (action.action !== ChangeAction.ITEM_ADD) continue
    const line = action.details.line as AddedLine
    const quantity = Number(action.details.quantity)
    const existing = byId.get(line.id)
    if (existing) existing.quantity += quantity
    else byId.set(line.id, { line, quantity })
  }
  return [...byId.values()]
}

const changeAllowsBackorder = (actions: OrderChangeAction[]) =>
  actions.some((action) => action.details.allow_backorder === true)

/** A line's totals at a new quantity: its stored totals scaled, so its discount per unit stays. */
function scaledTotals(line: OrderLineItem, quantity: number): Record<string, string> {
  const factor = decimal(quantity).div(line.quantity || 1)
  return Object.fromEntries(
    Object.entries(line.totals).map(([key, value]) => [
      key,
      key === "unit_price" ? value : decimal(value).times(factor).toString(),
    ]),
  )
}

/** A new line's id, made when the action that adds it is. */
export const newLineId = () => generateUnguessableId("ordli")
