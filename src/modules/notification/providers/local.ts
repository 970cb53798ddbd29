import type { NotificationProvider, ProviderMessage } from "./provider"

/** Medusa's notification-local: logs the message; the stored notification is what the admin sees. */
export class LocalNotificationProvider implements NotificationProvider {
  constructor(
    readonly id: string,
    readonly channels: readonly string[],
  ) {}

  async send(message: ProviderMessage): Promise<{ id?: string }> {
    const subject = message.content?.subject ? ` "${message.content.subject}"` : ""
    console.log(
      `notification (${this.id}): ${message.template} on ${message.channel} to ${message.to}${subject} [${message.id}]`,
    )
    return {}
  }
}
