import type { MiddlewareHandler } from "hono"
import { MedusaError } from "../../core/errors"
import type { AppEnv } from "../../core/types"

export const PUBLISHABLE_KEY_HEADER = "x-publishable-api-key"

/**
 * Every /store request names a publishable key; it decides which sales channels (and so
 * which products, carts and stock) the request sees.
 */
export function requirePublishableKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = c.req.header(PUBLISHABLE_KEY_HEADER)
    if (!token) {
      throw new MedusaError(
        "not_allowed",
        `Publishable API key required in the request header: ${PUBLISHABLE_KEY_HEADER}. You can manage your keys in settings in the dashboard.`,
      )
    }
    // Cached with the channels: a key's revocation or new channels invalidate it.
    const { key } = await c.var.scope
      .resolve("catalogCache")
      .read(`publishable-key:${token}`, ["channels"], async () => ({
        key: await c.var.scope.resolve("apiKeyService").retrievePublishable(token),
      }))
    if (!key || (key.revoked_at && new Date(key.revoked_at) <= new Date())) {
      throw new MedusaError("not_allowed", "A valid publishable key is required to proceed with the request")
    }
    c.set("publishableKey", { id: key.id, sales_channel_ids: key.sales_channel_ids })
    await next()
  }
}

/**
 * The sales channels a store request may see: the key's, or the ones it asks for if the key
 * has them all.
 */
export function storeSalesChannels(keyChannels: string[], requested?: string[]): string[] {
  if (requested && !requested.every((id) => keyChannels.includes(id))) {
    throw new MedusaError("invalid_data", "Requested sales channel is not part of the publishable key")
  }
  const channels = requested ?? keyChannels
  if (channels.length === 0)
    throw new MedusaError("invalid_data", "Publishable key needs to have a sales channel configured")
  return channels
}
