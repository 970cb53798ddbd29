import type { Scope } from "../../core/container"
import { FulfillmentEvents } from "../../modules/fulfillment/events"
import type { ShippingOptionTypeInput } from "../../modules/fulfillment/shipping-option-type-service"
import { announced } from "../command"

// The admin's shipping option type commands (Medusa's create/update/deleteShippingOptionTypesWorkflow).

const types = (tx: Scope) => tx.resolve("shippingOptionTypeService")

/** POST /admin/shipping-option-types; answers the new type's id. */
export const createShippingOptionType = (scope: Scope, input: ShippingOptionTypeInput) =>
  announced(scope, FulfillmentEvents.SHIPPING_OPTION_TYPE_CREATED, (tx) => types(tx).create(input))

export const updateShippingOptionType = (scope: Scope, id: string, input: Partial<ShippingOptionTypeInput>) =>
  announced(scope, FulfillmentEvents.SHIPPING_OPTION_TYPE_UPDATED, async (tx) => {
    await types(tx).update(id, input)
    return id
  })

/** A soft delete: shipping options that use the type keep it (Medusa does not refuse nor cascade). */
export const deleteShippingOptionType = (scope: Scope, id: string) =>
  announced(scope, FulfillmentEvents.SHIPPING_OPTION_TYPE_DELETED, async (tx) => {
    await types(tx).softDelete(id)
    return id
  })
