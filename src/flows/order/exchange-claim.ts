import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { ChangeAction } from "../../modules/order/change-actions"
import type { OrderChange } from "../../modules/order/change-service"
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
import {
  type ActionPatch,
  confirmReturnRequestIn,
  patchAction,
  type ReturnItemInput,
  returnItemActions,
  type ShippingInput,
  shippingMethodAction,
} from "./returns"

/** An exchange or a claim: both bring units back (their return) and may send new ones out. */
export type Bundle = "exchange" | "claim"
interface Actor {
  actor_id: string | null
}

const label = { exchange: "Exchange", claim: "Claim" } as const
const ownerKey = (kind: Bundle) => (kind === "exchange" ? "exchange_id" : "claim_id")

async function retrieveBundle(tx: Scope, kind: Bundle, id: string) {
  const returns = tx.resolve("returnService")
  return kind === "exchange" ? returns.retrieveExchange(id) : returns.retrieveClaim(id)
}

/** The exchange or claim (not canceled), its order locked, and its change in progress. */
async function bundleInChange(tx: Scope, kind: Bundle, id: string) {
  const bundle = await retrieveBundle(tx, kind, id)
  if (bundle.canceled_at) throw new MedusaError("invalid_data", `${label[kind]} with id ${id} has been canceled.`)
  const locked = await lockOrderForChange(tx, bundle.order_id)
  const change = await tx.resolve("orderChangeService").activeFor({ [ownerKey(kind)]: id }, [kind])
  return { bundle, change, ...locked }
}

/** Medusa's beginExchangeOrderWorkflow / beginClaimOrderWorkflow. */
export function beginBundle(
  scope: Scope,
  kind: Bundle,
  input: {
    order_id: string
    type?: "refund" | "replace"
    description?: string
    internal_note?: string
    metadata?: Record<string, unknown> | null
  },
  actor: Actor,
) {
  return transaction(scope, async (tx) => {
    const { order } = await lockOrderForChange(tx, input.order_id)
    const returns = tx.resolve("returnService")
    const common = {
      order_id: order.id,
      order_version: order.version,
      created_by: actor.actor_id,
      metadata: input.metadata ?? null,
    }
    const bundle =
      kind === "exchange"
        ? await returns.createExchange({ ...common, allow_backorder: false })
        : await returns.createClaim({ ...common, type: input.type ?? "refund" })
    // Its return is made with it, as Medusa's is: the dashboard sets the return's location at once.
    const returnId = await bundleReturn(tx, kind, { ...bundle, return_id: null }, order.version, actor)
    await beginChange(tx, order, {
      change_type: kind,
      return_id: returnId,
      [ownerKey(kind)]: bundle.id,
      description: input.description ?? null,
      internal_note: input.internal_note ?? null,
      created_by: actor.actor_id,
    })
    return bundle
  })
}

/** The bundle's return, made with its first inbound item. */
async function bundleReturn(
  tx: Scope,
  kind: Bundle,
  bundle: { id: string; order_id: string; return_id: string | null },
  orderVersion: number,
  actor: Actor,
  locationId?: string,
) {
  if (bundle.return_id) return bundle.return_id
  const created = await tx.resolve("returnService").create({
    order_id: bundle.order_id,
    order_version: orderVersion,
    location_id: locationId ?? null,
    created_by: actor.actor_id,
    [ownerKey(kind)]: bundle.id,
  })
  const returns = tx.resolve("returnService")
  if (kind === "exchange") await returns.updateExchange(bundle.id, { return_id: created.id })
  else await returns.updateClaim(bundle.id, { return_id: created.id })
  return created.id
}

/**
 * Inbound items: RETURN_ITEM actions on the bundle's return, each unit credited at its worth. A
 * unit is either sent back or written off (a claim item), never both: the engine counts both.
 */
export function addInboundItems(
  scope: Scope,
  kind: Bundle,
  id: string,
  items: ReturnItemInput[],
  actor: Actor,
  locationId?: string,
) {
  return transaction(scope, async (tx) => {
    const { bundle, change, order, lines, quantities } = await bundleInChange(tx, kind, id)
    const returnId = await bundleReturn(tx, kind, bundle, order.version, actor, locationId)
    const actions = returnItemActions(lines, items, { return_id: returnId, [ownerKey(kind)]: id })
    await addChangeActions(tx, change, quantities, actions)
  })
}

/** Outbound items: ITEM_ADD actions, stock reserved when the bundle is confirmed. */
export function addOutboundItems(scope: Scope, kind: Bundle, id: string, items: OutboundItemInput[]) {
  return transaction(scope, async (tx) => {
    const { change, order, lines, quantities } = await bundleInChange(tx, kind, id)
    const actions = await outboundItemActions(tx, order, lines, items, {
      [ownerKey(kind)]: id,
      reference: kind === "exchange" ? "order_exchange" : "order_claim",
      reference_id: id,
    })
    await addChangeActions(tx, change, quantities, actions)
  })
}

/** Medusa's claim items: WRITE_OFF_ITEM actions worth what the customer paid for the units. */
export function addClaimItems(
  scope: Scope,
  id: string,
  items: { id: string; quantity: number; reason?: string; description?: string; internal_note?: string | null }[],
) {
  return transaction(scope, async (tx) => {
    const { change, lines, quantities } = await bundleInChange(tx, "claim", id)
    await addChangeActions(
      tx,
      change,
      quantities,
      items.map((item) => {
        const line = lines.find((candidate) => candidate.id === item.id)
        if (!line) throw new MedusaError("invalid_data", `Item ID "${item.id}" not found.`)
        return {
          action: ChangeAction.WRITE_OFF_ITEM,
          reference: "order_claim",
          reference_id: id,
          claim_id: id,
          internal_note: item.internal_note ?? null,
          details: {
            reference_id: item.id,
            quantity: item.quantity,
            reason: item.reason ?? null,
            note: item.description ?? null,
          },
          amount: unitTotal(line).times(item.quantity).toString(),
        }
      }),
    )
  })
}

/** Inbound (on the bundle's return) or outbound shipping. */
export function addBundleShipping(
  scope: Scope,
  kind: Bundle,
  id: string,
  side: "inbound" | "outbound",
  input: ShippingInput,
  actor: Actor,
) {
  return transaction(scope, async (tx) => {
    const { bundle, change, order, quantities } = await bundleInChange(tx, kind, id)
    const returnId = side === "inbound" ? await bundleReturn(tx, kind, bundle, order.version, actor) : null
    await addChangeActions(tx, change, quantities, [
      await shippingMethodAction(tx, order, input, { return_id: returnId, [ownerKey(kind)]: id }),
    ])
  })
}

/** One action of the bundle's change updated, or (patch null) removed, then all checked again. */
export function updateBundleAction(
  scope: Scope,
  kind: Bundle,
  id: string,
  actionId: string,
  actions: string[],
  patch: ActionPatch | null,
) {
  return transaction(scope, async (tx) => {
    const { change, lines, quantities } = await bundleInChange(tx, kind, id)
    await patchAction(tx, change, actionId, actions, lines, patch)
    await checkChangeActions(tx, change, quantities)
  })
}

/**
 * Medusa's confirmExchangeRequestWorkflow / confirmClaimRequestWorkflow: the change confirmed
 * (outbound stock reserved, lines added), its return requested, the claim's items written, the
 * difference recorded, and a payment collection when the customer owes more.
 */
export function confirmBundle(scope: Scope, kind: Bundle, id: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { bundle, change } = await bundleInChange(tx, kind, id)
    const actions = await tx.resolve("orderChangeService").actions([change.id])
    if (actions.length === 0) throw new MedusaError("invalid_data", `${label[kind]} ${id} has no items`)
    const { difference } = bundle.return_id
      ? await confirmReturnRequestIn(
          tx,
          await tx.resolve("returnService").retrieve(bundle.return_id),
          change,
          actor.actor_id,
        )
      : await confirmChange(tx, change, actor.actor_id)
    const returns = tx.resolve("returnService")
    if (kind === "exchange") await returns.updateExchange(id, { difference_due: difference.toString() })
    else {
      await returns.addClaimItems(
        id,
        actions
          .filter((action) => action.action === ChangeAction.WRITE_OFF_ITEM)
          .map((action) => ({
            item_id: String(action.details.reference_id),
            quantity: Number(action.details.quantity),
            reason: (action.details.reason as "missing_item" | null) ?? null,
            note: (action.details.note as string | null) ?? null,
            is_additional_item: false,
          })),
      )
      await returns.updateClaim(id, { refund_amount: difference.lt(0) ? difference.times(-1).toString() : "0" })
    }
    await chargeDifference(tx, bundle.order_id)
    await emitEvent(tx, kind === "exchange" ? OrderChangeEvents.EXCHANGE_CREATED : OrderChangeEvents.CLAIM_CREATED, {
      order_id: bundle.order_id,
      [ownerKey(kind)]: id,
    })
  })
}

/** Medusa's cancelBeginOrderExchange/Claim: the change dropped, the bundle and its return canceled. */
export function cancelBundleRequest(scope: Scope, kind: Bundle, id: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const { bundle, change } = await bundleInChange(tx, kind, id)
    await cancelBundleIn(tx, kind, bundle, change, actor)
  })
}

async function cancelBundleIn(
  tx: Scope,
  kind: Bundle,
  bundle: { id: string; return_id: string | null },
  change: OrderChange,
  actor: Actor,
) {
  await tx.resolve("orderChangeService").cancel(change, actor.actor_id)
  const returns = tx.resolve("returnService")
  const now = new Date()
  if (bundle.return_id) await returns.update(bundle.return_id, { status: "canceled", canceled_at: now })
  if (kind === "exchange") await returns.updateExchange(bundle.id, { canceled_at: now })
  else await returns.updateClaim(bundle.id, { canceled_at: now })
  await emitEvent(tx, OrderChangeEvents.CANCELED, {
    id: change.id,
    order_id: change.order_id,
    change_type: change.change_type,
  })
}

/**
 * Medusa's cancelExchange / cancelClaim: only while it is not confirmed here (a confirmed one
 * has sent stock out and moved money: its return is canceled on its own, its lines stay).
 */
export function cancelBundle(scope: Scope, kind: Bundle, id: string, actor: Actor) {
  return transaction(scope, async (tx) => {
    const bundle = await retrieveBundle(tx, kind, id)
    if (bundle.canceled_at) throw new MedusaError("invalid_data", `${label[kind]} with id ${id} has been canceled.`)
    await lockOrderForChange(tx, bundle.order_id)
    const active = await tx.resolve("orderChangeService").active(bundle.order_id)
    if (!active || active[ownerKey(kind)] !== id)
      throw new MedusaError("not_allowed", `${label[kind]} ${id} was confirmed: cancel its return instead`)
    await cancelBundleIn(tx, kind, bundle, active, actor)
  })
}
