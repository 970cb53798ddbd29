import type { ActorType } from "../../core/auth/jwt"
import { signToken } from "../../core/auth/jwt"
import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { AuthEvents } from "../../modules/auth/events"

export const INVALID_RESET_TOKEN = "Invalid or expired password reset token"

/** Medusa's emailpass register: a new identity for the email; an email already registered is refused. */
export function registerEmailpass(scope: Scope, email: string, password: string) {
  return transaction(scope, async (tx) => {
    const created = await tx.resolve("authService").registerEmailpass(email, password)
    if (!created) throw new MedusaError("unauthorized", "Identity with email already exists")
    return created
  })
}

/**
 * Medusa's generateResetPasswordTokenWorkflow: for a known email, a short-lived, single-use
 * token in `auth.password_reset` (a subscriber mails it; resetPassword spends it). An unknown
 * email does nothing, so the caller answers the same either way.
 */
export function generateResetPasswordToken(
  scope: Scope,
  input: { identifier: string; actor: ActorType; metadata?: Record<string, unknown>; secret: string },
) {
  return transaction(scope, async (tx) => {
    const found = await tx.resolve("authService").findEmailpass(input.identifier)
    if (!found) return
    const token = await signToken(
      { actor_id: "", actor_type: input.actor, auth_identity_id: found.identity.id, purpose: "reset" },
      input.secret,
      "15m",
      generateUnguessableId("reset"),
    )
    await emitEvent(tx, AuthEvents.PASSWORD_RESET, {
      entity_id: found.provider.entity_id,
      actor_type: input.actor,
      token,
      metadata: input.metadata ?? {},
    })
  })
}

/** Spends a reset token (its `jti`, kept until it expires) and sets the identity's new password. */
export function resetPassword(
  scope: Scope,
  token: { jti: string; exp: number; auth_identity_id: string },
  password: string,
) {
  return transaction(scope, async (tx) => {
    const auth = tx.resolve("authService")
    if (!(await auth.spendToken(token.jti, new Date(token.exp * 1000)))) {
      throw new MedusaError("unauthorized", INVALID_RESET_TOKEN)
    }
    const identity = await auth.retrieve(token.auth_identity_id)
    const provider = identity ? await auth.findEmailpassById(identity.id) : undefined
    if (!provider) throw new MedusaError("unauthorized", INVALID_RESET_TOKEN)
    await auth.setPassword(provider.entity_id, password)
  })
}
