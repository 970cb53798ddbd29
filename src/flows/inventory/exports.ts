import type { Scope } from "../../core/container"
import type { FileContext } from "../../modules/file/service"
import { allPages, type ExportPage, publishExport } from "../file/exports"
import { type ExportLocation, writeInventoryCsv } from "./export-csv"

type Json = Record<string, unknown>

// Medusa's exportInventoryItemsWorkflow: every matching inventory item, a row per linked variant and
// the stock per location in columns, published as a private file on the admin's feed.

/** Every stock location, by name (Medusa's `localeCompare` order), for the CSV's `Location [<name>] …` columns. */
async function allLocations(scope: Scope): Promise<ExportLocation[]> {
  const locations = scope.resolve("stockLocationService")
  const rows = await allPages(
    async (page) => (await locations.list({}, { field: "created_at", direction: "asc" }, page)).rows,
  )
  return rows
    .map((location) => ({ id: String(location.id), name: String(location.name ?? "") }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** The page's items with their linked (live) variants as `variants`, oldest first, in a few statements whatever their number. */
async function withVariants(scope: Scope, items: Json[]): Promise<Json[]> {
  if (items.length === 0) return items
  const links = await scope.resolve("inventoryService").variantLinksOfItems(items.map((item) => String(item.id)))
  const ids = [...new Set(links.map((link) => link.variant_id))]
  const { rows: variants } = ids.length
    ? await scope
        .resolve("productService")
        .listVariants({ id: ids }, { field: "created_at", direction: "asc" }, { limit: ids.length, offset: 0 })
    : { rows: [] }
  return items.map((item) => {
    const linked = new Set(links.filter((link) => link.inventory_item_id === item.id).map((link) => link.variant_id))
    return {
      ...item,
      variants: variants
        .filter((variant) => linked.has(variant.id))
        .map(({ id, title, barcode, ean, upc }) => ({ id, title, barcode, ean, upc })),
    }
  })
}

/** POST /admin/inventory-items/export: every matching item, a row per linked variant (or one without). */
export async function exportInventoryItems(scope: Scope, load: ExportPage, context: FileContext) {
  const locations = await allLocations(scope)
  const items = await allPages(async (page) => withVariants(scope, await load(page)))
  const csv = writeInventoryCsv(items, locations)
  return publishExport(
    scope,
    {
      filename: `${Date.now()}-inventory-item-exports.csv`,
      csv,
      title: "Inventory export",
      description: "Inventory export completed successfully!",
    },
    context,
  )
}
