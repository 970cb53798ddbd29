// Medusa's admin dashboard uploads a product image through its media editor: the file goes to /admin/uploads,
// the product keeps the URL, and that URL serves the PNG.
import { describe, expect, it } from "vitest"
import { type Json, useDashboard } from "./harness"

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
)

const world = useDashboard(async ({ admin, ids }) => {
  const { products } = await admin("/admin/products?fields=id,handle,*images&limit=50")
  const product = products.find((candidate: Json) => candidate.handle === "shorts") ?? products[0]
  ids.product = product.id
})
const { admin, ids, expectPage, submit } = world
const page = () => world.dashboard.page
const dialog = () => page().getByRole("dialog").last()

describe("product media in the dashboard", () => {
  it("uploads a PNG through the media editor and the product shows it", async () => {
    const before = (await admin(`/admin/products/${ids.product}?fields=*images`)).product.images as Json[]
    await expectPage("/products/:product/media?view=edit")
    await dialog().locator("input[type=file]").setInputFiles({ name: "pixel.png", mimeType: "image/png", buffer: PNG })
    // The new image is previewed before anything is sent.
    await dialog().locator("img[src^='blob:']").first().waitFor()
    const uploaded = page().waitForResponse(
      (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/admin/uploads",
    )
    await submit(
      () => dialog().getByRole("button", { name: "Save", exact: true }).click(),
      /^\/admin\/products\/[^/]+$/,
    )
    const upload = await uploaded
    expect(upload.status()).toBe(200)
    const { files } = (await upload.json()) as { files: { id: string; url: string }[] }
    expect(files).toHaveLength(1)
    expect(files[0]!.url).toBe(`${world.stack.url}/static/${files[0]!.id}`)

    const after = (await admin(`/admin/products/${ids.product}?fields=*images`)).product.images as Json[]
    expect(after.map((image) => image.url)).toEqual([...before.map((image) => image.url), files[0]!.url])
    const served = await fetch(files[0]!.url)
    expect(served.status).toBe(200)
    expect(served.headers.get("content-type")).toBe("image/png")
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true)
    expect((await admin(`/admin/uploads/${files[0]!.id}`)).file).toEqual(files[0])

    // The product's media page draws the stored image from its URL.
    await expectPage("/products/:product/media")
    await page().locator(`img[src='${files[0]!.url}']`).first().waitFor()
    expect(world.dashboard.take()).toEqual([])
  })
})
