import { describe, expect, it } from "vitest"
import { MedusaError } from "../../../core/errors"
import { MAX_IMPORT_ROWS, readProductCsv } from "./read"

// The dashboard's import template, verbatim (@medusajs/dashboard 2.21.2, product-import-*.mjs `ProductImportCSV`).
const TEMPLATE = [
  "Product Id,Product Handle,Product Title,Product Subtitle,Product Description,Product Status,Product Thumbnail,Product Weight,Product Length,Product Width,Product Height,Product HS Code,Product Origin Country,Product MID Code,Product Material,Shipping Profile Id,Product Sales Channel 1,Product Collection Id,Product Type Id,Product Tag 1,Product Discountable,Product External Id,Variant Id,Variant Title,Variant SKU,Variant Barcode,Variant Allow Backorder,Variant Manage Inventory,Variant Weight,Variant Length,Variant Width,Variant Height,Variant HS Code,Variant Origin Country,Variant MID Code,Variant Material,Variant Price EUR,Variant Price USD,Variant Option 1 Name,Variant Option 1 Value,Product Image 1 Url,Product Image 2 Url",
  ",coffee-mug-v3,Medusa Coffee Mug,,Every programmer's best friend.,published,https://medusa-public-images.s3.eu-west-1.amazonaws.com/coffee-mug.png,400,,,,,,,,,,,,,TRUE,,,One Size,,,FALSE,TRUE,,,,,,,,,10,12,Size,One Size,https://medusa-public-images.s3.eu-west-1.amazonaws.com/coffee-mug.png,",
  ',sweatpants-v2,Medusa Sweatpants,,"Reimagine the feeling of classic sweatpants. With our cotton sweatpants, everyday essentials no longer have to be ordinary.",published,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,400,,,,,,,,,,,,,TRUE,,,S,,,FALSE,TRUE,,,,,,,,,29.5,33.5,Size,S,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-back.png',
  ',sweatpants-v2,Medusa Sweatpants,,"Reimagine the feeling of classic sweatpants. With our cotton sweatpants, everyday essentials no longer have to be ordinary.",published,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,400,,,,,,,,,,,,,TRUE,,,M,,,FALSE,TRUE,,,,,,,,,29.5,33.5,Size,M,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-back.png',
  ',sweatpants-v2,Medusa Sweatpants,,"Reimagine the feeling of classic sweatpants. With our cotton sweatpants, everyday essentials no longer have to be ordinary.",published,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,400,,,,,,,,,,,,,TRUE,,,L,,,FALSE,TRUE,,,,,,,,,29.5,33.5,Size,L,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-back.png',
  ',sweatpants-v2,Medusa Sweatpants,,"Reimagine the feeling of classic sweatpants. With our cotton sweatpants, everyday essentials no longer have to be ordinary.",published,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,400,,,,,,,,,,,,,TRUE,,,XL,,,FALSE,TRUE,,,,,,,,,29.5,33.5,Size,XL,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png,https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-back.png',
].join("\n")

/** The message `readProductCsv` refuses `text` with, checking it is an `invalid_data` MedusaError. */
function refusal(text: string): string {
  try {
    readProductCsv(text)
  } catch (error) {
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe("invalid_data")
    return (error as MedusaError).message
  }
  throw new Error("expected the file to be refused")
}

const csv = (...lines: string[]) => lines.join("\n")

describe("readProductCsv: the dashboard's template", () => {
  const { products, rows } = readProductCsv(TEMPLATE)

  it("groups its 5 rows into 2 products by handle, with 1 and 4 variants", () => {
    expect(rows).toBe(5)
    expect(products.map((product) => product.fields.handle)).toEqual(["coffee-mug-v3", "sweatpants-v2"])
    expect(products.map((product) => product.variants.length)).toEqual([1, 4])
    expect(products.map((product) => product.row)).toEqual([1, 2])
    expect(products[1]!.variants.map((variant) => variant.row)).toEqual([2, 3, 4, 5])
  })

  it("reads product fields with their kinds", () => {
    const [mug, sweatpants] = products
    expect(mug!.fields).toEqual({
      handle: "coffee-mug-v3",
      title: "Medusa Coffee Mug",
      description: "Every programmer's best friend.",
      status: "published",
      thumbnail: "https://medusa-public-images.s3.eu-west-1.amazonaws.com/coffee-mug.png",
      weight: 400,
      discountable: true,
    })
    expect(sweatpants!.fields.description).toBe(
      "Reimagine the feeling of classic sweatpants. With our cotton sweatpants, everyday essentials no longer have to be ordinary.",
    )
    expect(mug!.tags).toEqual([])
    expect(mug!.sales_channels).toEqual([])
    expect(mug!.categories).toEqual([])
  })

  it("reads variants with booleans, options and prices as exact text", () => {
    const [mug, sweatpants] = products
    expect(mug!.variants[0]).toEqual({
      row: 1,
      fields: { title: "One Size", allow_backorder: false, manage_inventory: true },
      options: { Size: "One Size" },
      prices: [
        { currency_code: "eur", amount: "10", region: undefined },
        { currency_code: "usd", amount: "12", region: undefined },
      ],
    })
    expect(sweatpants!.variants.map((variant) => variant.fields.title)).toEqual(["S", "M", "L", "XL"])
    expect(sweatpants!.variants.map((variant) => variant.options)).toEqual([
      { Size: "S" },
      { Size: "M" },
      { Size: "L" },
      { Size: "XL" },
    ])
    for (const variant of sweatpants!.variants)
      expect(variant.prices.map((price) => [price.currency_code, price.amount])).toEqual([
        ["eur", "29.5"],
        ["usd", "33.5"],
      ])
  })

  it("collects each option's values in the order first seen, and images without repeats", () => {
    const [mug, sweatpants] = products
    expect([...mug!.options]).toEqual([["Size", ["One Size"]]])
    expect([...sweatpants!.options]).toEqual([["Size", ["S", "M", "L", "XL"]]])
    expect(mug!.images).toEqual(["https://medusa-public-images.s3.eu-west-1.amazonaws.com/coffee-mug.png"])
    expect(sweatpants!.images).toEqual([
      "https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-front.png",
      "https://medusa-public-images.s3.eu-west-1.amazonaws.com/sweatpants-gray-back.png",
    ])
  })

  it("reads the same with a BOM, CRLF line ends, or semicolons for commas", () => {
    const plain = JSON.stringify(readProductCsv(TEMPLATE), replacer)
    expect(JSON.stringify(readProductCsv(`\uFEFF${TEMPLATE}`), replacer)).toBe(plain)
    expect(JSON.stringify(readProductCsv(TEMPLATE.replace(/\n/g, "\r\n")), replacer)).toBe(plain)
    // the only quoted cell (the sweatpants' description) has commas, which stay inside its quotes
    const semicolons = TEMPLATE.split(/("[^"]*")/)
      .map((part, i) => (i % 2 ? part : part.replace(/,/g, ";")))
      .join("")
    expect(semicolons).not.toBe(TEMPLATE)
    expect(JSON.stringify(readProductCsv(semicolons), replacer)).toBe(plain)
  })
})

/** Maps (product options) as entries, so JSON compares them. */
const replacer = (_key: string, value: unknown) => (value instanceof Map ? [...value] : value)

describe("readProductCsv: headers and cells", () => {
  it("matches headers without regard to case or surrounding and repeated whitespace", () => {
    const { products } = readProductCsv(
      csv(
        " product HANDLE ,PRODUCT  TITLE,variant   title\t,Variant price eur, VARIANT OPTION 1 NAME,variant option 1 value",
        "mug,Mug,One,10,Size,One",
      ),
    )
    expect(products).toHaveLength(1)
    expect(products[0]!.fields).toEqual({ handle: "mug", title: "Mug" })
    expect(products[0]!.variants[0]!.fields).toEqual({ title: "One" })
    expect(products[0]!.variants[0]!.prices).toEqual([{ currency_code: "eur", amount: "10", region: undefined }])
    expect(products[0]!.variants[0]!.options).toEqual({ Size: "One" })
  })

  it("accepts Medusa export spellings (Hs, Sku) and ignored columns", () => {
    const { products } = readProductCsv(
      csv(
        "Product Handle,Product Hs Code,Variant Sku,Variant Hs Code,Product Created At,Variant Variant Rank,Variant Option 1 Id,Product Image 1",
        "mug,1234,MUG-1,5678,2024-01-01,3,opt_1,https://x/mug.png",
      ),
    )
    expect(products[0]!.fields).toEqual({ handle: "mug", hs_code: "1234" })
    expect(products[0]!.variants[0]!.fields).toEqual({ sku: "MUG-1", hs_code: "5678" })
    expect(products[0]!.images).toEqual(["https://x/mug.png"])
  })

  it("keeps commas, newlines and doubled quotes inside quoted cells, and trims cells", () => {
    const { products } = readProductCsv(
      csv(
        "Product Handle,Product Title,Product Description,Variant Title",
        'mug,"Mug, ""the"" best","line 1',
        'line 2, still",  One  ',
      ),
    )
    expect(products[0]!.fields).toEqual({
      handle: "mug",
      title: 'Mug, "the" best',
      description: "line 1\nline 2, still",
    })
    expect(products[0]!.variants[0]!.fields.title).toBe("One")
  })

  it("takes the formula guard off a value: '=SUM(1) is =SUM(1), ''=x is '=x, 'plain stays", () => {
    const { products } = readProductCsv(
      csv(
        "Product Handle,Product Title,Product Subtitle,Product Description,Product Material,Variant Title",
        "mug,'=SUM(1),'+1,''=x,'plain,'-1",
      ),
    )
    expect(products[0]!.fields).toEqual({
      handle: "mug",
      title: "=SUM(1)",
      subtitle: "+1",
      description: "'=x",
      material: "'plain",
    })
    expect(products[0]!.variants[0]!.fields.title).toBe("-1")
  })

  it("groups by Product Id (an update) before handle, and rows without variant values add no variant", () => {
    const { products } = readProductCsv(
      csv(
        "Product Id,Product Handle,Product Title,Product Tag 1,Product Tag 2,Product Sales Channel 1,Product Category 1,Variant Id,Variant Title",
        "prod_1,mug,Mug,ptag_1,,sc_1,pcat_1,variant_1,One",
        "prod_1,other-handle,Mug 2,ptag_2,ptag_1,sc_1,,,Two",
        ",mug,New,,,,,,",
      ),
    )
    expect(products).toHaveLength(2)
    const [update, create] = products
    expect(update!.fields).toEqual({ id: "prod_1", handle: "other-handle", title: "Mug 2" })
    expect(update!.tags).toEqual(["ptag_1", "ptag_2"])
    expect(update!.sales_channels).toEqual(["sc_1"])
    expect(update!.categories).toEqual(["pcat_1"])
    expect(update!.variants.map((variant) => variant.fields)).toEqual([
      { id: "variant_1", title: "One" },
      { title: "Two" },
    ])
    expect(create!.fields).toEqual({ handle: "mug", title: "New" })
    expect(create!.row).toBe(3)
    expect(create!.variants).toEqual([])
  })

  it("reads numbers, booleans in any case and JSON objects", () => {
    const { products } = readProductCsv(
      csv(
        "Product Handle,Product Weight,Product Discountable,Product Metadata,Variant Title,Variant Width,Variant Manage Inventory,Variant Metadata",
        'mug,0.125,FALSE,"{""a"":1}",One,12,True,"{""b"":{""c"":[1]}}"',
      ),
    )
    expect(products[0]!.fields).toEqual({ handle: "mug", weight: 0.125, discountable: false, metadata: { a: 1 } })
    expect(products[0]!.variants[0]!.fields).toEqual({
      title: "One",
      width: 12,
      manage_inventory: true,
      metadata: { b: { c: [1] } },
    })
  })

  it("reads a region's price column with the region's name as the header spells it and the currency lower-cased", () => {
    const { products } = readProductCsv(
      csv(
        "Product Handle,Variant Title,Variant Price Europe [EUR],Variant Price north  AMERICA [usd],Variant Price DKK",
        "mug,One,10.50,12,99.0001",
      ),
    )
    expect(products[0]!.variants[0]!.prices).toEqual([
      { currency_code: "eur", amount: "10.50", region: "Europe" },
      { currency_code: "usd", amount: "12", region: "north AMERICA" },
      { currency_code: "dkk", amount: "99.0001", region: undefined },
    ])
  })

  it("skips empty lines", () => {
    const { products, rows } = readProductCsv(csv("Product Handle,Variant Title", "", "mug,One", "  ", "mug,Two", ""))
    expect(rows).toBe(2)
    expect(products[0]!.variants.map((variant) => variant.fields.title)).toEqual(["One", "Two"])
  })
})

describe("readProductCsv: refusals", () => {
  it("names every unknown column, in the header's spelling", () => {
    expect(
      refusal(
        csv("Product Handle,Product Type,Variant Title,Variant Image 1,Variant Inventory Quantity", "mug,t,One,x,1"),
      ),
    ).toBe('Invalid column name(s) "Product Type","Variant Image 1","Variant Inventory Quantity"')
  })

  it("refuses a repeated column, however it is spelled", () => {
    expect(refusal(csv("Product Handle,Variant Title,product handle", "mug,One,mug"))).toBe(
      'Column "product handle" appears more than once',
    )
    expect(refusal(csv("Product Handle,Variant  Title,Variant Title", "mug,One,One"))).toBe(
      'Column "Variant Title" appears more than once',
    )
  })

  it("refuses a bad boolean, number or JSON value, naming the row and the column", () => {
    const header = "Product Handle,Product Discountable,Variant Title,Variant Weight,Variant Metadata,Variant Price EUR"
    expect(refusal(csv(header, "mug,true,One,1,,1", "mug,yes,Two,,,"))).toBe(
      'Row 2: Invalid value provided for "Product Discountable". Expected "true" or "false", received "yes"',
    )
    expect(refusal(csv(header, "mug,,One,1,,", "mug,,Two,1,,", "mug,,Three,1kg,,"))).toBe(
      'Row 3: Invalid value provided for "Variant Weight". Expected value to be a number, received "1kg"',
    )
    expect(refusal(csv(header, "mug,,One,,{a:1},"))).toBe(
      'Row 1: Invalid value provided for "Variant Metadata". Expected a JSON object, received "{a:1}"',
    )
    expect(refusal(csv(header, "mug,,One,,[1],"))).toBe(
      'Row 1: Invalid value provided for "Variant Metadata". Expected a JSON object, received "[1]"',
    )
    expect(refusal(csv(header, "mug,,One,,,10", 'mug,,Two,,,"1,5"'))).toBe(
      'Row 2: Invalid value provided for "Variant Price EUR". Expected value to be a number, received "1,5"',
    )
    expect(refusal(csv(header, "mug,,One,,,€10"))).toBe(
      'Row 1: Invalid value provided for "Variant Price EUR". Expected value to be a number, received "€10"',
    )
  })

  it("refuses a row with neither product id nor handle", () => {
    expect(refusal(csv("Product Id,Product Handle,Variant Title", ",mug,One", ",,Two"))).toBe(
      "Row 2: Missing product id and handle. One of these columns are required to process the row",
    )
  })

  it("refuses an option name without a value, and a value without a name", () => {
    const header =
      "Product Handle,Variant Title,Variant Option 1 Name,Variant Option 1 Value,Variant Option 2 Name,Variant Option 2 Value"
    expect(refusal(csv(header, "mug,One,Size,S,,", "mug,Two,Size,M,Color,"))).toBe(
      'Row 2: Missing option value for "Variant Option 2 Name"',
    )
    expect(refusal(csv(header, "mug,One,,S,,"))).toBe('Row 1: Missing option name for "Variant Option 1 Value"')
  })

  it("refuses a row with more values than the header has columns", () => {
    expect(refusal(csv("Product Handle,Variant Title", "mug,One", "mug,Two,extra"))).toBe(
      "Row 2: has 3 values, the header names 2 columns",
    )
  })

  it(`refuses more than MAX_IMPORT_ROWS (${MAX_IMPORT_ROWS}) rows, and takes exactly that many`, () => {
    const lines = (count: number) => Array.from({ length: count }, (_, i) => `mug,Variant ${i}`)
    expect(readProductCsv(csv("Product Handle,Variant Title", ...lines(MAX_IMPORT_ROWS))).rows).toBe(MAX_IMPORT_ROWS)
    expect(refusal(csv("Product Handle,Variant Title", ...lines(MAX_IMPORT_ROWS + 1)))).toBe(
      `The file has ${MAX_IMPORT_ROWS + 1} rows; an import takes at most ${MAX_IMPORT_ROWS}`,
    )
  })

  it("refuses an empty file, a BOM alone, or a header without rows", () => {
    expect(refusal("")).toBe("The file has no rows to import")
    expect(refusal("\uFEFF")).toBe("The file has no rows to import")
    expect(refusal("\n\n")).toBe("The file has no rows to import")
    expect(refusal("Product Handle,Variant Title\n")).toBe("The file has no rows to import")
  })

  it("refuses a broken quote with the parser's message", () => {
    expect(refusal(csv("Product Handle,Variant Title", "mug,One", 'mug,"Two'))).toBe("Row 2: Quoted field unterminated")
    expect(refusal(csv("Product Handle,Variant Title", "mug,One", "mug,Two", 'mug,"Th"ree"', "mug,Four"))).toBe(
      "Row 3: Trailing quote on quoted field is malformed",
    )
  })
})
