import { toCsv } from "../../core/csv"

type Json = Record<string, unknown>

/** A stock location's export columns are named by it (Medusa sorts the locations by name). */
export interface ExportLocation {
  id: string
  name: string
}

/**
 * The item's columns of Medusa's inventory export (exportInventoryItemsStep's normalizeForExport:
 * each field the Admin API lists, as `Item <Beautified Key>`, without location levels, metadata and
 * variants), in a fixed order: the key each reads, and its header.
 */
const ITEM_FIELDS = [
  "id",
  "sku",
  "title",
  "description",
  "thumbnail",
  "origin_country",
  "hs_code",
  "mid_code",
  "material",
  "unit_of_measure",
  "weight",
  "length",
  "height",
  "width",
  "requires_shipping",
  "stocked_quantity",
  "reserved_quantity",
  "created_at",
  "updated_at",
] as const

const VARIANT_FIELDS = ["id", "title", "barcode", "ean", "upc"] as const
const LEVEL_FIELDS = ["stocked_quantity", "reserved_quantity", "available_quantity"] as const

/** Medusa's beautifyKey: `hs_code` → `Hs Code`. */
const beautify = (key: string) =>
  key
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ")

/** The export's header: the item's columns, the variant's, then three per location in the order given. */
export function inventoryExportColumns(locations: ExportLocation[]): string[] {
  return [
    ...ITEM_FIELDS.map((field) => `Item ${beautify(field)}`),
    ...VARIANT_FIELDS.map((field) => `Variant ${beautify(field)}`),
    ...locations.flatMap((location) => LEVEL_FIELDS.map((field) => `Location [${location.name}] ${beautify(field)}`)),
  ]
}

const text = (value: unknown): string => {
  if (value == null) return ""
  if (value instanceof Date) return value.toISOString()
  return String(value)
}
/** A quantity (whole units: integer columns) as its exact digits, as Medusa's BigNumber numeric writes it. */
const quantity = (value: unknown): string =>
  typeof value === "number" && Number.isInteger(value) ? value.toFixed(0) : text(value)

/** One item (as the Admin API shows it, with its linked `variants`) as its rows: one per variant, or one without. */
function itemRows(item: Json, locations: ExportLocation[]): string[][] {
  const levels = new Map(
    ((item.location_levels as Json[] | undefined) ?? []).map((level) => [String(level.location_id), level]),
  )
  const own = ITEM_FIELDS.map((field) => (field.endsWith("_quantity") ? quantity(item[field]) : text(item[field])))
  const stock = locations.flatMap((location) => {
    const level = levels.get(location.id)
    return LEVEL_FIELDS.map((field) => (level ? quantity(level[field]) : ""))
  })
  const variants = ((item.variants as Json[] | undefined) ?? []).filter(Boolean)
  const rows: (Json | null)[] = variants.length ? variants : [null]
  return rows.map((variant) => [...own, ...VARIANT_FIELDS.map((field) => text(variant?.[field])), ...stock])
}

/**
 * Medusa's inventory export as CSV: a row per item and linked variant, the stock per location in
 * columns, values that would run as spreadsheet formulas guarded with a quote.
 */
export function writeInventoryCsv(items: Json[], locations: ExportLocation[]): string {
  return toCsv(
    inventoryExportColumns(locations),
    items.flatMap((item) => itemRows(item, locations)),
  )
}
