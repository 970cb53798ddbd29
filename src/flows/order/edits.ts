import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { ChangeAction } from "../../modules/order/change-actions"
import { OrderChangeEvents } from "../../modules/order/events"
import {
  addChangeActions,
  beginChange,
  checkChangeActions,
  confirmChange,
  lockOrderForChange,
  unitTotal,
} from "./changes"
import { type OutboundItemInput, outboundItemActions } from "./outbound"
import { chargeDifference } from "./payment-difference"
import { patchAction, type ShippingInput, shippingMethodAction } from "./returns"

interface Actor {
  actor_id: string | null
}

/** The order locked and its edit in progress. */
async function editInProgress(tx: Scope, orderId: string) {
  const locked = await lockOrderForChange(tx, orderId)
  const change = await tx.resolve("orderChangeService").activeFor({ order_id: orderId }, ["edit"])
  return { change, ...locked }
}

/** Medusa's beginOrderEditOrderWorkflow. */
export function beginOrderEdit(
  scope: Scope,
  input: { order_id: string; description?: string; internal_note?: string },
  actor: Actor,
) {
  return transaction(scope, async (tx) => {
    const { order } = await lockOrderForChange(tx, input.order_id)
    return beginChange(tx, order, {
      change_type: "edit",
      description: input.description ?? null,
      internal_note: input.internal_note ?? null,
      created_by: actor.actor_id,
    })
  })
}

/** Medusa's orderEditAddNewItemWorkflow. */
export function addOrderEditItems(scope: Scope, orderId: string, items: OutboundItemInput[]) {
  return transaction(scope, async (tx) => {
    const { change, order, lines, quantities } = await editInProgress(tx, orderId)
    const actions = await outboundItemActions(tx, order, lines, items, {
      reference: "order_change",
      reference_id: change.id,
    })
    await addChangeActions(tx, change, quantities, actions)
  })
}

/**
 * Medusa's orderEditUpdateItemQuantityWorkflow: an existing line's new quantity (not below what
 * was fulfilled); a second update of the same line replaces the first. Its amount is the units'
 * worth, added or taken off.
 */
export function updateOrderEditItem(
  scope: Scope,
  orderId: string,
  itemId: string,
  input: { quantity: number; internal_note?: string | null },
) {
  return transaction(scope, async (tx) => {
    const { change, lines, quantities } = await editInProgress(tx, orderId)
    const line = lines.find((candidate) => candidate.id === itemId)
    if (!line) throw new MedusaError("invalid_data", `Item ID "${itemId}" not found.`)
    const changes = tx.resolve("orderChangeService")
    const amount = unitTotal(line)
      .times(input.quantity - line.quantity)
      .toString()
    const details = { reference_id: itemId, quantity: input.quantity }
    const earlier = (await changes.actions([change.id])).find(
      (action) => action.action === ChangeAction.ITEM_UPDATE && action.details.reference_id === itemId,
    )
    if (earlier) {
      await changes.updateAction(earlier.id, { details, amount, internal_note: input.internal_note ?? null })
      await checkChangeActions(tx, change, quantities)
    } else
      await addChangeActions(tx, change, quantities, [
        {
          action: ChangeAction.ITEM_UPDATE,
          reference: "order_change",
          reference_id: change.id,
          internal_note: input.internal_note ?? null,
          details,
          amount,
        },
      ])
  })
}

/** An added item's quantity changed, or (patch null) the item taken out of the edit. */
export function updateOrderEditAddedItem(
  scope: Scope,
  orderId: string,
  actionId: string,
  patch: { quantity?: number; internal_note?: string | null } | null,
) {
  return transaction(scope, async (tx) => {
    const { change, lines, quantities } = await editInProgress(tx, orderId)
    await patchAction(tx, change, actionId, [ChangeAction.ITEM_ADD, ChangeAction.ITEM_UPDATE], lines, patch)
    await checkChangeActions(tx, change, quantities)
  })
}

/** Medusa's createOrderEditShippingMethodWorkflow. */
export function addOrderEditShipping(scope: Scope, orderId: string, input: ShippingInput) {
  return transaction(scope, async (tx) => {
    const { change, order, quantities } = await editInProgress(tx, orderId)
    await addChangeActions(tx, change, quantities, [await shippingMethodAction(tx, order, input, {})])
  })
}

export function updateOrderEditShipping(
  scope: Scope,
  orderId: string,
  actionId: string,
  patch: { custom_amount?: number | null; internal_note?: string | null } | null,
) {
  return transaction(scope, async (tx) => {
    const { change, lines } = await editInProgress(tx, orderId)
    await patchAction(tx, change, actionId, [ChangeAction.SHIPPING_ADD], lines, patch)
  })
}

/** Medusa's requestOrderEditRequestWorkflow: the edit sent for the customer's approval. */
export function requestOrderEdit(scope: Scope, orderId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { change } = await editInProgress(tx, orderId)
    if ((await tx.resolve("orderChangeService").actions([change.id])).length === 0)
      throw new MedusaError("invalid_data", `Order edit ${change.id} has no changes to request`)
    await tx.resolve("orderChangeService").request(change, actor.actor_id)
    await emitEvent(tx, OrderChangeEvents.EDIT_REQUESTED, { order_id: orderId, actions: [] })
  })
}

/**
 * Medusa's confirmOrderEditRequestWorkflow: the edit applied (new lines' stock reserved) and,
 * when the customer now owes more than was paid, a payment collection for the difference.
 */
export function confirmOrderEdit(scope: Scope, orderId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { change } = await editInProgress(tx, orderId)
    await confirmChange(tx, change, actor.actor_id)
    await chargeDifference(tx, orderId)
    await emitEvent(tx, OrderChangeEvents.EDIT_CONFIRMED, { order_id: orderId, actions: [] })
  })
}

/** Medusa's cancelBeginOrderEditWorkflow. */
export function cancelOrderEdit(scope: Scope, orderId: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { change } = await editInProgress(tx, orderId)
    await tx.resolve("orderChangeService").cancel(change, actor.actor_id)
    await emitEvent(tx, OrderChangeEvents.EDIT_CANCELED, { order_id: orderId, actions: [] })
  })
}
