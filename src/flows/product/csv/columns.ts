// Medusa's product CSV columns (its import template and export), matched without regard to case.

export type ValueKind = "text" | "number" | "boolean" | "json"
export interface StaticColumn {
  /** the body field the value goes to; undefined: accepted and ignored (timestamps, ids of the row itself) */
  field?: string
  kind: ValueKind
}

const text: StaticColumn = { kind: "text" }
const number: StaticColumn = { kind: "number" }
const boolean: StaticColumn = { kind: "boolean" }
const ignored: StaticColumn = { kind: "text" }
const as = (field: string, column: StaticColumn): StaticColumn => ({ ...column, field })

/** Product columns, by lower-cased header. */
export const PRODUCT_COLUMNS: Record<string, StaticColumn> = {
  "product id": as("id", text),
  "product handle": as("handle", text),
  "product title": as("title", text),
  "product subtitle": as("subtitle", text),
  "product status": as("status", text),
  "product description": as("description", text),
  "product external id": as("external_id", text),
  "product thumbnail": as("thumbnail", text),
  "product collection id": as("collection_id", text),
  "product type id": as("type_id", text),
  "product discountable": as("discountable", boolean),
  "product height": as("height", number),
  "product length": as("length", number),
  "product weight": as("weight", number),
  "product width": as("width", number),
  "product hs code": as("hs_code", text),
  "product mid code": as("mid_code", text),
  "product material": as("material", text),
  "product origin country": as("origin_country", text),
  "product metadata": as("metadata", { kind: "json" }),
  "shipping profile id": as("shipping_profile_id", text),
  "product created at": ignored,
  "product updated at": ignored,
  "product deleted at": ignored,
}

/** Variant columns, by lower-cased header. */
export const VARIANT_COLUMNS: Record<string, StaticColumn> = {
  "variant id": as("id", text),
  "variant title": as("title", text),
  "variant sku": as("sku", text),
  "variant barcode": as("barcode", text),
  "variant ean": as("ean", text),
  "variant upc": as("upc", text),
  "variant hs code": as("hs_code", text),
  "variant mid code": as("mid_code", text),
  "variant material": as("material", text),
  "variant origin country": as("origin_country", text),
  "variant manage inventory": as("manage_inventory", boolean),
  "variant allow backorder": as("allow_backorder", boolean),
  "variant height": as("height", number),
  "variant length": as("length", number),
  "variant width": as("width", number),
  "variant weight": as("weight", number),
  "variant metadata": as("metadata", { kind: "json" }),
  "variant variant rank": ignored,
  "variant product id": ignored,
  "variant created at": ignored,
  "variant updated at": ignored,
  "variant deleted at": ignored,
}

/** A product's numbered list columns (`Product Tag 1`, `Product Image 2 Url`): list name by pattern. */
export const LIST_COLUMNS: [RegExp, "images" | "tags" | "categories" | "sales_channels"][] = [
  [/^product image \d+( url)?$/, "images"],
  [/^product tag \d+$/, "tags"],
  [/^product category \d+$/, "categories"],
  [/^product sales channel \d+$/, "sales_channels"],
]

/** `Variant Option 1 Name` / `Variant Option 1 Value`; `… Id` and `… Is Exclusive` are accepted and ignored. */
export const OPTION_COLUMN = /^variant option (\d+) (name|value|id|is exclusive)$/
/** `Variant Price EUR`, or a region's price: `Variant Price Europe [EUR]`. */
export const PRICE_COLUMN = /^variant price (?:(.+) \[([a-z]{3})\]|([a-z]{3}))$/

/** The template's order, which an export follows; numbered and price columns are placed by `exportColumns`. */
export const EXPORT_PRODUCT_COLUMNS = [
  "Product Id",
  "Product Handle",
  "Product Title",
  "Product Subtitle",
  "Product Description",
  "Product Status",
  "Product Thumbnail",
  "Product Weight",
  "Product Length",
  "Product Width",
  "Product Height",
  "Product HS Code",
  "Product Origin Country",
  "Product MID Code",
  "Product Material",
  "Shipping Profile Id",
  "Product Collection Id",
  "Product Type Id",
  "Product Discountable",
  "Product External Id",
  "Product Metadata",
] as const
export const EXPORT_VARIANT_COLUMNS = [
  "Variant Id",
  "Variant Title",
  "Variant SKU",
  "Variant Barcode",
  "Variant EAN",
  "Variant UPC",
  "Variant Allow Backorder",
  "Variant Manage Inventory",
  "Variant Weight",
  "Variant Length",
  "Variant Width",
  "Variant Height",
  "Variant HS Code",
  "Variant Origin Country",
  "Variant MID Code",
  "Variant Material",
  "Variant Metadata",
] as const
