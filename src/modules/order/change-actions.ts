import type Big from "big.js"
import { MedusaError } from "../../core/errors"
import { decimal } from "../../core/money"

/** Medusa's order change action types (ChangeActionType) that this backend applies. */
export const ChangeAction = {
  ITEM_ADD: "ITEM_ADD",
  ITEM_UPDATE: "ITEM_UPDATE",
  RETURN_ITEM: "RETURN_ITEM",
  RECEIVE_RETURN_ITEM: "RECEIVE_RETURN_ITEM",
  RECEIVE_DAMAGED_RETURN_ITEM: "RECEIVE_DAMAGED_RETURN_ITEM",
  CANCEL_RETURN_ITEM: "CANCEL_RETURN_ITEM",
  WRITE_OFF_ITEM: "WRITE_OFF_ITEM",
  SHIPPING_ADD: "SHIPPING_ADD",
  TRANSFER_CUSTOMER: "TRANSFER_CUSTOMER",
} as const
export type ChangeActionName = (typeof ChangeAction)[keyof typeof ChangeAction]

/** Actions whose amount comes off the order's total (Medusa's isDeduction). */
const DEDUCTIONS = new Set<string>([ChangeAction.RETURN_ITEM, ChangeAction.WRITE_OFF_ITEM])

/** An action as the engine needs it: details.reference_id names the order line it acts on. */
export interface ChangeActionInput {
  action: string
  details: Record<string, unknown>
  /** decimal string: what the action is worth, positive; deductions are subtracted */
  amount: string | null
}

/** An order line's quantities, as Medusa's order item detail. */
export interface ItemQuantities {
  id: string
  quantity: number
  fulfilled_quantity: number
  return_requested_quantity: number
  return_received_quantity: number
  return_dismissed_quantity: number
  written_off_quantity: number
  /** true for a line an ITEM_ADD of this change brings */
  added?: boolean
}

const quantityOf = (action: ChangeActionInput) => Number(action.details.quantity ?? 0)
const referenceOf = (action: ChangeActionInput) => String(action.details.reference_id ?? "")

function lineFor(items: Map<string, ItemQuantities>, action: ChangeActionInput) {
  const id = referenceOf(action)
  if (!id) throw new MedusaError("invalid_data", "Details reference ID is required.")
  const item = items.get(id)
  if (!item) throw new MedusaError("invalid_data", `Item ID "${id}" not found.`)
  return item
}

function requireQuantity(action: ChangeActionInput, message: string) {
  const quantity = quantityOf(action)
  if (!Number.isInteger(quantity) || quantity < 1) throw new MedusaError("invalid_data", message)
  return quantity
}

/**
 * One action applied to the lines' quantities, with Medusa's checks and messages (its
 * OrderChangeProcessing action definitions): nothing returned beyond what was fulfilled,
 * nothing received beyond what was requested, no quantity below what was fulfilled.
 */
function apply(items: Map<string, ItemQuantities>, action: ChangeActionInput) {
  switch (action.action) {
    case ChangeAction.RETURN_ITEM: {
      const item = lineFor(items, action)
      const quantity = requireQuantity(action, `Quantity to return of item ${item.id} is required.`)
      // Written-off units (claimed, or received damaged) are not returned again.
      const returnable =
        item.fulfilled_quantity -
        item.return_requested_quantity -
        item.return_received_quantity -
        item.written_off_quantity
      if (quantity > returnable)
        throw new MedusaError(
          "invalid_data",
          `Cannot request to return more items than what was fulfilled for item ${item.id}.`,
        )
      item.return_requested_quantity += quantity
      return
    }
    case ChangeAction.RECEIVE_RETURN_ITEM:
    case ChangeAction.RECEIVE_DAMAGED_RETURN_ITEM: {
      const item = lineFor(items, action)
      const quantity = requireQuantity(action, `Quantity to receive return of item ${item.id} is required.`)
      if (quantity > item.return_requested_quantity)
        throw new MedusaError(
          "invalid_data",
          `Cannot receive more items than what was requested to be returned for item ${item.id}.`,
        )
      item.return_requested_quantity -= quantity
      if (action.action === ChangeAction.RECEIVE_RETURN_ITEM) item.return_received_quantity += quantity
      else {
        item.return_dismissed_quantity += quantity
        item.written_off_quantity += quantity
      }
      return
    }
    case ChangeAction.CANCEL_RETURN_ITEM: {
      const item = lineFor(items, action)
      const quantity = requireQuantity(action, `Quantity to cancel return of item ${item.id} is required.`)
      if (quantity > item.return_requested_quantity)
        throw new MedusaError(
          "invalid_data",
          `Cannot cancel more items than what was requested to return for item ${item.id}.`,
        )
      item.return_requested_quantity -= quantity
      return
    }
    case ChangeAction.WRITE_OFF_ITEM: {
      const item = lineFor(items, action)
      const quantity = requireQuantity(action, `Quantity to write-off item ${item.id} is required.`)
      if (
        quantity >
        item.fulfilled_quantity -
          item.written_off_quantity -
          item.return_requested_quantity -
          item.return_received_quantity
      )
        throw new MedusaError("invalid_data", `Cannot claim more items than what was ordered for item ${item.id}.`)
      item.written_off_quantity += quantity
      return
    }
    case ChangeAction.ITEM_ADD: {
      const id = referenceOf(action)
      const quantity = requireQuantity(action, `Quantity of item ${id} must be greater than 0.`)
      const existing = items.get(id)
      if (existing) existing.quantity += quantity
      else
        items.set(id, {
          id,
          quantity,
          fulfilled_quantity: 0,
          return_requested_quantity: 0,
          return_received_quantity: 0,
          return_dismissed_quantity: 0,
          written_off_quantity: 0,
          added: true,
        })
      return
    }
    case ChangeAction.ITEM_UPDATE: {
      const item = lineFor(items, action)
      const quantity = quantityOf(action)
      if (!Number.isInteger(quantity) || quantity < 0)
        throw new MedusaError("invalid_data", `Quantity of item ${item.id} is required.`)
      if (quantity < item.fulfilled_quantity)
        throw new MedusaError(
          "invalid_data",
          `Item ${item.id} has already been fulfilled and quantity cannot be lower than ${item.fulfilled_quantity}.`,
        )
      item.quantity = quantity
      return
    }
    case ChangeAction.SHIPPING_ADD:
    case ChangeAction.TRANSFER_CUSTOMER:
      return
    default:
      throw new MedusaError("invalid_data", `Action type ${action.action} is not defined`)
  }
}

/** What an action adds to the order's total: its amount, negative for a deduction. */
export function signedAmount(action: ChangeActionInput): Big {
  const amount = decimal(action.amount ?? 0)
  return DEDUCTIONS.has(action.action) ? amount.times(-1) : amount
}

/**
 * The lines' quantities after the actions, in order, and what they change the order's total by.
 * Pure: the same function checks an action when it is added, draws the preview and confirms.
 */
export function applyChangeActions(lines: readonly ItemQuantities[], actions: readonly ChangeActionInput[]) {
  const items = new Map(lines.map((line) => [line.id, { ...line }]))
  let difference = decimal(0)
  for (const action of actions) {
    apply(items, action)
    difference = difference.plus(signedAmount(action))
  }
  return { items: [...items.values()], difference }
}
