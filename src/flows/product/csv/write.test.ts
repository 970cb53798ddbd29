import fc from "fast-check"
import Papa from "papaparse"
import { describe, expect, it } from "vitest"
import { EXPORT_PRODUCT_COLUMNS, EXPORT_VARIANT_COLUMNS } from "./columns"
import { readProductCsv } from "./read"
import { writeProductCsv } from "./write"

type Json = Record<string, unknown>

/** The CSV as rows of cells (header first), without read.ts's interpretation. */
const table = (text: string) => Papa.parse<string[]>(text, { delimiter: "," }).data
/** Each data row as header → cell. */
const records = (text: string) => {
  const [header, ...rows] = table(text)
  return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]!])))
}

const regions = new Map([
  ["reg_eu", "Europe"],
  ["reg_na", "North America"],
])

const price = (currency_code: string, amount: number, extra: Json = {}): Json => ({
  currency_code,
  amount,
  rules: {},
  min_quantity: null,
  max_quantity: null,
  ...extra,
})

describe("writeProductCsv: columns", () => {
  const product: Json = {
    id: "prod_1",
    handle: "mug",
    title: "Mug",
    status: "published",
    weight: 400,
    discountable: true,
    hs_code: "1234",
    mid_code: "MID",
    origin_country: "dk",
    collection_id: "pcol_1",
    type_id: "ptyp_1",
    external_id: "ext_1",
    metadata: { a: 1 },
    shipping_profile: { id: "sp_1" },
    tags: Array.from({ length: 11 }, (_, i) => ({ id: `ptag_${i + 1}`, value: `tag ${i + 1}` })),
    images: [{ url: "https://x/1.png" }, { url: "https://x/2.png" }],
    categories: [{ id: "pcat_1" }],
    sales_channels: [{ id: "sc_1" }, { id: "sc_2" }],
    variants: [
      {
        id: "variant_1",
        title: "Small",
        sku: "MUG-S",
        manage_inventory: true,
        allow_backorder: false,
        hs_code: "5678",
        metadata: {},
        prices: [
          price("usd", 12),
          price("eur", 10),
          price("eur", 9, { rules: { region_id: "reg_eu" } }),
          price("eur", 8, { min_quantity: 10 }),
          price("usd", 7, { rules: { region_id: "reg_unknown" } }),
          price("usd", 6, { rules: { region_id: "reg_na", customer_group_id: "cg_1" } }),
          price("dkk", 5, { rules: { customer_group_id: "cg_1" } }),
        ],
        options: [
          { value: "S", option: { title: "Size" } },
          { value: "Blue", option: { title: "Color" } },
        ],
      },
    ],
  }
  const text = writeProductCsv([product], regions)
  const [header] = table(text)

  it("has the template's fixed columns in order, then numbered columns in number order", () => {
    const tags = Array.from({ length: 11 }, (_, i) => `Product Tag ${i + 1}`)
    expect(header).toEqual([
      ...EXPORT_PRODUCT_COLUMNS,
      "Product Sales Channel 1",
      "Product Sales Channel 2",
      ...tags,
      "Product Category 1",
      ...EXPORT_VARIANT_COLUMNS,
      "Variant Price EUR",
      "Variant Price Europe [EUR]",
      "Variant Price USD",
      "Variant Option 1 Name",
      "Variant Option 1 Value",
      "Variant Option 2 Name",
      "Variant Option 2 Value",
      "Product Image 1 Url",
      "Product Image 2 Url",
    ])
    expect(header!.indexOf("Product Tag 2")).toBeLessThan(header!.indexOf("Product Tag 10"))
  })

  it("writes each fixed column from its field", () => {
    const [row] = records(text)
    expect(row).toMatchObject({
      "Product Id": "prod_1",
      "Product Handle": "mug",
      "Product Title": "Mug",
      "Product Status": "published",
      "Product Weight": "400",
      "Product Discountable": "true",
      "Product HS Code": "1234",
      "Product MID Code": "MID",
      "Product Origin Country": "dk",
      "Product Collection Id": "pcol_1",
      "Product Type Id": "ptyp_1",
      "Product External Id": "ext_1",
      "Product Metadata": '{"a":1}',
      "Shipping Profile Id": "sp_1",
      "Product Tag 1": "tag 1",
      "Product Tag 11": "tag 11",
      "Product Sales Channel 2": "sc_2",
      "Product Category 1": "pcat_1",
      "Product Image 2 Url": "https://x/2.png",
      "Variant Id": "variant_1",
      "Variant Title": "Small",
      "Variant SKU": "MUG-S",
      "Variant Manage Inventory": "true",
      "Variant Allow Backorder": "false",
      "Variant HS Code": "5678",
      "Variant Metadata": "",
      "Variant Option 1 Name": "Size",
      "Variant Option 1 Value": "S",
      "Variant Option 2 Name": "Color",
      "Variant Option 2 Value": "Blue",
    })
  })

  it("writes only prices without rules or with one known region's rule, and without quantity tiers", () => {
    const [row] = records(text)
    expect(row!["Variant Price EUR"]).toBe("10")
    expect(row!["Variant Price USD"]).toBe("12")
    expect(row!["Variant Price Europe [EUR]"]).toBe("9")
    expect(header!.filter((column) => column.startsWith("Variant Price"))).toHaveLength(3)
  })

  it("reads back as the import takes it, region prices included", () => {
    const [read] = readProductCsv(text).products
    expect(read!.fields).toMatchObject({ id: "prod_1", shipping_profile_id: "sp_1", weight: 400, metadata: { a: 1 } })
    expect(read!.tags).toHaveLength(11)
    expect(read!.variants[0]!.prices).toEqual([
      { currency_code: "eur", amount: "10", region: undefined },
      { currency_code: "eur", amount: "9", region: "Europe" },
      { currency_code: "usd", amount: "12", region: undefined },
    ])
    expect(read!.variants[0]!.options).toEqual({ Size: "S", Color: "Blue" })
  })

  it("takes a shipping profile id given as a field when there is no shipping_profile object", () => {
    const [row] = records(writeProductCsv([{ handle: "mug", shipping_profile_id: "sp_2" }], regions))
    expect(row!["Shipping Profile Id"]).toBe("sp_2")
  })
})

describe("writeProductCsv: every fixed column", () => {
  it("carries its own field, which the import reads back under the same name", () => {
    const productFields: Json = {
      id: "prod_1",
      handle: "mug",
      title: "Mug",
      subtitle: "Sub",
      description: "Desc",
      status: "draft",
      thumbnail: "https://x/t.png",
      weight: 1,
      length: 2,
      width: 3,
      height: 4,
      hs_code: "hs",
      origin_country: "dk",
      mid_code: "mid",
      material: "wood",
      collection_id: "pcol_1",
      type_id: "ptyp_1",
      discountable: false,
      external_id: "ext",
      metadata: { k: "v" },
    }
    const variantFields: Json = {
      id: "variant_1",
      title: "One",
      sku: "sku",
      barcode: "barcode",
      ean: "ean",
      upc: "upc",
      allow_backorder: true,
      manage_inventory: false,
      weight: 5,
      length: 6,
      width: 7,
      height: 8,
      hs_code: "vhs",
      origin_country: "se",
      mid_code: "vmid",
      material: "steel",
      metadata: { w: [1, 2] },
    }
    const text = writeProductCsv(
      [{ ...productFields, shipping_profile: { id: "sp_1" }, variants: [variantFields] }],
      regions,
    )
    const [row] = records(text)
    for (const column of [...EXPORT_PRODUCT_COLUMNS, ...EXPORT_VARIANT_COLUMNS])
      expect(row![column], column).not.toBe("")
    const [read] = readProductCsv(text).products
    expect(read!.fields).toEqual({ ...productFields, shipping_profile_id: "sp_1" })
    expect(read!.variants[0]!.fields).toEqual(variantFields)
  })
})

describe("writeProductCsv: values", () => {
  it("guards values a spreadsheet would run (=, +, -, @, also on several lines) with a quote", () => {
    const text = writeProductCsv(
      [
        {
          handle: "mug",
          title: "=cmd",
          subtitle: "+1",
          description: '=HYPERLINK("x")\nsecond line',
          material: "@SUM(A1)",
          hs_code: "-2",
          mid_code: "'=already quoted",
          origin_country: "'plain",
        },
      ],
      regions,
    )
    const [row] = records(text)
    expect(row).toMatchObject({
      "Product Title": "'=cmd",
      "Product Subtitle": "'+1",
      "Product Description": '\'=HYPERLINK("x")\nsecond line',
      "Product Material": "'@SUM(A1)",
      "Product HS Code": "'-2",
      "Product MID Code": "''=already quoted",
      "Product Origin Country": "'plain",
    })
    expect(readProductCsv(text).products[0]!.fields).toMatchObject({
      title: "=cmd",
      subtitle: "+1",
      description: '=HYPERLINK("x")\nsecond line',
      material: "@SUM(A1)",
      hs_code: "-2",
      mid_code: "'=already quoted",
      origin_country: "'plain",
    })
  })

  it("writes numbers as plain decimals the import reads back exactly", () => {
    const text = writeProductCsv(
      [
        {
          handle: "mug",
          weight: 1e21,
          length: 0.0000001,
          variants: [{ title: "One", width: 1.5e-10, prices: [price("eur", 123456789.1234), price("usd", 1e-7)] }],
        },
      ],
      regions,
    )
    const [row] = records(text)
    expect(row).toMatchObject({
      "Product Weight": "1000000000000000000000",
      "Product Length": "0.0000001",
      "Variant Width": "0.00000000015",
      "Variant Price EUR": "123456789.1234",
      "Variant Price USD": "0.0000001",
    })
    const [read] = readProductCsv(text).products
    expect(read!.fields).toMatchObject({ weight: 1e21, length: 0.0000001 })
    expect(read!.variants[0]!.fields.width).toBe(1.5e-10)
  })

  it("writes a product without variants as one row of product values", () => {
    const text = writeProductCsv(
      [
        { handle: "a", title: "A", variants: [] },
        { handle: "b", title: "B" },
      ],
      regions,
    )
    const rows = records(text)
    expect(rows).toHaveLength(2)
    expect(rows.map((row) => row["Variant Title"])).toEqual(["", ""])
    const { products } = readProductCsv(text)
    expect(products.map((product) => [product.fields.handle, product.variants.length])).toEqual([
      ["a", 0],
      ["b", 0],
    ])
  })

  it("writes one row per variant, each with the product's values", () => {
    const rows = records(
      writeProductCsv([{ handle: "mug", title: "Mug", variants: [{ title: "S" }, { title: "M" }] }], regions),
    )
    expect(rows.map((row) => [row["Product Handle"], row["Product Title"], row["Variant Title"]])).toEqual([
      ["mug", "Mug", "S"],
      ["mug", "Mug", "M"],
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// Round trip: what the export writes, the import reads back as the same products.
// Cells are trimmed on read (Medusa's import trims them too), so generated text has no surrounding
// whitespace; an empty text is absent on read, so optional fields are either absent or non-empty.
// Amounts compare as decimals: the export has a number (29.5), the CSV has its shortest text, and
// "29.50" and "29.5" are the same amount; amounts keep up to 13 significant digits, which doubles hold exactly.

const tricky = fc.constantFrom(
  ",",
  '"',
  "\n",
  "\r\n",
  ";",
  "'",
  "=",
  "+",
  "-",
  "@",
  "\t",
  "é",
  "😀",
  "Ω",
  " ",
  "[",
  "]",
)
const textArb = fc
  .array(
    fc.oneof({ weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) }, { weight: 2, arbitrary: tricky }),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join("").trim())
const someText = textArb.filter((value) => value !== "")
const optionalText = fc.option(someText, { nil: undefined })
const amountArb = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, fraction, digits]) =>
    digits === 0 ? `${units}` : `${units}.${String(fraction).padStart(4, "0").slice(0, digits)}`,
  )

const productArb = fc
  .record({
    handle: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: someText,
    subtitle: optionalText,
    description: optionalText,
    material: optionalText,
    discountable: fc.option(fc.boolean(), { nil: undefined }),
    weight: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    metadata: fc.option(fc.dictionary(someText, fc.oneof(someText, fc.integer()), { minKeys: 1, maxKeys: 3 }), {
      nil: undefined,
    }),
    tags: fc.uniqueArray(someText, { maxLength: 3 }),
    optionTitles: fc.uniqueArray(someText, { minLength: 0, maxLength: 2 }),
    variants: fc.uniqueArray(
      fc.record({
        title: someText,
        sku: optionalText,
        eur: fc.option(amountArb, { nil: undefined }),
        usd: fc.option(amountArb, { nil: undefined }),
        europe: fc.option(amountArb, { nil: undefined }),
        values: fc.array(someText, { minLength: 2, maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 5, selector: (variant) => variant.title },
    ),
  })
  .map((product) => ({
    ...product,
    // Variants' option values are distinct per variant (a product's variants differ in their options).
    variants: product.variants.map((variant, i) => ({
      ...variant,
      values: variant.values.map((value, j) => (j === 0 ? `${value} ${i}` : value)),
    })),
  }))
type Generated = typeof productArb extends fc.Arbitrary<infer T> ? T : never

/** A generated product, as the Admin API returns it. */
function apiProduct(product: Generated): Json {
  const { optionTitles, variants, tags, ...fields } = product
  return {
    ...fields,
    tags: tags.map((value, i) => ({ id: `ptag_${i}`, value })),
    variants: variants.map((variant) => ({
      title: variant.title,
      sku: variant.sku,
      prices: [
        ...(variant.eur === undefined ? [] : [price("eur", Number(variant.eur))]),
        ...(variant.usd === undefined ? [] : [price("usd", Number(variant.usd))]),
        ...(variant.europe === undefined
          ? []
          : [price("eur", Number(variant.europe), { rules: { region_id: "reg_eu" } })]),
      ],
      options: optionTitles.map((title, j) => ({ value: variant.values[j], option: { title } })),
    })),
  }
}

/** A decimal's canonical text: `29.50` → `29.5`, `7.0` → `7`. */
const canonical = (amount: string) => amount.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")

const present = (record: Json) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))

describe("writeProductCsv then readProductCsv", () => {
  it("gives back the same products, fields, variants, option values and exact amounts", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(productArb, { minLength: 1, maxLength: 3, selector: (p) => p.handle }),
        (generated) => {
          const text = writeProductCsv(generated.map(apiProduct), regions)
          const { products, rows } = readProductCsv(text)
          expect(rows).toBe(generated.reduce((sum, product) => sum + product.variants.length, 0))
          expect(products).toHaveLength(generated.length)
          generated.forEach((expected, p) => {
            const read = products[p]!
            const { optionTitles, variants, tags, ...fields } = expected
            expect(read.fields).toEqual(present(fields))
            expect(read.tags).toEqual(tags)
            expect([...read.options]).toEqual(
              optionTitles.map((title, j) => [title, [...new Set(variants.map((variant) => variant.values[j]!))]]),
            )
            expect(read.variants).toHaveLength(variants.length)
            variants.forEach((variant, v) => {
              const got = read.variants[v]!
              expect(got.fields).toEqual(present({ title: variant.title, sku: variant.sku }))
              expect(got.options).toEqual(
                Object.fromEntries(optionTitles.map((title, j) => [title, variant.values[j]])),
              )
              const prices = (currency: string, region?: string) =>
                got.prices.filter((p) => p.currency_code === currency && p.region === region).map((p) => p.amount)
              for (const [amount, found] of [
                [variant.eur, prices("eur")],
                [variant.usd, prices("usd")],
                [variant.europe, prices("eur", "Europe")],
              ] as const) {
                expect(found.map(canonical)).toEqual(amount === undefined ? [] : [canonical(amount)])
                // the CSV has the amount's own digits, not a rounded or exponent form
                for (const text of found) expect(text).toMatch(/^\d+(\.\d+)?$/)
              }
            })
          })
        },
      ),
      { numRuns: 100 },
    )
  })
})
