import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { UserEvents } from "../../modules/user/events"
import type { UserService } from "../../modules/user/service"

/** Medusa's updateUsersWorkflow: the user's name, avatar and metadata, then `user.updated`. */
export function updateUser(scope: Scope, id: string, input: Parameters<UserService["update"]>[1]) {
  return transaction(scope, async (tx) => {
    await tx.resolve("userService").update(id, input)
    await emitEvent(tx, UserEvents.UPDATED, { id })
  })
}

/** Medusa's removeUserAccountWorkflow: the user soft-deleted and unlinked from its auth identity. */
export function deleteUser(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    await tx.resolve("userService").softDelete(id)
    await tx.resolve("authService").unlinkActor("user_id", id)
    await emitEvent(tx, UserEvents.DELETED, { id })
  })
}
