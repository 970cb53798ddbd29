import type { Scope } from "../../core/container"
import type { FileContext } from "../../modules/file/service"
import { publishExport } from "../file/exports"
import { writeOrderCsv } from "./export-csv"

// Medusa's exportOrdersWorkflow: every matching order (never a draft) as CSV, published as a private file on the admin's feed.

type Json = Record<string, unknown>
/** One page of the orders to export, as the Admin API shapes them (payment and fulfillment status included). */
export type OrderPage = (page: { limit: number; offset: number }) => Promise<Json[]>

const PAGE_SIZE = 100

/** Every order the filters match, page by page (each page's relations loaded in a few statements). */
async function allOrders(load: OrderPage): Promise<Json[]> {
  const orders: Json[] = []
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await load({ limit: PAGE_SIZE, offset })
    orders.push(...page)
    if (page.length < PAGE_SIZE) return orders
  }
}

/** POST /admin/orders/export: every matching order, a row each. */
export async function exportOrders(scope: Scope, load: OrderPage, context: FileContext) {
  const csv = writeOrderCsv(await allOrders(load))
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
