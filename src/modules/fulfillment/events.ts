import type { Scope } from "../../core/container"
import { emitEvent } from "../../infra/event-outbox-service"

/** One `shipping-option.deleted` per option that went away, directly or with its zone, set or location. */
export async function emitShippingOptionsDeleted(tx: Scope, optionIds: string[]) {
  for (const id of optionIds) await emitEvent(tx, "shipping-option.deleted", { id })
}
