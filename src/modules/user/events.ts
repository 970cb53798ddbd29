/** Events of the user domain (payload `{ id }`). */
export const UserEvents = {
  CREATED: "user.created",
  INVITE_CREATED: "invite.created",
} as const
