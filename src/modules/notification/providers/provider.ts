import type { ResolvedNotificationProvider } from "../../../config/notification-module"
import { LocalNotificationProvider } from "./local"
import { ResendNotificationProvider } from "./resend"

/** What a provider is asked to send: the stored notification, rendered. */
export interface ProviderMessage {
  id: string
  to: string
  from: string | null
  channel: string
  template: string
  data: Record<string, unknown> | null
  content: { subject?: string; text?: string; html?: string } | null
  /** the notification's idempotency key (else its id): the provider's own deduplication of a retried send */
  idempotency_key: string
}

/** Medusa's notification provider: sends on the channels it serves, answers its own id of the message. */
export interface NotificationProvider {
  id: string
  channels: readonly string[]
  send(message: ProviderMessage): Promise<{ id?: string }>
}

/** The configured providers, built once per app (they hold no connection). */
export function createProviders(config: readonly ResolvedNotificationProvider[]): NotificationProvider[] {
  return config.map((provider) =>
    provider.resolve === "resend"
      ? new ResendNotificationProvider(provider.id, provider.options)
      : new LocalNotificationProvider(provider.id, provider.options.channels),
  )
}
