import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import type { RefundReasonInput } from "../../modules/payment/refund-reason-service"

// The admin's refund reason commands: each one transaction. Medusa's refund reason workflows emit no events.

const reasons = (tx: Scope) => tx.resolve("refundReasonService")

/** Medusa's createRefundReasonsWorkflow; answers the reason. */
export const createRefundReason = (scope: Scope, input: RefundReasonInput) =>
  transaction(scope, (tx) => reasons(tx).create(input))

/** Medusa's updateRefundReasonsWorkflow; answers the reason. */
export const updateRefundReason = (scope: Scope, id: string, input: Partial<RefundReasonInput>) =>
  transaction(scope, (tx) => reasons(tx).update(id, input))

/** Medusa's deleteRefundReasonsWorkflow: a soft delete, refunds made with the reason keep its id. */
export const deleteRefundReason = (scope: Scope, id: string) =>
  transaction(scope, async (tx) => {
    await reasons(tx).softDelete(id)
    return { id }
  })
