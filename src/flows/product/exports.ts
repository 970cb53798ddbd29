import type { Scope } from "../../core/container"
import type { FileContext } from "../../modules/file/service"
import { allPages, type ExportPage, publishExport } from "../file/exports"
import { writeProductCsv } from "./csv/write"

// Medusa's exportProductsWorkflow: every matching product as CSV, published as a private file on the admin's feed.

/** Every region (a store has a handful), for the CSV's `Variant Price <Region> [CUR]` columns. */
export async function allRegions(scope: Scope): Promise<{ id: string; name: string }[]> {
  const { rows } = await scope
    .resolve("regionService")
    .list({}, { field: "created_at", direction: "asc" }, { limit: 1000, offset: 0 })
  return rows.map((region) => ({ id: String(region.id), name: String(region.name) }))
}

/** POST /admin/products/export: every matching product, a row per variant. */
export async function exportProducts(scope: Scope, load: ExportPage, context: FileContext) {
  const regionNames = new Map((await allRegions(scope)).map((region) => [region.id, region.name]))
  const csv = writeProductCsv(await allPages(load), regionNames)
  return publishExport(
    scope,
    {
      filename: `${Date.now()}-product-exports.csv`,
      csv,
      title: "Product export",
      description: "Product export completed successfully!",
    },
    context,
  )
}
