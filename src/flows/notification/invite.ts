import { MedusaError } from "../../core/errors"
import { UserEvents } from "../../modules/user/events"
import type { Subscriber } from "../../infra/events/subscriber"
import { adminUrl } from "./urls"

/** The invite mail for invite.created and invite.resent: each resend is a new event, with a new token, and a new mail. */
export const inviteNotification: Subscriber = {
  id: "notification-user-invite",
  event: [UserEvents.INVITE_CREATED, UserEvents.INVITE_RESENT],
  async handler({ event, data, container }) {
    const invite = await container
      .resolve("userService")
      .retrieveInvite(String(data.id))
      .catch((error) => {
        if (error instanceof MedusaError && error.type === "not_found") return undefined
        throw error
      })
    // Deleted or accepted before the mail went out: nothing to invite to.
    if (!invite || invite.accepted) return
    const url = `${adminUrl(container.resolve("config"))}/invite?${new URLSearchParams({ token: invite.token })}`
    await container.resolve("notificationService").createNotifications({
      to: invite.email,
      channel: "email",
      template: "user-invite",
      trigger_type: event.name,
      resource_type: "invite",
      resource_id: invite.id,
      idempotency_key: `${event.id}:user-invite:${invite.email}`,
      data: { url, email: invite.email, invite_id: invite.id },
    })
  },
}
