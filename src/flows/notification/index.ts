import type { Subscriber } from "../../infra/events/subscriber"
import { inviteNotification } from "./invite"
import { orderPlacedNotification } from "./order-placed"
import { passwordResetNotification } from "./password-reset"

/** The mails the app sends by itself: order confirmation, password reset, admin invite. */
export const notificationSubscribers: readonly Subscriber[] = [
  orderPlacedNotification,
  passwordResetNotification,
  inviteNotification,
]
