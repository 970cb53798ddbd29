import { describe, expect, test } from "vitest"
import { refusal, sdkAdminSession } from "./helpers/sdk-admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = sdkAdminSession(`imports-${run}@example.com`, async () => {})
const handle = (name: string) => `${name}-${run}`
const csvFile = (text: string, name = "products.csv") => new File([text], name, { type: "text/csv" })

const HEADER =
  "Product Id,Product Handle,Product Title,Product Description,Product Status,Product Discountable,Product Tag 1,Variant Id,Variant Title,Variant SKU,Variant Manage Inventory,Variant Allow Backorder,Variant Price EUR,Variant Price USD,Variant Option 1 Name,Variant Option 1 Value,Product Image 1 Url"
const templateRows = () =>
  [
    `,${handle("mug")},Medusa Coffee Mug,"Every programmer's best friend, hot.",published,TRUE,mugs-${run},,One Size,MUG-${run},FALSE,FALSE,10,12,Size,One Size,https://example.com/mug.png`,
    ...["S", "M", "L"].map(
      (size) =>
        `,${handle("pants")},Medusa Sweatpants,Soft.,published,true,,,${size},PANTS-${size}-${run},true,false,29.50,33.99,Size,${size},https://example.com/pants.png`,
    ),
  ].join("\n")

async function productCount() {
  const { rows } = await session.db.query("select count(*)::int as n from product where deleted_at is null")
  return rows[0].n as number
}
async function importCount() {
  return (await session.db.query("select count(*)::int as n from product_import")).rows[0].n as number
}
async function byHandle(h: string) {
  const { products } = await session.admin.admin.product.list({
    handle: h,
    fields: "*variants,*variants.prices,*variants.options,*tags,*images,*options,*options.values",
  })
  return products as Json[]
}
const priceOf = (variant: Json, currency: string) =>
  variant.prices.find((price: Json) => price.currency_code === currency)?.amount

async function feed(title: string) {
  const { notifications } = await session.admin.admin.notification.list({ channel: "feed", limit: 100 })
  return (notifications as Json[]).filter((n) => n.data?.title === title)
}

describe("product CSV import through @medusajs/js-sdk (the dashboard's calls)", () => {
  test("previews the template's products, stores nothing, then creates them once however often confirmed", async () => {
    const before = await productCount()
    const preview = (await session.admin.admin.product.createImport({
      file: csvFile(`${HEADER}\n${templateRows()}`),
    })) as Json
    expect(preview).toEqual({ transaction_id: expect.stringMatching(/^pimp_/), summary: { toCreate: 2, toUpdate: 0 } })
    expect(await productCount()).toBe(before)
    expect(await byHandle(handle("pants"))).toEqual([])

    const confirms = await Promise.all(
      [1, 2, 3].map(() => session.admin.admin.product.confirmImport(preview.transaction_id)),
    )
    expect(confirms).toEqual([{}, {}, {}])
    expect(await productCount()).toBe(before + 2)

    const [pants] = await byHandle(handle("pants"))
    expect(pants).toMatchObject({ title: "Medusa Sweatpants", status: "published", discountable: true })
    expect(pants!.variants.map((v: Json) => v.title).sort()).toEqual(["L", "M", "S"])
    for (const variant of pants!.variants) {
      expect(priceOf(variant, "eur")).toBe(29.5)
      expect(priceOf(variant, "usd")).toBe(33.99)
      expect(variant).toMatchObject({ manage_inventory: true, allow_backorder: false })
    }
    expect(pants!.options.map((o: Json) => [o.title, o.values.map((v: Json) => v.value).sort()])).toEqual([
      ["Size", ["L", "M", "S"]],
    ])
    expect(pants!.images.map((i: Json) => i.url)).toEqual(["https://example.com/pants.png"])
    const [mug] = await byHandle(handle("mug"))
    expect(mug).toMatchObject({ description: "Every programmer's best friend, hot.", discountable: true })
    expect(mug!.tags.map((t: Json) => t.value)).toEqual([`mugs-${run}`])
    expect(mug!.variants[0]).toMatchObject({ sku: `MUG-${run}`, manage_inventory: false })
    expect(priceOf(mug!.variants[0], "eur")).toBe(10)

    // One notice for the import however often it was confirmed, saying which file it was.
    const done = (await feed("Product import")).filter((n) => n.resource_id === preview.transaction_id)
    expect(done.map((n) => n.data.description)).toEqual(["Product import of file products.csv completed successfully!"])
    const { rows } = await session.db.query("select status from product_import where id = $1", [preview.transaction_id])
    expect(rows).toEqual([{ status: "completed" }])
  })

  test("bad files are refused naming the row and column, and nothing is stored", async () => {
    const products = await productCount()
    const imports = await importCount()
    const cases: [string, RegExp][] = [
      [`Product Handle,Product Title,Product Colour\nx-${run},X,red`, /^Invalid column name\(s\) "Product Colour"$/],
      [
        `Product Handle,Product Title,Variant Title,Variant Price EUR\nx-${run},X,One,"1,5"`,
        /^Row 1: Invalid value provided for "Variant Price EUR"\. Expected value to be a number, received "1,5"$/,
      ],
      [`Product Handle,Product Title\nok-${run},Ok\n,No handle`, /^Row 2: Missing product id and handle/],
      [`Product Handle,Product Title,Product Discountable\ny-${run},Y,yes`, /^Row 1: .*"Product Discountable".*"yes"/],
      [`Product Handle,Product Status\nz-${run},published`, /^Row 1: title: /],
      [`Product Handle,Product Title,Product Status\nz-${run},Z,sold`, /^Row 1: status: /],
      [`Product Handle,Product Title\n${handle("mug")},Again`, /^Row 1: .*already exists/],
      [`Product Id,Product Title\nprod_missing${run},Gone`, /^Row 1: Product with id: prod_missing\w+ was not found$/],
      [
        `Product Handle,Product Title,Variant Id,Variant Title\nv-${run},V,variant_x,One`,
        /^Row 1: A new product's variant cannot have a Variant Id$/,
      ],
      [
        `Product Handle,Product Title,Variant Title,Variant Price Atlantis [EUR]\nr-${run},R,One,5`,
        /^Row 1: Region with name "atlantis" not found$/i,
      ],
      [`Product Handle,Product Title`, /^The file has no rows to import$/],
    ]
    for (const [text, message] of cases) {
      const refused = await refusal(session.admin.admin.product.createImport({ file: csvFile(text) }))
      expect([text, refused.status, refused.message]).toEqual([
        text,
        expect.any(Number),
        expect.stringMatching(message),
      ])
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
    }
    expect(await productCount()).toBe(products)
    expect(await importCount()).toBe(imports)
  })

  test("a body or transaction the API cannot use is a 4xx", async () => {
    const post = (path: string, body: unknown) =>
      refusal(session.admin.client.fetch(path, { method: "POST", body: body as Json }))
    expect((await post("/admin/products/imports", { file_key: "nope" })).status).toBe(400)
    const missing = await post("/admin/products/imports", {
      file_key: "file_missing",
      originalname: "a.csv",
      extension: "csv",
      size: 1,
      mime_type: "text/csv",
    })
    expect(missing.status).toBe(404)
    expect((await post("/admin/products/imports/pimp_unknown/confirm", {})).status).toBe(404)

    const preview = (await session.admin.admin.product.createImport({
      file: csvFile(`Product Handle,Product Title\nlate-${run},Late`),
    })) as Json
    await session.db.query("update product_import set expires_at = now() - interval '1 minute' where id = $1", [
      preview.transaction_id,
    ])
    const expired = await refusal(session.admin.admin.product.confirmImport(preview.transaction_id))
    expect(expired).toMatchObject({ status: 400, message: expect.stringMatching(/expired/) })
    expect(await byHandle(`late-${run}`)).toEqual([])
  })
})

describe("product CSV export", () => {
  test("exports the filtered products to a private link on the feed; the file imports back as an update", async () => {
    const { products } = await session.admin.admin.product.list({ handle: handle("pants"), fields: "id" })
    const pantsId = products[0]!.id as string
    const started = (await session.admin.admin.product.export({}, { handle: handle("pants") })) as Json
    expect(started).toEqual({ transaction_id: expect.any(String) })
    const [notice] = (await feed("Product export")).filter((n) => n.resource_type === "file")
    expect(notice!.data).toMatchObject({
      description: "Product export completed successfully!",
      file: { filename: expect.stringMatching(/-product-exports\.csv$/), mimeType: "text/csv" },
    })
    const url = notice!.data.file.url as string
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("text/csv")
    expect(res.headers.get("cache-control")).toBe("private, no-store")
    const csv = await res.text()
    const [header, ...lines] = csv.split("\r\n")
    expect(header!.split(",").slice(0, 3)).toEqual(["Product Id", "Product Handle", "Product Title"])
    expect(header).toContain("Variant Price EUR")
    expect(header).toContain("Variant Option 1 Value")
    expect(lines).toHaveLength(3)
    expect(lines.every((line) => line.startsWith(`${pantsId},${handle("pants")},Medusa Sweatpants`))).toBe(true)

    // The link is the authorization: without its token, or with another, the file is not there.
    const bare = url.split("?")[0]!
    expect((await fetch(bare)).status).toBe(404)
    expect((await fetch(`${bare}?token=${url.split("token=")[1]!.slice(0, -2)}xx`)).status).toBe(404)

    // Changed in a spreadsheet and imported: one product updated, its prices exactly the new ones.
    const edited = csv.replaceAll("Medusa Sweatpants", "Medusa Joggers").replaceAll(",29.5,", ",19.99,")
    const preview = (await session.admin.admin.product.createImport({ file: csvFile(edited, "edited.csv") })) as Json
    expect(preview.summary).toEqual({ toCreate: 0, toUpdate: 1 })
    await session.admin.admin.product.confirmImport(preview.transaction_id)
    const [pants] = await byHandle(handle("pants"))
    expect(pants!.title).toBe("Medusa Joggers")
    expect(pants!.variants).toHaveLength(3)
    for (const variant of pants!.variants) expect(priceOf(variant, "eur")).toBe(19.99)
  })

  test("import and export need an admin", async () => {
    const anonymous = (path: string) =>
      fetch(`${session.worker.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    expect((await anonymous("/admin/products/export")).status).toBe(401)
    expect((await anonymous("/admin/products/imports")).status).toBe(401)
  })
})
