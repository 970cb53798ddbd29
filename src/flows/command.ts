import type { Scope } from "../core/container"
import { transaction } from "../core/transaction"
import { emitEvent } from "../infra/event-outbox-service"

const ownId = (result: unknown) => (typeof result === "string" ? result : (result as { id: string }).id)

/**
 * A command on one entity, the shape of most admin writes: `work` changes it, then `event`
 * announces it (`{ id }`: the id `work` answers, or its `id`), both in one transaction.
 */
export function announced<T>(
  scope: Scope,
  event: string,
  work: (tx: Scope) => Promise<T>,
  idOf: (result: T) => string = ownId,
): Promise<T> {
  return transaction(scope, async (tx) => {
    const result = await work(tx)
    await emitEvent(tx, event, { id: idOf(result) })
    return result
  })
}
