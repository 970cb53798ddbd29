import { describe, expect, test } from "vitest"
import { expectRefused, adminSession } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`tags-${run}@example.com`)
const asAdmin = session.call
const eventNames = async (id: string) =>
  (
    await session.db.query(
      "select name from event_outbox where data->>'id' = $1 order by created_at, event_outbox.id",
      [id],
    )
  ).rows.map((r) => r.name)

describe("/admin/product-tags and /admin/product-types", () => {
  test("a tag is created once, renamed, filtered and deleted, with its events", async () => {
    const created = await asAdmin("POST", "/admin/product-tags", { value: `linen-${run}` })
    const tag = created.body.product_tag
    expect(tag).toMatchObject({ value: `linen-${run}`, metadata: null })
    // Medusa's unique index refuses a second tag with the value; a product's tags reuse it, by value or id.
    const again = await asAdmin("POST", "/admin/product-tags", { value: `linen-${run}` })
    expect(again).toMatchObject({
      status: 422,
      body: { type: "duplicate_error", message: `Product tag with value: linen-${run}, already exists.` },
    })
    expect((await asAdmin("GET", `/admin/product-tags?value=linen-${run}`)).body.count).toBe(1)
    const product = (
      await asAdmin("POST", "/admin/products", {
        title: `Linen shirt ${run}`,
        tags: [{ value: `linen-${run}` }, { id: tag.id }],
      })
    ).body.product
    expect(product.tags.map((t: Json) => t.id)).toEqual([tag.id])
    const unknownTag = await asAdmin("POST", "/admin/products", {
      title: `Silk shirt ${run}`,
      tags: [{ id: "ptag_missing" }],
    })
    expect(unknownTag).toMatchObject({
      status: 404,
      body: { message: "Product tag with id: ptag_missing was not found" },
    })

    const renamed = await asAdmin("POST", `/admin/product-tags/${tag.id}`, {
      value: `flax-${run}`,
      metadata: { season: "summer" },
    })
    expect(renamed.body.product_tag).toMatchObject({ id: tag.id, value: `flax-${run}`, metadata: { season: "summer" } })
    const other = (await asAdmin("POST", "/admin/product-tags", { value: `wool-${run}` })).body.product_tag
    const clash = await asAdmin("POST", `/admin/product-tags/${other.id}`, { value: `flax-${run}` })
    expect(clash).toMatchObject({ status: 422, body: { type: "duplicate_error" } })

    expect((await asAdmin("GET", `/admin/product-tags?value=flax-${run}`)).body).toMatchObject({
      count: 1,
      product_tags: [{ id: tag.id }],
    })
    expect(
      (await asAdmin("GET", `/admin/product-tags?id[]=${tag.id}&id[]=${other.id}&order=-value`)).body.product_tags.map(
        (t: Json) => t.value,
      ),
    ).toEqual([`wool-${run}`, `flax-${run}`])
    const slim = await asAdmin("GET", `/admin/product-tags?q=${run}&fields=value&limit=1`)
    expect(slim.body).toEqual({ product_tags: [{ id: tag.id, value: `flax-${run}` }], count: 2, offset: 0, limit: 1 })
    expect((await asAdmin("GET", `/admin/product-tags/${tag.id}?fields=value`)).body).toEqual({
      product_tag: { id: tag.id, value: `flax-${run}` },
    })

    expect((await asAdmin("DELETE", `/admin/product-tags/${tag.id}`)).body).toEqual({
      id: tag.id,
      object: "product_tag",
      deleted: true,
    })
    expect((await asAdmin("GET", `/admin/product-tags/${tag.id}`)).status).toBe(404)
    expect((await asAdmin("GET", `/admin/products/${product.id}?fields=*tags`)).body.product.tags).toEqual([])
    expect(await eventNames(tag.id)).toEqual(["product-tag.created", "product-tag.updated", "product-tag.deleted"])
  })

  test("types: the same routes, and bad bodies change nothing", async () => {
    const type = (await asAdmin("POST", "/admin/product-types", { value: `Shirt ${run}` })).body.product_type
    const again = await asAdmin("POST", "/admin/product-types", { value: `Shirt ${run}` })
    expect(again).toMatchObject({
      status: 422,
      body: { type: "duplicate_error", message: `Product type with value: Shirt ${run}, already exists.` },
    })
    expect(
      (await asAdmin("POST", `/admin/product-types/${type.id}`, { value: `Shirts ${run}` })).body.product_type.value,
    ).toBe(`Shirts ${run}`)
    expect(
      (await asAdmin("GET", `/admin/product-types?q=shirts ${run}`)).body.product_types.map((t: Json) => t.id),
    ).toEqual([type.id])
    await expectRefused(session.db, "product_type", (body) => asAdmin("POST", "/admin/product-types", body), [
      [{ value: "" }, /^value: /],
      [{ value: 5 }, /^value: /],
      [{ value: "X", label: "Y" }, /^Unrecognized fields: 'label'$/],
    ])
    expect((await asAdmin("POST", `/admin/product-types/${type.id}`, { value: "" })).status).toBe(400)
    expect((await asAdmin("GET", `/admin/product-types/${type.id}`)).body.product_type.value).toBe(`Shirts ${run}`)
    expect((await asAdmin("DELETE", `/admin/product-types/${type.id}`)).body).toEqual({
      id: type.id,
      object: "product_type",
      deleted: true,
    })
    expect((await asAdmin("DELETE", `/admin/product-types/${type.id}`)).status).toBe(404)
    expect(await eventNames(type.id)).toEqual(["product-type.created", "product-type.updated", "product-type.deleted"])
  })

  test("collections and categories honour fields", async () => {
    const collection = (await asAdmin("POST", "/admin/collections?fields=title", { title: `Autumn ${run}` })).body
      .collection
    expect(collection).toEqual({ id: expect.any(String), title: `Autumn ${run}` })
    expect((await asAdmin("GET", `/admin/collections?q=${run}&fields=handle`)).body.collections).toEqual([
      { id: collection.id, handle: `autumn-${run}` },
    ])
    const parent = (await asAdmin("POST", "/admin/product-categories", { name: `Garden ${run}` })).body.product_category
    expect(parent).toMatchObject({
      name: `Garden ${run}`,
      is_active: false,
      parent_category: null,
      category_children: [],
    })
    const child = (
      await asAdmin("POST", "/admin/product-categories", { name: `Tools ${run}`, parent_category_id: parent.id })
    ).body.product_category
    const tree = await asAdmin("GET", `/admin/product-categories/${parent.id}?fields=name,category_children.name`)
    expect(tree.body.product_category).toEqual({
      id: parent.id,
      name: `Garden ${run}`,
      category_children: [{ id: child.id, name: `Tools ${run}` }],
    })
    const listed = await asAdmin("GET", `/admin/product-categories?q=${run}&fields=name,*parent_category&order=name`)
    expect(listed.body.product_categories.map((c: Json) => [c.name, c.parent_category?.id ?? null])).toEqual([
      [`Garden ${run}`, null],
      [`Tools ${run}`, parent.id],
    ])
  })
})
