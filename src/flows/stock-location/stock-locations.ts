import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { emitShippingOptionsDeleted } from "../../modules/fulfillment/events"
import { StockLocationEvents } from "../../modules/stock-location/events"
import type { StockLocationService } from "../../modules/stock-location/service"
import { announced } from "../command"

// Medusa's stock location workflows: where stock is kept, what it sells to and how it ships.

const locations = (scope: Scope) => scope.resolve("stockLocationService")
const fulfillment = (scope: Scope) => scope.resolve("fulfillmentService")

type LocationInput = Parameters<StockLocationService["create"]>[0]

/** A change to one location, with its existence checked, in one transaction. */
function changeLocation(scope: Scope, id: string, work: (tx: Scope) => Promise<unknown>) {
  return transaction(scope, async (tx) => {
    await locations(tx).retrieve(id)
    await work(tx)
  })
}

/** A new location (and its address); its id. */
export const createStockLocation = (scope: Scope, input: LocationInput) =>
  announced(scope, StockLocationEvents.CREATED, async (tx) => (await locations(tx).create(input)).id)

export const updateStockLocation = (scope: Scope, id: string, input: Partial<LocationInput>) =>
  changeLocation(scope, id, async (tx) => {
    await locations(tx).update(id, input)
    await emitEvent(tx, StockLocationEvents.UPDATED, { id })
  })

/** Its fulfillment sets go with it (Medusa's cascading link), and with them its shipping options. */
export const deleteStockLocation = (scope: Scope, id: string) =>
  announced(scope, StockLocationEvents.DELETED, async (tx) => {
    await locations(tx).softDelete(id)
    await emitShippingOptionsDeleted(tx, await tx.resolve("fulfillmentSetService").deleteSetsOfLocation(id))
    return id
  })

/** Medusa's linkSalesChannelsToStockLocationWorkflow. */
export const linkSalesChannelsToStockLocation = (
  scope: Scope,
  id: string,
  links: { add: string[]; remove: string[] },
) =>
  changeLocation(scope, id, async (tx) => {
    await locations(tx).linkSalesChannels(id, links.add)
    await locations(tx).unlinkSalesChannels(id, links.remove)
  })

/** POST /admin/stock-locations/:id/fulfillment-providers: providers enabled at the location. */
export const addFulfillmentProvidersToStockLocation = (scope: Scope, id: string, providerIds: string[]) =>
  changeLocation(scope, id, async (tx) => {
    for (const provider of providerIds) await fulfillment(tx).enableProviderAt(provider, id)
  })

/** Medusa's createLocationFulfillmentSetWorkflow. */
export const createLocationFulfillmentSet = (
  scope: Scope,
  id: string,
  input: { name: string; type: "shipping" | "pickup" },
) => changeLocation(scope, id, (tx) => fulfillment(tx).createFulfillmentSet(id, input))
