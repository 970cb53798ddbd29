// Medusa's admin dashboard imports products from a CSV (upload, preview, confirm) and exports them back: the
// export's private link shows up in the notifications drawer and serves the CSV only with its token.
import { describe, expect, it } from "vitest"
import { type Json, useDashboard } from "./harness"

const run = Date.now().toString(36)
const cap = `csv-cap-${run}`
const tee = `csv-tee-${run}`
const CSV = [
  "Product Handle,Product Title,Product Status,Variant Title,Variant SKU,Variant Price EUR,Variant Option 1 Name,Variant Option 1 Value",
  `${cap},CSV Cap ${run},published,One Size,CAP-${run},12.50,Size,One Size`,
  `${tee},CSV Tee ${run},published,S,TEE-S-${run},19.99,Size,S`,
  `${tee},CSV Tee ${run},published,M,TEE-M-${run},21.00,Size,M`,
].join("\n")

const world = useDashboard()
const { admin, expectPage, submit } = world
const page = () => world.dashboard.page
// The dashboard draws these routes' drawer twice (the product list and its layout each render the route's
// outlet), and each open Radix dialog hides the other from the accessibility tree: the top one is the last.
const drawer = () => page().locator("[role=dialog][data-state=open]").last()
const button = (name: string) => drawer().locator("button", { hasText: new RegExp(`^${name}$`) })
const pathOf = (url: string) => new URL(url).pathname

async function byHandle(handle: string) {
  const { products } = await admin(`/admin/products?handle=${handle}&fields=*variants,*variants.prices`)
  return products as Json[]
}
/** a product's variants as [title, sku, [currency, amount]...], sorted by title */
const variantsOf = (product: Json) =>
  (product.variants as Json[])
    .map((variant) => [
      variant.title,
      variant.sku,
      (variant.prices as Json[]).map((price) => [price.currency_code, price.amount]),
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])))

describe("product CSV import and export in the dashboard", () => {
  it("uploads a CSV in the import drawer, previews it, and confirming creates the products", async () => {
    expect(await byHandle(cap)).toEqual([])
    await expectPage("/products/import")
    // The dashboard uploads the file to a presigned URL first, then asks for the preview with its key.
    const presigned = page().waitForResponse(
      (response) =>
        response.request().method() === "POST" && pathOf(response.url()) === "/admin/uploads/presigned-urls",
    )
    const previewed = page().waitForResponse(
      (response) => response.request().method() === "POST" && pathOf(response.url()) === "/admin/products/imports",
    )
    await drawer()
      .locator("input[type=file]")
      .setInputFiles({ name: `products-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV) })
    expect((await presigned).status()).toBe(200)
    const preview = await previewed
    expect(preview.request().postDataJSON()).toMatchObject({
      originalname: `products-${run}.csv`,
      extension: "csv",
      mime_type: "text/csv",
      size: Buffer.byteLength(CSV),
    })
    const summary = (await preview.json()) as Json
    expect(preview.status(), JSON.stringify(summary)).toBe(202)
    expect(summary).toEqual({ transaction_id: expect.any(String), summary: { toCreate: 2, toUpdate: 0 } })

    // The drawer shows the preview's counts beside their labels; nothing is stored yet.
    const stat = (label: string) =>
      drawer().getByText(label, { exact: true }).locator("xpath=preceding-sibling::*[1]").textContent()
    await drawer().getByText("Products will be created", { exact: true }).waitFor()
    expect(await stat("Products will be created")).toBe("2")
    expect(await stat("Products will be updated")).toBe("0")
    await drawer().getByText(`products-${run}.csv`, { exact: true }).waitFor()
    expect(await byHandle(cap)).toEqual([])

    const confirmed = await submit(
      () => button("Import").click(),
      new RegExp(`^/admin/products/imports/${summary.transaction_id}/confirm$`),
    )
    expect(confirmed).toEqual({})
    await page().getByText("We are processing your import").first().waitFor()

    const [capProduct] = await byHandle(cap)
    expect(capProduct).toMatchObject({ title: `CSV Cap ${run}`, status: "published" })
    expect(variantsOf(capProduct!)).toEqual([["One Size", `CAP-${run}`, [["eur", 12.5]]]])
    const [teeProduct] = await byHandle(tee)
    expect(teeProduct).toMatchObject({ title: `CSV Tee ${run}`, status: "published" })
    expect(variantsOf(teeProduct!)).toEqual([
      ["M", `TEE-M-${run}`, [["eur", 21]]],
      ["S", `TEE-S-${run}`, [["eur", 19.99]]],
    ])
    expect(world.dashboard.take()).toEqual([])
  })

  it("exports the filtered products and the notifications drawer links the private CSV", async () => {
    // The export drawer sends the product list's filters (prefixed `p_`): here, a search for this run.
    await expectPage(`/products/export?p_q=${run}`)
    const requested = page().waitForRequest(
      (request) => request.method() === "POST" && pathOf(request.url()) === "/admin/products/export",
    )
    const exported = await submit(() => button("Export").click(), /^\/admin\/products\/export$/)
    expect(new URL((await requested).url()).searchParams.get("q")).toBe(run)
    expect(exported).toEqual({ transaction_id: expect.any(String) })
    await page().getByText("We are processing your export").first().waitFor()

    // The bell in the top bar opens the feed.
    const bell = page().locator("div.grid-cols-2.border-b button[aria-haspopup=dialog]")
    expect(await bell.count()).toBe(1)
    await bell.click()
    const feed = page().getByRole("dialog", { name: "Notifications" })
    await feed.getByText("Product export", { exact: true }).first().waitFor()
    await feed.getByText("Product import", { exact: true }).first().waitFor()
    await page().waitForLoadState("networkidle")
    expect(await feed.getByText("Product export", { exact: true }).count()).toBe(1)
    expect(await feed.getByText("Product export completed successfully!", { exact: true }).count()).toBe(1)
    const link = feed.locator("a[download]")
    expect(await link.count()).toBe(1)
    const href = (await link.getAttribute("href"))!
    const filename = (await link.getAttribute("download"))!
    expect(filename).toMatch(/^\d+-product-exports\.csv$/)
    expect(href.startsWith(`${world.stack.url}/`)).toBe(true)
    expect(new URL(href).searchParams.get("token")).toBeTruthy()

    // The feed notification the drawer drew is the one the API holds.
    const { notifications } = await admin("/admin/notifications?channel=feed&limit=100")
    const exports = (notifications as Json[]).filter((notification) => notification.data?.title === "Product export")
    expect(exports.map((notification) => notification.data.file)).toEqual([
      { filename, url: href, mimeType: "text/csv" },
    ])

    const served = await fetch(href)
    expect(served.status).toBe(200)
    expect(served.headers.get("content-type")).toBe("text/csv")
    const [header, ...rows] = (await served.text()).split(/\r?\n/).filter((line) => line !== "")
    const columns = header!.split(",")
    expect(columns).toContain("Variant Price EUR")
    const handleAt = columns.indexOf("Product Handle")
    const skuAt = columns.indexOf("Variant SKU")
    const priceAt = columns.indexOf("Variant Price EUR")
    // Only this run's products, one row per variant, with the imported prices.
    expect(
      rows
        .map((row) => row.split(","))
        .map((cells) => [cells[handleAt], cells[skuAt], Number(cells[priceAt])])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual([
      [cap, `CAP-${run}`, 12.5],
      [tee, `TEE-M-${run}`, 21],
      [tee, `TEE-S-${run}`, 19.99],
    ])

    // The link is the authorization: without its token the file is not there.
    expect((await fetch(href.split("?")[0]!)).status).toBe(404)
    expect(world.dashboard.take()).toEqual([])
  })
})
