import type { Scope } from "../../core/container"
import { emitEvent } from "../../infra/event-outbox-service"

/** Events of the fulfillment domain (payload `{ id }`). */
export const FulfillmentEvents = {
  SHIPPING_OPTION_CREATED: "shipping-option.created",
  SHIPPING_OPTION_UPDATED: "shipping-option.updated",
  SHIPPING_OPTION_DELETED: "shipping-option.deleted",
  SHIPPING_OPTION_TYPE_CREATED: "shipping-option-type.created",
  SHIPPING_OPTION_TYPE_UPDATED: "shipping-option-type.updated",
  SHIPPING_OPTION_TYPE_DELETED: "shipping-option-type.deleted",
} as const

/** One `shipping-option.deleted` per option that went away, directly or with its zone, set or location. */
export async function emitShippingOptionsDeleted(tx: Scope, optionIds: string[]) {
  for (const id of optionIds) await emitEvent(tx, FulfillmentEvents.SHIPPING_OPTION_DELETED, { id })
}
