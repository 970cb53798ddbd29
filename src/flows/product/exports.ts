import type { Scope } from "../../core/container"
import type { FileContext } from "../../modules/file/service"
import { publishExport } from "../file/exports"
import { writeProductCsv } from "./csv/write"

// Medusa's exportProductsWorkflow: every matching product as CSV, published as a private file on the admin's feed.

type Json = Record<string, unknown>
/** One page of the products to export, as the Admin API shapes them. */
export type ProductPage = (page: { limit: number; offset: number }) => Promise<Json[]>

const PAGE_SIZE = 100

/** Every product the filters match, page by page (each page's relations loaded in a few statements). */
async function allProducts(load: ProductPage): Promise<Json[]> {
  const products: Json[] = []
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await load({ limit: PAGE_SIZE, offset })
    products.push(...page)
    if (page.length < PAGE_SIZE) return products
  }
}

async function regionNames(scope: Scope): Promise<Map<string, string>> {
  const { rows } = await scope
    .resolve("regionService")
    .list({}, { field: "created_at", direction: "asc" }, { limit: 1000, offset: 0 })
  return new Map(rows.map((region) => [String(region.id), String(region.name)]))
}

/** POST /admin/products/export: every matching product, a row per variant. */
export async function exportProducts(scope: Scope, load: ProductPage, context: FileContext) {
  const csv = writeProductCsv(await allProducts(load), await regionNames(scope))
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
