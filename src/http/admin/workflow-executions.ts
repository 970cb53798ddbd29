import { emptyResource } from "../../core/empty-resource"
import { oneOrMany } from "../../core/query/params"

/**
 * Medusa's /admin/workflows-executions (the dashboard's Settings → Workflows pages). Medusa records
 * each run of its workflow engine there; this backend has no workflow engine (its commands are
 * plain transactions in src/flows), so nothing is ever recorded: the list is honestly empty, with
 * Medusa's paging fields and its query still validated, and every id is not found.
 */
export const adminWorkflowExecutionRoutes = emptyResource("workflow_executions", "Workflow execution", {
  filters: {
    workflow_id: oneOrMany.optional(),
    transaction_id: oneOrMany.optional(),
    state: oneOrMany.optional(),
  },
})
