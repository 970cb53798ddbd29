import { announced } from "../command"
import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { ApiKeyEvents } from "../../modules/api-key/events"

// The admin's API key commands: each one transaction, its `{ id }` event included.

const keys = (tx: Scope) => tx.resolve("apiKeyService")

/** Medusa's createApiKeysWorkflow: a secret key's token is in the answer, this once. */
export function createApiKey(
  scope: Scope,
  input: { title: string; type: "publishable" | "secret"; created_by: string },
) {
  return transaction(scope, async (tx) => {
    const { title, created_by } = input
    const key =
      input.type === "secret"
        ? await keys(tx).createSecret({ title, created_by })
        : await keys(tx).createPublishable({ title, sales_channel_ids: [], created_by })
    await emitEvent(tx, ApiKeyEvents.CREATED, { id: key.id })
    return key
  })
}

/** Medusa's updateApiKeysWorkflow. */
export const updateApiKey = (scope: Scope, id: string, input: { title?: string }) =>
  announced(
    scope,
    ApiKeyEvents.UPDATED,
    (tx) => keys(tx).update(id, input),
    () => id,
  )

/** Medusa's deleteApiKeysWorkflow. */
export const deleteApiKey = (scope: Scope, id: string) =>
  announced(
    scope,
    ApiKeyEvents.DELETED,
    (tx) => keys(tx).softDelete(id),
    () => id,
  )

/** Medusa's revokeApiKeysWorkflow: the key must exist. */
export const revokeApiKey = (scope: Scope, id: string, revokedBy: string) =>
  announced(
    scope,
    ApiKeyEvents.REVOKED,
    async (tx) => {
      await keys(tx).retrieve(id)
      return keys(tx).revoke(id, revokedBy)
    },
    () => id,
  )

/** Medusa's linkSalesChannelsToApiKeyWorkflow: every channel added must exist. */
export const linkSalesChannelsToApiKey = (scope: Scope, id: string, links: { add: string[]; remove: string[] }) =>
  announced(
    scope,
    ApiKeyEvents.UPDATED,
    async (tx) => {
      // A key pointing at nothing would fail every store request later.
      for (const channelId of links.add) await tx.resolve("salesChannelService").retrieve(channelId)
      return keys(tx).linkSalesChannels(id, links.add, links.remove)
    },
    () => id,
  )
