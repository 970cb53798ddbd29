import { describe, expect, test } from "vitest"
import { sdkAdminSession } from "./helpers/sdk-admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = sdkAdminSession(`variant-images-${run}@example.com`, async () => {})

/** A request through the sdk's client, its refusal answered as `{ status, message }`. */
async function send(path: string, body: unknown): Promise<{ status: number; body: Json }> {
  try {
    return { status: 200, body: await session.admin.client.fetch<Json>(path, { method: "POST", body: body as Json }) }
  } catch (error) {
    const { status, message } = error as { status: number; message: string }
    return { status, body: { message } }
  }
}

const shirt = (name: string) => ({
  title: `Variant images ${name} ${run}`,
  handle: `variant-images-${name}-${run}`,
  images: [{ url: `https://example.com/${name}-1-${run}.png` }, { url: `https://example.com/${name}-2-${run}.png` }],
  options: [{ title: "Size", values: ["S", "M"] }],
  variants: ["S", "M"].map((size) => ({
    title: size,
    options: { Size: size },
    prices: [{ currency_code: "eur", amount: 20 }],
  })),
})

async function createShirt(name: string) {
  const { product } = await session.admin.admin.product.create(shirt(name) as never, { fields: "*images,*variants" })
  const images = [...(product.images ?? [])].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  const variants = [...(product.variants ?? [])].sort((a, b) => a.title!.localeCompare(b.title!))
  return { id: product.id, images: images.map((image) => image.id), variants: variants.map((variant) => variant.id) }
}

const linkCount = async () =>
  (await session.db.query("select count(*)::int as n from product_variant_product_image")).rows[0].n as number

/** Each variant's image ids, and each image's variant ids, as the dashboard reads them back. */
async function linksOf(productId: string) {
  const { product } = await session.admin.admin.product.retrieve(productId, {
    fields: "*variants.images,images.id,images.variants.id",
  })
  const variantImages = Object.fromEntries(
    ((product as Json).variants as Json[]).map((variant) => [
      variant.id,
      (variant.images as Json[]).map((image) => image.id).sort(),
    ]),
  )
  const imageVariants = Object.fromEntries(
    ((product as Json).images as Json[]).map((image) => [
      image.id,
      ((image as Json).variants as Json[]).map((variant) => variant.id as string).sort(),
    ]),
  )
  return { variantImages, imageVariants }
}

describe("variant images (Medusa 2.11+): /admin/products/:id/{images/:image_id/variants,variants/:variant_id/images}/batch", () => {
  test("an image's variants and a variant's images are linked, unlinked and read back", async () => {
    const p = await createShirt("a")
    const [img1, img2] = p.images as [string, string]
    const [varA, varB] = p.variants as [string, string]

    expect(await session.admin.admin.product.batchImageVariants(p.id, img1, { add: [varA, varB] })).toEqual({
      added: [varA, varB],
      removed: [],
    })
    // Idempotent: adding what is linked changes nothing.
    await session.admin.admin.product.batchImageVariants(p.id, img1, { add: [varA] })
    expect(await linksOf(p.id)).toEqual({
      variantImages: { [varA]: [img1], [varB]: [img1] },
      imageVariants: { [img1]: [varA, varB].sort(), [img2]: [] },
    })

    expect(await session.admin.admin.product.batchVariantImages(p.id, varA, { add: [img2], remove: [img1] })).toEqual({
      added: [img2],
      removed: [img1],
    })
    expect(await linksOf(p.id)).toEqual({
      variantImages: { [varA]: [img2], [varB]: [img1] },
      imageVariants: { [img1]: [varB], [img2]: [varA] },
    })

    // Removing a link that is not there is no change; the variant's own read shows the same.
    expect(await session.admin.admin.product.batchVariantImages(p.id, varA, { remove: [img1] })).toEqual({
      added: [],
      removed: [img1],
    })
    const { variant } = await session.admin.admin.product.retrieveVariant(p.id, varA, {
      fields: "*images,+images.variants.id",
    })
    expect((variant as Json).images.map((image: Json) => image.id)).toEqual([img2])
    expect((variant as Json).images[0].variants.map((v: Json) => v.id)).toEqual([varA])

    // The media form saves the product's images as [{ id, url }], reordered: the images and their links stay.
    const { product } = await session.admin.admin.product.retrieve(p.id, { fields: "*images" })
    const byId = new Map(((product as Json).images as Json[]).map((image) => [image.id, image.url]))
    const extra = `https://example.com/a-3-${run}.png`
    await session.admin.admin.product.update(p.id, {
      images: [{ id: img2, url: byId.get(img2) }, { id: img1, url: byId.get(img1) }, { url: extra }],
    } as never)
    const after = await session.admin.admin.product.retrieve(p.id, { fields: "*images" })
    const images = [...((after.product as Json).images as Json[])].sort((a, b) => a.rank - b.rank)
    expect(images.map((image) => image.id).slice(0, 2)).toEqual([img2, img1])
    expect(images.map((image) => image.url)).toEqual([byId.get(img2), byId.get(img1), extra])
    expect(await linksOf(p.id)).toMatchObject({ variantImages: { [varA]: [img2], [varB]: [img1] } })
    // Left out: the image goes, and its links with it.
    await session.admin.admin.product.update(p.id, { images: [{ id: img2, url: byId.get(img2) }] } as never)
    expect(await linksOf(p.id)).toEqual({
      variantImages: { [varA]: [img2], [varB]: [] },
      imageVariants: { [img2]: [varA] },
    })
  })

  test("a variant's thumbnail that was an image it loses is cleared, as Medusa's workflows do", async () => {
    const p = await createShirt("thumb")
    const [img1] = p.images as [string, string]
    const [varA, varB] = p.variants as [string, string]
    const url = `https://example.com/thumb-1-${run}.png`
    await session.admin.admin.product.batchImageVariants(p.id, img1, { add: [varA, varB] })
    // As the dashboard's variant media form sets it.
    for (const variant of [varA, varB])
      await session.admin.admin.product.updateVariant(p.id, variant, { thumbnail: url })
    await session.admin.admin.product.batchImageVariants(p.id, img1, { remove: [varA] })
    await session.admin.admin.product.batchVariantImages(p.id, varB, { remove: [img1] })
    const thumbs = await session.db.query("select id, thumbnail from product_variant where id = any($1)", [
      [varA, varB],
    ])
    expect(thumbs.rows.map((row) => row.thumbnail)).toEqual([null, null])
  })

  test("unknown or foreign ids are 404s and change nothing; bad bodies are 400s naming the field; 401 without an admin", async () => {
    const p = await createShirt("b")
    const other = await createShirt("c")
    const [img1] = p.images as [string, string]
    const [varA] = p.variants as [string, string]
    await session.admin.admin.product.batchImageVariants(p.id, img1, { add: [varA] })
    const before = await linkCount()

    const refusals: [string, unknown, RegExp][] = [
      [
        `/admin/products/${p.id}/images/img_missing/variants/batch`,
        { add: [varA] },
        /Image with id: img_missing was not found/,
      ],
      [
        `/admin/products/${p.id}/images/${img1}/variants/batch`,
        { add: ["variant_missing"] },
        /variant_missing was not found/,
      ],
      [
        `/admin/products/prod_missing/images/${img1}/variants/batch`,
        { add: [varA] },
        /Product with id: prod_missing was not found/,
      ],
      [`/admin/products/${p.id}/images/${img1}/variants/batch`, { add: [other.variants[0]] }, /was not found/],
      [`/admin/products/${p.id}/images/${other.images[0]}/variants/batch`, { add: [varA] }, /was not found/],
      [
        `/admin/products/${p.id}/variants/variant_missing/images/batch`,
        { add: [img1] },
        /Variant with id: variant_missing was not found/,
      ],
      [
        `/admin/products/${p.id}/variants/${varA}/images/batch`,
        { add: ["img_missing"] },
        /Image with id: img_missing was not found/,
      ],
      [`/admin/products/${p.id}/variants/${varA}/images/batch`, { remove: [other.images[0]] }, /was not found/],
      [`/admin/products/${p.id}/variants/${other.variants[0]}/images/batch`, { add: [img1] }, /was not found/],
      // A valid add with an invalid remove keeps nothing: one transaction.
      [
        `/admin/products/${p.id}/variants/${varA}/images/batch`,
        { add: [p.images[1]], remove: ["img_missing"] },
        /not found/,
      ],
    ]
    for (const [path, body, message] of refusals) {
      const res = await send(path, body)
      expect(res.status, path).toBe(404)
      expect(res.body.message).toMatch(message)
    }
    expect(await linkCount()).toBe(before)

    for (const [body, field] of [
      [{ add: "nope" }, /add/],
      [{ remove: [1] }, /remove/],
      [{ add: [""] }, /add/],
    ] as const) {
      const res = await send(`/admin/products/${p.id}/variants/${varA}/images/batch`, body)
      expect(res.status).toBe(400)
      expect(res.body.message).toMatch(field)
      const res2 = await send(`/admin/products/${p.id}/images/${img1}/variants/batch`, body)
      expect(res2.status).toBe(400)
      expect(res2.body.message).toMatch(field)
    }
    expect(await linkCount()).toBe(before)

    const anonymous = await fetch(`${session.worker.url}/admin/products/${p.id}/images/${img1}/variants/batch`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ remove: [varA] }),
    })
    expect(anonymous.status).toBe(401)
    expect(await linkCount()).toBe(before)
  })
})
