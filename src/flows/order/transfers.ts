import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { ChangeAction } from "../../modules/order/change-actions"
import type { OrderChange } from "../../modules/order/change-service"
import { OrderChangeEvents } from "../../modules/order/events"
import { beginChange, confirmChange } from "./changes"

/** Who asks: a customer for themselves (Store API) or an admin user for a customer (Admin API). */
export interface TransferActor {
  actor_id: string
  actor_type: "customer" | "user"
}

/** The transfer's token, mailed to the order's original email: 128 random bits, hex. */
function transferToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")
}

/** Compares in time that does not depend on where the strings first differ. */
function sameToken(given: string, expected: unknown) {
  if (typeof expected !== "string" || given.length === 0 || given.length !== expected.length) return false
  let difference = 0
  for (let i = 0; i < given.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i)
  return difference === 0
}

/**
 * Medusa's requestOrderTransferWorkflow: a `transfer` change, requested at once, with one
 * TRANSFER_CUSTOMER action holding the token the original email will be sent.
 */
export function requestOrderTransfer(
  scope: Scope,
  input: { order_id: string; customer_id: string; description?: string; internal_note?: string },
  actor: TransferActor,
) {
  return transaction(scope, async (tx) => {
    const order = await tx.resolve("orderFulfillmentService").lockOpenOrder(input.order_id)
    const customers = tx.resolve("customerService")
    const customer = await customers.retrieve(input.customer_id)
    if (!customer.has_account)
      throw new MedusaError(
        "invalid_data",
        `Cannot transfer order: ${order.id} to a guest customer account: ${customer.email}`,
      )
    if (order.customer_id === customer.id)
      throw new MedusaError("invalid_data", `Order: ${order.id} already belongs to customer: ${customer.id}`)
    const [owner] = order.customer_id ? await customers.byIds([order.customer_id]) : []
    if (owner?.has_account) {
      // A customer is told what GET /store/orders/:id tells them of someone else's order.
      if (actor.actor_type === "customer")
        throw new MedusaError("not_found", `Order with id: ${order.id} was not found`)
      throw new MedusaError("invalid_data", `Order: ${order.id} already belongs to customer: ${owner.id}`)
    }

    const changes = tx.resolve("orderChangeService")
    const change = await beginChange(tx, order, {
      change_type: "transfer",
      description: input.description ?? null,
      internal_note: input.internal_note ?? null,
      created_by: actor.actor_id,
    })
    await changes.addActions(change, [
      {
        action: ChangeAction.TRANSFER_CUSTOMER,
        reference: "customer",
        reference_id: customer.id,
        details: { token: transferToken(), original_email: order.email },
        amount: null,
      },
    ])
    await changes.request(change, actor.actor_id)
    await emitEvent(tx, OrderChangeEvents.TRANSFER_REQUESTED, { id: order.id, order_change_id: change.id })
    return change
  })
}

/** The order (locked, not canceled) and its transfer in progress with its TRANSFER_CUSTOMER action. */
async function activeTransfer(tx: Scope, orderId: string) {
  const order = await tx.resolve("orderFulfillmentService").lockOpenOrder(orderId)
  const changes = tx.resolve("orderChangeService")
  const change = await changes.active(order.id)
  if (change?.change_type !== "transfer")
    throw new MedusaError("invalid_data", "An active Order Change is required to proceed")
  const [action] = (await changes.actions([change.id])).filter(
    (candidate) => candidate.action === ChangeAction.TRANSFER_CUSTOMER,
  )
  return { order, change, action }
}

/**
 * Medusa's acceptOrderTransferWorkflow: the token proves the original email's owner agrees; the
 * change is confirmed (conditionally: of two accepts one gets through) and the order changes hands.
 */
export function acceptOrderTransfer(scope: Scope, orderId: string, token: string) {
  return transaction(scope, async (tx) => {
    const order = await tx.resolve("orderFulfillmentService").lockOpenOrder(orderId)
    const changes = tx.resolve("orderChangeService")
    const change = await changes.active(order.id)
    if (change?.change_type !== "transfer" || change.status !== "requested")
      throw new MedusaError("invalid_data", `Order ${order.id} does not have an order transfer request.`)
    const action = (await changes.actions([change.id])).find(
      (candidate) => candidate.action === ChangeAction.TRANSFER_CUSTOMER,
    )
    if (!action?.reference_id || !sameToken(token, action.details.token))
      throw new MedusaError("not_allowed", "Invalid token.")
    await confirmChange(tx, change, null)
    await tx.resolve("orderService").updateDetails(order.id, { customer_id: action.reference_id })
    return change
  })
}

/** Medusa's declineOrderTransferRequestWorkflow: the original email's owner says no, with the token. */
export function declineOrderTransfer(scope: Scope, orderId: string, token: string) {
  return transaction(scope, async (tx) => {
    const { change, action } = await activeTransfer(tx, orderId)
    if (!sameToken(token, action?.details.token)) throw new MedusaError("not_allowed", "Invalid token.")
    await tx.resolve("orderChangeService").decline(change, null, null)
    await emitChangeEvent(tx, OrderChangeEvents.DECLINED, change)
    return change
  })
}

/**
 * Medusa's cancelOrderTransferRequestWorkflow: an admin, or the customer who asked for it, calls
 * the transfer off. (Medusa deletes the change; here it stays, canceled, as other changes do.)
 */
export function cancelOrderTransfer(scope: Scope, orderId: string, actor: TransferActor) {
  return transaction(scope, async (tx) => {
    const { change, action } = await activeTransfer(tx, orderId)
    if (actor.actor_type === "customer" && action?.reference_id !== actor.actor_id)
      throw new MedusaError("not_allowed", "This customer is not allowed to cancel the transfer.")
    await tx.resolve("orderChangeService").cancel(change, actor.actor_id)
    await emitChangeEvent(tx, OrderChangeEvents.CANCELED, change)
    return change
  })
}

const emitChangeEvent = (tx: Scope, name: string, change: OrderChange) =>
  emitEvent(tx, name, { id: change.id, order_id: change.order_id, change_type: change.change_type })
