import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { decimal } from "../../core/money"
import { lineTotals } from "../../core/totals"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { ChangeAction } from "../../modules/order/change-actions"
import type { OrderChange, OrderChangeAction } from "../../modules/order/change-service"
import { OrderChangeEvents } from "../../modules/order/events"
import type { Return } from "../../modules/order/return-service"
import { cachedLocationIds } from "../../modules/stock-location/catalog-reads"
import {
  type AddedLine,
  addChangeActions,
  addedLineTotals,
  beginChange,
  checkChangeActions,
  confirmChange,
  lockOrderForChange,
  unitTotal,
} from "./changes"

export interface ReturnItemInput {
  id: string
  quantity: number
  reason_id?: string | null
  note?: string
  description?: string
  internal_note?: string | null
  metadata?: Record<string, unknown> | null
}
export interface ShippingInput {
  shipping_option_id: string
  custom_amount?: number | null
  description?: string
  internal_note?: string | null
  metadata?: Record<string, unknown> | null
}
/** A change to one action (quantity, reason, note, a shipping method's amount). */
export interface ActionPatch {
  quantity?: number
  reason_id?: string | null
  internal_note?: string | null
  custom_amount?: number | null
}
interface Actor {
  actor_id: string | null
}

function throwIfCanceled(entity: { id: string; canceled_at: Date | null }, type: string) {
  if (entity.canceled_at) throw new MedusaError("invalid_data", `${type} with id ${entity.id} has been canceled.`)
}

/** The return (not canceled), its order locked, and its change in progress of one of `types`. */
async function returnInChange(tx: Scope, returnId: string, types: OrderChange["change_type"][]) {
  const orderReturn = await tx.resolve("returnService").retrieve(returnId, { lock: true })
  throwIfCanceled(orderReturn, "Return")
  const locked = await lockOrderForChange(tx, orderReturn.order_id)
  const change = await tx.resolve("orderChangeService").activeFor({ return_id: returnId }, types)
  return { orderReturn, change, ...locked }
}

/** Medusa's beginReturnOrderWorkflow: an open return and its `return_request` change. */
export function beginReturn(
  scope: Scope,
  input: {
    order_id: string
    location_id?: string
    description?: string
    internal_note?: string
    no_notification?: boolean
    metadata?: Record<string, unknown> | null
  },
  actor: Actor,
  /** an exchange's or claim's inbound side */
  owner: { exchange_id?: string; claim_id?: string } = {},
) {
  return transaction(scope, async (tx) => {
    const { order } = await lockOrderForChange(tx, input.order_id)
    if (input.location_id) await tx.resolve("stockLocationService").retrieve(input.location_id)
    const orderReturn = await tx.resolve("returnService").create({
      order_id: order.id,
      order_version: order.version,
      location_id: input.location_id ?? null,
      no_notification: input.no_notification ?? false,
      created_by: actor.actor_id,
      metadata: input.metadata ?? null,
      ...owner,
    })
    await beginChange(tx, order, {
      change_type: "return_request",
      return_id: orderReturn.id,
      description: input.description ?? null,
      internal_note: input.internal_note ?? null,
      created_by: actor.actor_id,
    })
    return orderReturn
  })
}

/** RETURN_ITEM actions: each unit worth what the customer paid for it (tax in, discount off). */
export function returnItemActions(
  lines: { id: string; totals: Record<string, string>; quantity: number }[],
  items: ReturnItemInput[],
  owner: { return_id: string; exchange_id?: string | null; claim_id?: string | null },
) {
  return items.map((item) => {
    const line = lines.find((candidate) => candidate.id === item.id)
    if (!line) throw new MedusaError("invalid_data", `Item ID "${item.id}" not found.`)
    return {
      action: ChangeAction.RETURN_ITEM,
      reference: "return",
      reference_id: owner.return_id,
      return_id: owner.return_id,
      exchange_id: owner.exchange_id ?? null,
      claim_id: owner.claim_id ?? null,
      internal_note: item.internal_note ?? null,
      details: {
        reference_id: item.id,
        quantity: item.quantity,
        return_id: owner.return_id,
        reason_id: item.reason_id ?? null,
        note: item.note ?? item.description ?? null,
        metadata: item.metadata ?? null,
      },
      amount: unitTotal(line).times(item.quantity).toString(),
    }
  })
}

async function assertReasons(tx: Scope, items: ReturnItemInput[]) {
  const ids = [...new Set(items.map((item) => item.reason_id).filter((id): id is string => !!id))]
  for (const id of ids) await tx.resolve("returnReasonService").retrieve(id)
}

/** Medusa's requestItemReturnWorkflow. */
export function requestReturnItems(scope: Scope, returnId: string, items: ReturnItemInput[]) {
  return transaction(scope, async (tx) => {
    const { orderReturn, change, lines, quantities } = await returnInChange(tx, returnId, ["return_request"])
    await assertReasons(tx, items)
    await addChangeActions(
      tx,
      change,
      quantities,
      returnItemActions(lines, items, { ...orderReturn, return_id: orderReturn.id }),
    )
  })
}

/** An action of the return's change, updated (quantity, reason, note) or removed, then checked again. */
export function updateReturnAction(
  scope: Scope,
  returnId: string,
  actionId: string,
  types: { change: OrderChange["change_type"][]; actions: string[] },
  patch: ActionPatch | null,
) {
  return transaction(scope, async (tx) => {
    const { change, lines, quantities } = await returnInChange(tx, returnId, types.change)
    await patchAction(tx, change, actionId, types.actions, lines, patch)
    await checkChangeActions(tx, change, quantities)
  })
}

/** Updates or (patch null) removes one action of a change; an item's amount follows its quantity. */
export async function patchAction(
  tx: Scope,
  change: OrderChange,
  actionId: string,
  actions: string[],
  lines: { id: string; totals: Record<string, string>; quantity: number }[],
  patch: ActionPatch | null,
) {
  const changes = tx.resolve("orderChangeService")
  const action = await changes.action(change, actionId, actions)
  if (patch === null) return changes.deleteActions([action.id])
  if (patch.reason_id) await tx.resolve("returnReasonService").retrieve(patch.reason_id)
  const details = { ...action.details }
  if (patch.quantity !== undefined) details.quantity = patch.quantity
  if (patch.reason_id !== undefined) details.reason_id = patch.reason_id
  return changes.updateAction(action.id, {
    details,
    internal_note: patch.internal_note === undefined ? action.internal_note : patch.internal_note,
    amount: amountAfter(action, details, lines, patch),
  })
}

function amountAfter(
  action: OrderChangeAction,
  details: Record<string, unknown>,
  lines: { id: string; totals: Record<string, string>; quantity: number }[],
  patch: { custom_amount?: number | null },
) {
  if (action.action === ChangeAction.SHIPPING_ADD)
    return patch.custom_amount == null ? action.amount : decimal(patch.custom_amount).toString()
  if (action.action === ChangeAction.ITEM_ADD)
    return addedLineTotals(details.line as AddedLine, Number(details.quantity)).total
  if (action.action !== ChangeAction.RETURN_ITEM && action.action !== ChangeAction.WRITE_OFF_ITEM) return action.amount
  const line = lines.find((candidate) => candidate.id === details.reference_id)
  return line ? unitTotal(line).times(Number(details.quantity)).toString() : action.amount
}

/**
 * A shipping method of a change (a return's inbound one, an exchange's or claim's outbound one):
 * the option's price in the order's currency, or the merchant's custom amount, without tax.
 */
export async function shippingMethodAction(
  tx: Scope,
  order: { currency_code: string; region_id: string | null },
  input: ShippingInput,
  owner: { return_id?: string | null; exchange_id?: string | null; claim_id?: string | null },
) {
  const option = await tx.resolve("shippingOptionService").retrieve(input.shipping_option_id)
  let amount = input.custom_amount == null ? null : decimal(input.custom_amount).toString()
  if (amount === null) {
    const prices = await tx.resolve("pricingService").calculateShippingOptionPrices([option.id], {
      currency_code: order.currency_code,
      region_id: order.region_id ?? undefined,
    })
    const price = prices.get(option.id)
    if (!price)
      throw new MedusaError(
        "invalid_data",
        `Shipping option with id ${option.id} has no price in ${order.currency_code}`,
      )
    amount = price.raw_calculated_amount.value
  }
  if (decimal(amount).lt(0)) throw new MedusaError("invalid_data", "The shipping amount cannot be negative")
  const id = generateId("ordsm")
  const method = {
    id,
    name: option.name,
    amount,
    is_tax_inclusive: false,
    shipping_option_id: option.id,
    tax_rate: "0",
    totals: { ...lineTotals({ unit_price: amount, quantity: 1, is_tax_inclusive: false, tax_rate: "0" }) },
    adjustments: [],
    data: {},
    return_id: owner.return_id ?? null,
    exchange_id: owner.exchange_id ?? null,
    claim_id: owner.claim_id ?? null,
  }
  return {
    action: ChangeAction.SHIPPING_ADD,
    reference: "order_shipping_method",
    reference_id: id,
    return_id: owner.return_id ?? null,
    exchange_id: owner.exchange_id ?? null,
    claim_id: owner.claim_id ?? null,
    internal_note: input.internal_note ?? null,
    details: { method },
    amount,
  }
}

/** Medusa's createReturnShippingMethodWorkflow. */
export function addReturnShipping(scope: Scope, returnId: string, input: ShippingInput) {
  return transaction(scope, async (tx) => {
    const { orderReturn, change, order, quantities } = await returnInChange(tx, returnId, ["return_request"])
    await addChangeActions(tx, change, quantities, [
      await shippingMethodAction(tx, order, input, { return_id: orderReturn.id }),
    ])
  })
}

/** What a return gives back: its units' worth less its inbound shipping, never below zero. */
function refundAmount(actions: OrderChangeAction[]) {
  const items = actions.filter((action) => action.action === ChangeAction.RETURN_ITEM)
  const shipping = actions.filter((action) => action.action === ChangeAction.SHIPPING_ADD && action.return_id)
  const sum = (list: OrderChangeAction[]) => list.reduce((acc, action) => acc.plus(action.amount ?? 0), decimal(0))
  const amount = sum(items).minus(sum(shipping))
  return (amount.lt(0) ? decimal(0) : amount).toString()
}

/** Confirms a return's request inside a command: its items written, its state `requested`. */
export async function confirmReturnRequestIn(tx: Scope, orderReturn: Return, change: OrderChange, by: string | null) {
  const confirmed = await confirmChange(tx, change, by)
  const { actions } = confirmed
  const requested = actions.filter(
    (action) => action.action === ChangeAction.RETURN_ITEM && action.return_id === orderReturn.id,
  )
  if (requested.length === 0 && !orderReturn.exchange_id && !orderReturn.claim_id)
    throw new MedusaError("invalid_data", `Return ${orderReturn.id} has no items to return`)
  await tx.resolve("returnService").addItems(
    orderReturn.id,
    requested.map((action) => ({
      item_id: String(action.details.reference_id),
      quantity: Number(action.details.quantity),
      reason_id: (action.details.reason_id as string | null) ?? null,
      note: (action.details.note as string | null) ?? null,
    })),
  )
  if (requested.length === 0) return confirmed
  await tx.resolve("returnService").update(orderReturn.id, {
    status: "requested",
    requested_at: new Date(),
    refund_amount: refundAmount(actions.filter((action) => action.return_id === orderReturn.id)),
  })
  await emitEvent(tx, OrderChangeEvents.RETURN_REQUESTED, { order_id: orderReturn.order_id, return_id: orderReturn.id })
  return confirmed
}

/** Medusa's confirmReturnRequestWorkflow. */
export function confirmReturnRequest(scope: Scope, returnId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { orderReturn, change } = await returnInChange(tx, returnId, ["return_request"])
    await confirmReturnRequestIn(tx, orderReturn, change, actor.actor_id)
  })
}

/** Medusa's cancelReturnRequestWorkflow: the request dropped, the return canceled. */
export function cancelReturnRequest(scope: Scope, returnId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { change } = await returnInChange(tx, returnId, ["return_request"])
    await tx.resolve("orderChangeService").cancel(change, actor.actor_id)
    await tx.resolve("returnService").update(returnId, { status: "canceled", canceled_at: new Date() })
    await emitEvent(tx, OrderChangeEvents.CANCELED, {
      id: change.id,
      order_id: change.order_id,
      change_type: change.change_type,
    })
  })
}

/** Medusa's beginReceiveReturnWorkflow: a `return_receive` change of a requested return. */
export function beginReceive(
  scope: Scope,
  returnId: string,
  input: { description?: string; internal_note?: string },
  actor: Actor,
) {
  return transaction(scope, async (tx) => {
    const orderReturn = await tx.resolve("returnService").retrieve(returnId, { lock: true })
    throwIfCanceled(orderReturn, "Return")
    if (orderReturn.status !== "requested" && orderReturn.status !== "partially_received")
      throw new MedusaError("not_allowed", `Cannot receive return ${returnId} with status ${orderReturn.status}`)
    const { order } = await lockOrderForChange(tx, orderReturn.order_id)
    await beginChange(tx, order, {
      change_type: "return_receive",
      return_id: returnId,
      description: input.description ?? null,
      internal_note: input.internal_note ?? null,
      created_by: actor.actor_id,
    })
  })
}

/** RECEIVE_RETURN_ITEM (good units) or RECEIVE_DAMAGED_RETURN_ITEM (dismissed) actions of the return's items. */
export function receiveReturnItems(
  scope: Scope,
  returnId: string,
  items: { id: string; quantity: number; internal_note?: string | null }[],
  damaged: boolean,
) {
  return transaction(scope, async (tx) => {
    const { orderReturn, change, quantities } = await returnInChange(tx, returnId, ["return_receive"])
    const returned = new Set((await tx.resolve("returnService").items([returnId])).map((item) => item.item_id))
    const missing = items.filter((item) => !returned.has(item.id)).map((item) => item.id)
    if (missing.length)
      throw new MedusaError(
        "invalid_data",
        `Items with ids ${missing.join(", ")} does not exist in Return with id ${returnId}.`,
      )
    await addChangeActions(
      tx,
      change,
      quantities,
      items.map((item) => ({
        action: damaged ? ChangeAction.RECEIVE_DAMAGED_RETURN_ITEM : ChangeAction.RECEIVE_RETURN_ITEM,
        reference: "return",
        reference_id: orderReturn.id,
        return_id: orderReturn.id,
        internal_note: item.internal_note ?? null,
        details: { reference_id: item.id, quantity: item.quantity, return_id: orderReturn.id },
        amount: "0",
      })),
    )
  })
}

/**
 * Medusa's confirmReturnReceiveWorkflow: the received units counted on the return, the good
 * ones back in stock at the return's location, once — a second confirmation of the same change
 * fails at the change's conditional update and gives nothing back.
 */
export function confirmReceive(scope: Scope, returnId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { orderReturn, change, order } = await returnInChange(tx, returnId, ["return_receive"])
    const { actions } = await confirmChange(tx, change, actor.actor_id)
    const received = new Map<string, { quantity: number; damaged: number }>()
    for (const action of actions) {
      const entry = received.get(String(action.details.reference_id)) ?? { quantity: 0, damaged: 0 }
      const quantity = Number(action.details.quantity)
      if (action.action === ChangeAction.RECEIVE_RETURN_ITEM) entry.quantity += quantity
      else if (action.action === ChangeAction.RECEIVE_DAMAGED_RETURN_ITEM) entry.damaged += quantity
      else continue
      received.set(String(action.details.reference_id), entry)
    }
    const returns = tx.resolve("returnService")
    await returns.receiveItems(returnId, received)
    const items = await returns.items([returnId])
    const complete = items.every((item) => item.received_quantity + item.damaged_quantity >= item.quantity)
    await returns.update(returnId, { status: complete ? "received" : "partially_received", received_at: new Date() })
    await restock(tx, orderReturn, order.sales_channel_id, received)
    await emitEvent(tx, OrderChangeEvents.RETURN_RECEIVED, { order_id: order.id, return_id: returnId })
  })
}

/** Good units back into stock where the return was received (or the order's channel's first location). */
async function restock(
  tx: Scope,
  orderReturn: Return,
  salesChannelId: string | null,
  received: Map<string, { quantity: number; damaged: number }>,
) {
  const lines = await tx.resolve("orderService").items([orderReturn.order_id])
  const locationId = orderReturn.location_id ?? (await cachedLocationIds(tx, [salesChannelId ?? ""]))[0]
  const inventory = tx.resolve("inventoryService")
  const wanted = lines.filter((line) => line.variant_id && (received.get(line.id)?.quantity ?? 0) > 0)
  if (wanted.length === 0) return
  if (!locationId)
    throw new MedusaError("invalid_data", `Cannot receive the Return at location ${orderReturn.location_id}`)
  const links = await inventory.itemsForVariants(wanted.map((line) => line.variant_id!))
  await inventory.restock(
    wanted.flatMap((line) =>
      links
        .filter((link) => link.variant_id === line.variant_id)
        .map((link) => ({
          inventory_item_id: link.inventory_item_id,
          location_id: locationId,
          quantity: received.get(line.id)!.quantity * link.required_quantity,
        })),
    ),
  )
}

/** Medusa's cancelReceiveReturnWorkflow: the receive change dropped, the return as it was. */
export function cancelReceive(scope: Scope, returnId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { change } = await returnInChange(tx, returnId, ["return_receive"])
    await tx.resolve("orderChangeService").cancel(change, actor.actor_id)
    await emitEvent(tx, OrderChangeEvents.CANCELED, {
      id: change.id,
      order_id: change.order_id,
      change_type: change.change_type,
    })
  })
}

/**
 * Medusa's cancelReturnWorkflow: refused once any unit was received; a requested return's units
 * stop counting as on their way back and its worth goes back on the order's total.
 */
export function cancelReturn(scope: Scope, returnId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const returns = tx.resolve("returnService")
    const orderReturn = await returns.retrieve(returnId, { lock: true })
    throwIfCanceled(orderReturn, "Return")
    const items = await returns.items([returnId])
    if (items.some((item) => item.received_quantity + item.damaged_quantity > 0))
      throw new MedusaError("not_allowed", "Can't cancel a return which has returned items")
    const { order } = await lockOrderForChange(tx, orderReturn.order_id)
    const changes = tx.resolve("orderChangeService")
    const active = await changes.active(order.id)
    if (active?.return_id === returnId) await changes.cancel(active, actor.actor_id)
    else if (active)
      throw new MedusaError("not_allowed", `Order ${order.id} already has an existing active order change`)
    const pending = items.filter((item) => item.quantity > item.received_quantity + item.damaged_quantity)
    if (pending.length > 0) {
      const requested = (await changes.list(order.id, { status: ["confirmed"] })).filter(
        (change) => change.return_id === returnId && change.change_type === "return_request",
      )
      const worth = (await changes.actions(requested.map((change) => change.id))).filter(
        (action) => action.action === ChangeAction.RETURN_ITEM,
      )
      const change = await beginChange(tx, order, {
        change_type: "return_request",
        return_id: returnId,
        created_by: actor.actor_id,
      })
      await changes.addActions(
        change,
        pending.map((item) => {
          const original = worth.filter((action) => action.details.reference_id === item.item_id)
          const perUnit = original.length
            ? original
                .reduce((sum, action) => sum.plus(action.amount ?? 0), decimal(0))
                .div(original.reduce((sum, action) => sum + Number(action.details.quantity), 0))
            : decimal(0)
          return {
            action: ChangeAction.CANCEL_RETURN_ITEM,
            reference: "return",
            reference_id: returnId,
            return_id: returnId,
            details: { reference_id: item.item_id, quantity: item.quantity, return_id: returnId },
            amount: perUnit.times(item.quantity).toString(),
          }
        }),
      )
      await confirmChange(tx, change, actor.actor_id)
    }
    await returns.update(returnId, { status: "canceled", canceled_at: new Date() })
  })
}

/** Medusa's updateReturnWorkflow: where it is received, whether to notify, metadata. */
export function updateReturn(
  scope: Scope,
  returnId: string,
  input: { location_id?: string; no_notification?: boolean; metadata?: Record<string, unknown> | null },
) {
  return transaction(scope, async (tx) => {
    const orderReturn = await tx.resolve("returnService").retrieve(returnId, { lock: true })
    throwIfCanceled(orderReturn, "Return")
    if (input.location_id) await tx.resolve("stockLocationService").retrieve(input.location_id)
    await tx.resolve("returnService").update(returnId, input)
  })
}

/**
 * Medusa's createAndCompleteReturnOrderWorkflow (POST /store/returns): a return requested in one
 * command — items, the shopper's chosen return shipping (at the option's price, never the
 * client's), confirmed; nothing is kept if any step is refused.
 */
export function createStoreReturn(
  scope: Scope,
  input: {
    order_id: string
    items: ReturnItemInput[]
    return_shipping: { option_id: string }
    location_id?: string
    note?: string
  },
) {
  return transaction(scope, async (tx) => {
    const rules = await tx.resolve("shippingOptionService").rulesOf([input.return_shipping.option_id])
    if (!rules.some((rule) => rule.attribute === "is_return" && String(rule.value) === "true"))
      throw new MedusaError(
        "invalid_data",
        `Shipping option ${input.return_shipping.option_id} is not a return shipping option`,
      )
    const created = await beginReturn(
      tx,
      { order_id: input.order_id, location_id: input.location_id, description: input.note },
      { actor_id: null },
    )
    await requestReturnItems(tx, created.id, input.items)
    await addReturnShipping(tx, created.id, { shipping_option_id: input.return_shipping.option_id })
    await confirmReturnRequest(tx, created.id, { actor_id: null })
    return created
  })
}
