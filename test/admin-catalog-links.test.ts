import { describe, expect, test } from "vitest"
import { adminSession } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`links-${run}@example.com`)
const asAdmin = session.call
const events = async (ids: string[]) =>
  (
    await session.db.query(
      "select name, data->>'id' as id from event_outbox where data->>'id' = any($1) order by created_at, event_outbox.id",
      [ids],
    )
  ).rows
const product = async (title: string, extra: Json = {}) =>
  (await asAdmin("POST", "/admin/products", { title: `${title} ${run}`, ...extra })).body.product as Json

describe("POST /admin/collections/:id/products and /admin/product-categories/:id/products", () => {
  test("a collection gains and loses products; each one touched is product.updated", async () => {
    const autumn = (await asAdmin("POST", "/admin/collections", { title: `Autumn ${run}` })).body.collection
    const winter = (await asAdmin("POST", "/admin/collections", { title: `Winter ${run}` })).body.collection
    const [coat, scarf] = [await product("Coat", { collection_id: winter.id }), await product("Scarf")]

    const added = await asAdmin("POST", `/admin/collections/${autumn.id}/products?fields=title,*products`, {
      add: [coat.id, scarf.id],
    })
    expect(added.status).toBe(200)
    expect(added.body.collection.title).toBe(`Autumn ${run}`)
    expect(added.body.collection.products.map((p: Json) => p.id).sort()).toEqual([coat.id, scarf.id].sort())
    // A product is in one collection: adding it here took it out of winter.
    expect((await asAdmin("GET", `/admin/products?collection_id=${winter.id}`)).body.count).toBe(0)

    const removed = await asAdmin("POST", `/admin/collections/${autumn.id}/products?fields=*products`, {
      remove: [coat.id],
    })
    expect(removed.body.collection.products.map((p: Json) => p.id)).toEqual([scarf.id])
    expect(
      (await asAdmin("GET", `/admin/products/${coat.id}?fields=collection_id`)).body.product.collection_id,
    ).toBeNull()
    // Removing from another collection leaves the product where it is.
    await asAdmin("POST", `/admin/collections/${winter.id}/products`, { remove: [scarf.id] })
    expect((await asAdmin("GET", `/admin/products/${scarf.id}?fields=collection_id`)).body.product.collection_id).toBe(
      autumn.id,
    )

    const touched = (await events([coat.id, scarf.id])).filter((e) => e.name === "product.updated")
    expect(touched.map((e) => e.id)).toEqual([coat.id, scarf.id, coat.id, scarf.id])
  })

  test("a category gains and loses products, shown on the product", async () => {
    const category = (await asAdmin("POST", "/admin/product-categories", { name: `Outdoor ${run}` })).body
      .product_category
    const [tent, stove] = [await product("Tent"), await product("Stove")]
    const added = await asAdmin(
      "POST",
      `/admin/product-categories/${category.id}/products?fields=name,products.title`,
      { add: [tent.id, stove.id, tent.id] },
    )
    expect(added.status).toBe(200)
    expect(added.body.product_category.products.map((p: Json) => p.title).sort()).toEqual([
      `Stove ${run}`,
      `Tent ${run}`,
    ])
    // Adding twice is harmless.
    expect(
      (await asAdmin("POST", `/admin/product-categories/${category.id}/products`, { add: [tent.id] })).status,
    ).toBe(200)

    await asAdmin("POST", `/admin/product-categories/${category.id}/products`, { remove: [stove.id] })
    expect(
      (await asAdmin("GET", `/admin/products/${tent.id}?fields=*categories`)).body.product.categories.map(
        (c: Json) => c.id,
      ),
    ).toEqual([category.id])
    expect((await asAdmin("GET", `/admin/products/${stove.id}?fields=*categories`)).body.product.categories).toEqual([])
    expect((await events([stove.id])).map((e) => e.name)).toEqual([
      "product.created",
      "product.updated",
      "product.updated",
    ])
  })

  test("unknown products, collections or categories, and bad bodies, change nothing", async () => {
    const collection = (await asAdmin("POST", "/admin/collections", { title: `Spring ${run}` })).body.collection
    const category = (await asAdmin("POST", "/admin/product-categories", { name: `Kitchen ${run}` })).body
      .product_category
    const pan = await product("Pan")
    const eventsBefore = (await events([pan.id])).length

    const missing = await asAdmin("POST", `/admin/collections/${collection.id}/products`, {
      add: [pan.id, "prod_missing"],
    })
    expect(missing).toMatchObject({
      status: 404,
      body: { type: "not_found", message: "Products with ids: prod_missing were not found" },
    })
    const missingToo = await asAdmin("POST", `/admin/product-categories/${category.id}/products`, {
      add: [pan.id],
      remove: ["prod_gone"],
    })
    expect(missingToo).toMatchObject({ status: 404, body: { message: "Products with ids: prod_gone were not found" } })
    expect((await asAdmin("POST", "/admin/collections/pcol_missing/products", { add: [pan.id] })).status).toBe(404)
    expect((await asAdmin("POST", "/admin/product-categories/pcat_missing/products", { add: [pan.id] })).status).toBe(
      404,
    )

    const bad = await asAdmin("POST", `/admin/collections/${collection.id}/products`, { add: pan.id })
    expect(bad).toMatchObject({ status: 400, body: { type: "invalid_data" } })
    expect(bad.body.message).toMatch(/^add: /)
    expect(
      (await asAdmin("POST", `/admin/product-categories/${category.id}/products`, { add: [], products: [] })).body
        .message,
    ).toBe("Unrecognized fields: 'products'")

    const after = (await asAdmin("GET", `/admin/products/${pan.id}?fields=collection_id,*categories`)).body.product
    expect(after).toMatchObject({ collection_id: null, categories: [] })
    expect((await events([pan.id])).length).toBe(eventsBefore)
  })
})
