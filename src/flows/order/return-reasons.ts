import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import type { ReturnReasonInput } from "../../modules/order/return-reason-service"

// The admin's return reason commands: each one transaction. Medusa's return reason workflows emit no events.

const reasons = (tx: Scope) => tx.resolve("returnReasonService")

/** Medusa's createReturnReasonsWorkflow; answers the reason. */
export const createReturnReason = (scope: Scope, input: ReturnReasonInput) =>
  transaction(scope, (tx) => reasons(tx).create(input))

/** Medusa's updateReturnReasonsWorkflow; answers the reason. */
export const updateReturnReason = (scope: Scope, id: string, input: Partial<ReturnReasonInput>) =>
  transaction(scope, (tx) => reasons(tx).update(id, input))

/** Medusa's deleteReturnReasonsWorkflow. */
export const deleteReturnReason = (scope: Scope, id: string) =>
  transaction(scope, async (tx) => {
    await reasons(tx).softDelete(id)
    return { id }
  })
