/** Events of the user domain (payload `{ id }`). */
export const UserEvents = {
  CREATED: "user.created",
  UPDATED: "user.updated",
  DELETED: "user.deleted",
  INVITE_CREATED: "invite.created",
  INVITE_RESENT: "invite.resent",
  INVITE_DELETED: "invite.deleted",
} as const
