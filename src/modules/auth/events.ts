/** Events of the auth domain. */
export const AuthEvents = {
  /** `{ entity_id: email, actor_type, token, metadata }`: a subscriber mails the token */
  PASSWORD_RESET: "auth.password_reset",
} as const
