import { announced } from "../command"
import type { Scope } from "../../core/container"
import { SalesChannelEvents } from "../../modules/sales-channel/events"
import type { SalesChannelInput } from "../../modules/sales-channel/service"

// The admin's sales channel commands: each one transaction, its `{ id }` event included.

const channels = (tx: Scope) => tx.resolve("salesChannelService")

/** Medusa's createSalesChannelsWorkflow; answers the channel. */
export const createSalesChannel = (scope: Scope, input: SalesChannelInput) =>
  announced(scope, SalesChannelEvents.CREATED, (tx) => channels(tx).create(input))

/** Medusa's updateSalesChannelsWorkflow; answers the channel. */
export const updateSalesChannel = (scope: Scope, id: string, input: Partial<SalesChannelInput>) =>
  announced(scope, SalesChannelEvents.UPDATED, (tx) => channels(tx).update(id, input))

/** Medusa's deleteSalesChannelsWorkflow. */
export const deleteSalesChannel = (scope: Scope, id: string) =>
  announced(scope, SalesChannelEvents.DELETED, async (tx) => {
    await channels(tx).softDelete(id)
    return { id }
  })

/** Medusa's linkProductsToSalesChannelWorkflow: products added to and removed from the channel. */
export const linkProductsToSalesChannel = (scope: Scope, id: string, links: { add: string[]; remove: string[] }) =>
  announced(scope, SalesChannelEvents.UPDATED, async (tx) => {
    const channel = await channels(tx).retrieve(id)
    await tx.resolve("productLinkService").setSalesChannel(channel.id, links.add, links.remove)
    return channel
  })
