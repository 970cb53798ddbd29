import { toCsv } from "../../../core/csv"
import { decimal } from "../../../core/money"
import { EXPORT_PRODUCT_COLUMNS, EXPORT_VARIANT_COLUMNS } from "./columns"

type Json = Record<string, unknown>
type Cells = Map<string, string>

const list = (value: unknown) => (Array.isArray(value) ? (value as Json[]) : [])
const cell = (value: unknown): string => {
  if (value == null) return ""
  if (typeof value === "number") return Number.isFinite(value) ? decimal(value).toFixed() : ""
  if (typeof value === "object") return Object.keys(value).length ? JSON.stringify(value) : ""
  return String(value)
}
/** `Variant HS Code` → `hs_code`: the field behind a fixed column. */
const fieldOf = (column: string) =>
  column
    .replace(/^(Product|Variant) /, "")
    .replace(/^Shipping Profile Id$/, "shipping_profile_id")
    .toLowerCase()
    .replace(/ /g, "_")

/** `Variant Price EUR`, or `Variant Price Europe [EUR]` for a region's price; undefined for a price the CSV cannot say. */
function priceColumn(price: Json, regionNames: Map<string, string>): string | undefined {
  const rules = (price.rules ?? {}) as Record<string, string>
  const currency = String(price.currency_code).toUpperCase()
  if (price.min_quantity != null || price.max_quantity != null) return undefined
  const ruleNames = Object.keys(rules)
  if (ruleNames.length === 0) return `Variant Price ${currency}`
  const region = rules.region_id ? regionNames.get(rules.region_id) : undefined
  return ruleNames.length === 1 && region ? `Variant Price ${region} [${currency}]` : undefined
}

function productCells(product: Json): Cells {
  const cells: Cells = new Map()
  for (const column of EXPORT_PRODUCT_COLUMNS) cells.set(column, cell(product[fieldOf(column)]))
  const profile = (product.shipping_profile as Json | null | undefined)?.id ?? product.shipping_profile_id
  cells.set("Shipping Profile Id", cell(profile))
  const numbered = (entries: unknown, column: (n: number) => string, value: (entry: Json) => unknown) => {
    for (const [i, entry] of list(entries).entries()) cells.set(column(i + 1), cell(value(entry)))
  }
  numbered(
    product.sales_channels,
    (n) => `Product Sales Channel ${n}`,
    (channel) => channel.id,
  )
  numbered(
    product.tags,
    (n) => `Product Tag ${n}`,
    (tag) => tag.value,
  )
  numbered(
    product.categories,
    (n) => `Product Category ${n}`,
    (category) => category.id,
  )
  numbered(
    product.images,
    (n) => `Product Image ${n} Url`,
    (image) => image.url,
  )
  return cells
}

function variantCells(variant: Json, regionNames: Map<string, string>): Cells {
  const cells: Cells = new Map()
  for (const column of EXPORT_VARIANT_COLUMNS) cells.set(column, cell(variant[fieldOf(column)]))
  for (const price of list(variant.prices)) {
    const column = priceColumn(price, regionNames)
    if (column) cells.set(column, cell(price.amount))
  }
  for (const [i, value] of list(variant.options).entries()) {
    cells.set(`Variant Option ${i + 1} Name`, cell((value.option as Json | undefined)?.title))
    cells.set(`Variant Option ${i + 1} Value`, cell(value.value))
  }
  return cells
}

/** Numbered columns in number order (`Tag 2` before `Tag 10`), prices by name. */
const byNumber = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true })

/** The header: the template's fixed columns, then each numbered or price column any row has. */
function columnsOf(rows: Cells[]): string[] {
  const present = new Set(rows.flatMap((row) => [...row.keys()]))
  const fixed = new Set<string>([...EXPORT_PRODUCT_COLUMNS, ...EXPORT_VARIANT_COLUMNS])
  const group = (pattern: RegExp) => [...present].filter((column) => pattern.test(column)).sort(byNumber)
  return [
    ...EXPORT_PRODUCT_COLUMNS,
    ...group(/^Product Sales Channel \d+$/),
    ...group(/^Product Tag \d+$/),
    ...group(/^Product Category \d+$/),
    ...EXPORT_VARIANT_COLUMNS,
    ...group(/^Variant Price /),
    ...group(/^Variant Option \d+ /),
    ...group(/^Product Image \d+ Url$/),
  ].filter((column, i, all) => all.indexOf(column) === i && (fixed.has(column) || present.has(column)))
}

/**
 * Medusa's product export, as CSV its import reads back: one row per variant (one row for a
 * product without any), values that would run as spreadsheet formulas guarded with a quote.
 */
export function writeProductCsv(products: Json[], regionNames: Map<string, string>): string {
  const rows = products.flatMap((product) => {
    const own = productCells(product)
    const variants = list(product.variants)
    return variants.length === 0
      ? [own]
      : variants.map((variant) => new Map([...own, ...variantCells(variant, regionNames)]))
  })
  const fields = columnsOf(rows)
  return toCsv(
    fields,
    rows.map((row) => fields.map((column) => row.get(column) ?? "")),
  )
}
