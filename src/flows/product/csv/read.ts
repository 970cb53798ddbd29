import Papa from "papaparse"
import { unguarded } from "../../../core/csv"
import { MedusaError } from "../../../core/errors"
import {
  LIST_COLUMNS,
  OPTION_COLUMN,
  PRICE_COLUMN,
  PRODUCT_COLUMNS,
  type StaticColumn,
  VARIANT_COLUMNS,
} from "./columns"

/** How many variant rows one import may hold: one confirmation applies them in one transaction. */
export const MAX_IMPORT_ROWS = 1000

export interface CsvPrice {
  currency_code: string
  /** the cell's decimal text, exact */
  amount: string
  /** the region's name, for a `Variant Price Europe [EUR]` column */
  region?: string
}
export interface CsvVariant {
  row: number
  fields: Record<string, unknown>
  options: Record<string, string>
  prices: CsvPrice[]
}
export interface CsvProduct {
  /** the first row of the product: where its errors point */
  row: number
  fields: Record<string, unknown>
  images: string[]
  tags: string[]
  categories: string[]
  sales_channels: string[]
  /** option title → its values, in the order first seen */
  options: Map<string, string[]>
  variants: CsvVariant[]
}

type Column =
  | { kind: "product" | "variant"; header: string; column: StaticColumn }
  | { kind: "list"; header: string; list: "images" | "tags" | "categories" | "sales_channels" }
  | { kind: "option"; header: string; index: number; part: string }
  | { kind: "price"; header: string; currency: string; region?: string }

const invalid = (message: string) => new MedusaError("invalid_data", message)

/** A header as matched: trimmed, runs of whitespace as one space (lower-cased for the column tables). */
const spacedOf = (header: string) => header.trim().replace(/\s+/g, " ")

function columnOf(header: string): Column | undefined {
  const spaced = spacedOf(header)
  const key = spaced.toLowerCase()
  if (PRODUCT_COLUMNS[key]) return { kind: "product", header, column: PRODUCT_COLUMNS[key] }
  if (VARIANT_COLUMNS[key]) return { kind: "variant", header, column: VARIANT_COLUMNS[key] }
  const list = LIST_COLUMNS.find(([pattern]) => pattern.test(key))
  if (list) return { kind: "list", header, list: list[1] }
  const option = OPTION_COLUMN.exec(key)
  if (option) return { kind: "option", header, index: Number(option[1]), part: option[2]! }
  const price = PRICE_COLUMN.exec(key)
  if (!price) return undefined
  // the region's name as the header spells it (matched case-insensitively against regions later)
  const region =
    price[1] === undefined ? undefined : spaced.slice("variant price ".length, spaced.lastIndexOf(" [")).trim()
  return { kind: "price", header, currency: price[2] ?? price[3]!, region }
}

/** The header row's columns; unknown or repeated headers refuse the whole file, naming them. */
function columnsOf(headers: string[]): Column[] {
  const columns = headers.map(columnOf)
  const unknown = headers.filter((_, i) => !columns[i])
  if (unknown.length) throw invalid(`Invalid column name(s) ${unknown.map((name) => `"${name}"`).join(",")}`)
  const seen = new Set<string>()
  for (const header of headers) {
    const key = spacedOf(header).toLowerCase()
    if (seen.has(key)) throw invalid(`Column "${header}" appears more than once`)
    seen.add(key)
  }
  return columns as Column[]
}

const DECIMAL = /^\d+(\.\d+)?$/
function parseValue(row: number, header: string, kind: StaticColumn["kind"], value: string): unknown {
  const refuse = (expected: string) =>
    invalid(`Row ${row}: Invalid value provided for "${header}". Expected ${expected}, received "${value}"`)
  if (kind === "boolean") {
    if (!/^(true|false)$/i.test(value)) throw refuse('"true" or "false"')
    return value.toLowerCase() === "true"
  }
  if (kind === "number") {
    if (!DECIMAL.test(value)) throw refuse("value to be a number")
    return Number(value)
  }
  if (kind === "json") {
    try {
      const parsed: unknown = JSON.parse(value)
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed
    } catch {}
    throw refuse("a JSON object")
  }
  return value
}

const addUnique = (list: string[], value: string) => {
  if (!list.includes(value)) list.push(value)
}

/** One data row onto its product (made when first seen) and, when it has any variant value, one variant. */
function readRow(row: number, cells: string[], columns: Column[], products: Map<string, CsvProduct>) {
  const values = new Map<Column, string>()
  columns.forEach((column, i) => {
    const value = unguarded((cells[i] ?? "").trim())
    if (value !== "") values.set(column, value)
  })
  const productValue = (field: string) =>
    [...values].find(([column]) => column.kind === "product" && column.column.field === field)?.[1]
  const id = productValue("id")
  const handle = productValue("handle")
  if (!id && !handle)
    throw invalid(`Row ${row}: Missing product id and handle. One of these columns are required to process the row`)
  const key = id ? `id:${id}` : `handle:${handle}`
  let product = products.get(key)
  if (!product) {
    product = {
      row,
      fields: {},
      images: [],
      tags: [],
      categories: [],
      sales_channels: [],
      options: new Map(),
      variants: [],
    }
    products.set(key, product)
  }
  const variant: CsvVariant = { row, fields: {}, options: {}, prices: [] }
  const optionParts = new Map<number, { name?: string; value?: string; header: string }>()
  let hasVariant = false
  for (const [column, value] of values) {
    if (column.kind === "product" || column.kind === "variant") {
      if (!column.column.field) continue
      const target = column.kind === "product" ? product.fields : variant.fields
      target[column.column.field] = parseValue(row, column.header, column.column.kind, value)
      if (column.kind === "variant") hasVariant = true
    } else if (column.kind === "list") addUnique(product[column.list], value)
    else if (column.kind === "price") {
      if (!DECIMAL.test(value))
        throw invalid(
          `Row ${row}: Invalid value provided for "${column.header}". Expected value to be a number, received "${value}"`,
        )
      variant.prices.push({ currency_code: column.currency, amount: value, region: column.region })
      hasVariant = true
    } else if (column.kind === "option" && (column.part === "name" || column.part === "value")) {
      const part = optionParts.get(column.index) ?? { header: column.header }
      part[column.part as "name" | "value"] = value
      optionParts.set(column.index, part)
    }
  }
  for (const [index, part] of optionParts) {
    if (part.name === undefined) throw invalid(`Row ${row}: Missing option name for "Variant Option ${index} Value"`)
    if (part.value === undefined) throw invalid(`Row ${row}: Missing option value for "Variant Option ${index} Name"`)
    variant.options[part.name] = part.value
    const values = product.options.get(part.name) ?? []
    addUnique(values, part.value)
    product.options.set(part.name, values)
    hasVariant = true
  }
  if (hasVariant) product.variants.push(variant)
}

/**
 * Medusa's product CSV, read: one row per variant, grouped into products by `Product Id` (an update)
 * or `Product Handle` (a create); the first bad cell refuses the file with its row and column.
 */
export function readProductCsv(text: string): { products: CsvProduct[]; rows: number } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
  })
  const [headers, ...data] = parsed.data
  const failure = parsed.errors.find((error) => error.type !== "Delimiter")
  if (failure) throw invalid(`Row ${failure.row ?? 0}: ${failure.message}`)
  if (!headers?.length || data.length === 0) throw invalid("The file has no rows to import")
  if (data.length > MAX_IMPORT_ROWS)
    throw invalid(`The file has ${data.length} rows; an import takes at most ${MAX_IMPORT_ROWS}`)
  const columns = columnsOf(headers)
  const products = new Map<string, CsvProduct>()
  data.forEach((cells, i) => {
    if (cells.length > columns.length)
      throw invalid(`Row ${i + 1}: has ${cells.length} values, the header names ${columns.length} columns`)
    readRow(i + 1, cells, columns, products)
  })
  return { products: [...products.values()], rows: data.length }
}
