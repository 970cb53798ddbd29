import type { Scope } from "../../core/container"
import type { FileContext } from "../../modules/file/service"
import { allPages, type ExportPage, publishExport } from "../file/exports"
import { writeOrderCsv } from "./export-csv"

// Medusa's exportOrdersWorkflow: every matching order (never a draft) as CSV, published as a private file on the admin's feed.

/** POST /admin/orders/export: every matching order, a row each. */
export async function exportOrders(scope: Scope, load: ExportPage, context: FileContext) {
  const csv = writeOrderCsv(await allPages(load))
  return publishExport(
    scope,
    {
      filename: `${Date.now()}-order-exports.csv`,
      csv,
      title: "Order export",
      description: "Order export completed successfully!",
    },
    context,
  )
}
