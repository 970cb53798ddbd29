import { AuthEvents } from "../../modules/auth/events"
import type { Subscriber } from "../../infra/events/subscriber"
import { adminUrl, storefrontUrl } from "./urls"

interface PasswordResetPayload {
  entity_id?: unknown
  actor_type?: unknown
  token?: unknown
}

/** The reset link for auth.password_reset: the dashboard's /reset-password for users, the storefront's for customers. */
export const passwordResetNotification: Subscriber = {
  id: "notification-password-reset",
  event: AuthEvents.PASSWORD_RESET,
  async handler({ event, data, container }) {
    const { entity_id: email, actor_type: actor, token } = data as PasswordResetPayload
    if (typeof email !== "string" || typeof token !== "string" || !email) return
    const config = container.resolve("config")
    const base = actor === "user" ? adminUrl(config) : storefrontUrl(config)
    const query = new URLSearchParams({ token, email })
    await container.resolve("notificationService").createNotifications({
      to: email,
      channel: "email",
      template: "password-reset",
      trigger_type: event.name,
      resource_type: typeof actor === "string" ? actor : null,
      // Each request is its own event and its own mail; a redelivery of one is not.
      idempotency_key: `${event.id}:password-reset:${email}`,
      data: { url: `${base}/reset-password?${query}`, email, actor_type: actor ?? null },
      // Any admin reads /admin/notifications: a stored reset token would let one take over another's account.
      secrets: [token],
    })
  },
}
