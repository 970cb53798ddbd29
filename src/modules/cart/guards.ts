import { MedusaError } from "../../core/errors"
import type { Cart } from "./service"

/** A cart that belongs to a customer is theirs alone: to anyone else it does not exist. */
export function assertCartAccess(cart: Cart, customerId: string | undefined) {
  if (cart.customer_id && cart.customer_id !== customerId)
    throw new MedusaError("not_found", `Cart with id: ${cart.id} was not found`)
}

export function assertOpen(cart: Cart) {
  if (cart.completed_at) throw new MedusaError("not_allowed", `Cart ${cart.id} is already completed.`)
}
