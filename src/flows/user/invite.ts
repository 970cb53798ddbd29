import type { Scope } from "../../core/container"
import { generateUnguessableId } from "../../core/ids"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { UserEvents } from "../../modules/user/events"

const INVITE_DAYS = 7
const inviteToken = () => generateUnguessableId("invtok")
const inviteExpiry = () => new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000)

/** Medusa's createInvitesWorkflow: an invite with a fresh token, valid for a week. */
export function createInvite(scope: Scope, email: string) {
  return transaction(scope, async (tx) => {
    const invite = await tx.resolve("userService").createInvite(email, inviteToken(), inviteExpiry())
    await emitEvent(tx, UserEvents.INVITE_CREATED, { id: invite.id })
    return invite
  })
}

/** Medusa's refreshInviteTokensWorkflow (`resend`): a new token, valid for another week. */
export function refreshInviteToken(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    const invite = await tx.resolve("userService").renewInvite(id, inviteToken(), inviteExpiry())
    await emitEvent(tx, UserEvents.INVITE_RESENT, { id: invite.id })
    return invite
  })
}

/** Medusa's deleteInvitesWorkflow. */
export function deleteInvite(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    await tx.resolve("userService").softDeleteInvite(id)
    await emitEvent(tx, UserEvents.INVITE_DELETED, { id })
  })
}

/**
 * Medusa's acceptInviteWorkflow: the open invite of `token` becomes a user with its email, linked
 * to the auth identity that accepts it; the invite is spent.
 */
export function acceptInvite(
  scope: Scope,
  authIdentityId: string,
  token: string,
  input: { first_name?: string | null; last_name?: string | null },
) {
  return transaction(scope, async (tx) => {
    const users = tx.resolve("userService")
    const invite = await users.retrieveOpenInvite(token)
    const user = await users.create({ email: invite.email, first_name: input.first_name, last_name: input.last_name })
    await users.markAccepted(invite.id)
    await tx.resolve("authService").linkActor(authIdentityId, { user_id: user.id })
    await emitEvent(tx, UserEvents.CREATED, { id: user.id })
    return user
  })
}
