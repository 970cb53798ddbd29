import { beforeAll, describe, expect, test } from "vitest"
import { expectRefused, adminSession } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
let channel: string
let key: string
let europe: string
const session = adminSession(`catalog-${run}@example.com`)
async function call(method: string, path: string, options: { token?: string; body?: unknown; key?: string } = {}) {
  const res = await session.worker.fetch(path, {
    method,
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.key ? { "x-publishable-api-key": options.key } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}
const asAdmin = session.call
// The products made here are sold in a channel of this file's own, so other tests' shop stays as seeded.
const store = (path: string) => call("GET", path, { key })

beforeAll(async () => {
  channel = (await asAdmin("POST", "/admin/sales-channels", { name: `Admin products ${run}` })).body.sales_channel.id
  const created = (await asAdmin("POST", "/admin/api-keys", { title: `Admin products ${run}`, type: "publishable" }))
    .body.api_key
  await asAdmin("POST", `/admin/api-keys/${created.id}/sales-channels`, { add: [channel] })
  key = created.token
  europe = (await store("/store/regions?name=Europe")).body.regions[0].id
})

const hoodie = () => ({
  title: `Admin Hoodie ${run}`,
  handle: `admin-hoodie-${run}`,
  description: "Made through the Admin API",
  images: [{ url: "https://example.com/hoodie.png" }],
  tags: [{ value: `admin-${run}` }],
  options: [
    { title: "Size", values: ["S", "M"] },
    { title: "Color", values: ["Red", "Blue"] },
  ],
  variants: ["S", "M"].flatMap((size) =>
    ["Red", "Blue"].map((color) => ({
      title: `${size} / ${color}`,
      sku: `AH-${size}-${color}-${run}`,
      options: { Size: size, Color: color },
      prices: [
        { currency_code: "eur", amount: 59.9 },
        { currency_code: "usd", amount: 64 },
      ],
    })),
  ),
})

describe("/admin/products", () => {
  test("a product with two options and four variants, priced; a draft until published, then sold in the store", async () => {
    const created = await asAdmin("POST", "/admin/products", hoodie())
    expect(created.status).toBe(200)
    const product = created.body.product
    expect(product).toMatchObject({
      title: `Admin Hoodie ${run}`,
      handle: `admin-hoodie-${run}`,
      status: "draft",
      thumbnail: "https://example.com/hoodie.png",
    })
    expect(product.options.map((o: Json) => [o.title, o.values.map((v: Json) => v.value)])).toEqual([
      ["Size", ["S", "M"]],
      ["Color", ["Red", "Blue"]],
    ])
    expect(product.variants).toHaveLength(4)
    expect(product.variants[3]).toMatchObject({ title: "M / Blue", sku: `AH-M-Blue-${run}`, manage_inventory: true })
    expect(product.variants[3].options.map((o: Json) => o.value)).toEqual(["M", "Blue"])
    expect(product.variants[0].prices.map((p: Json) => [p.currency_code, p.amount])).toEqual([
      ["eur", 59.9],
      ["usd", 64],
    ])
    expect(
      (
        await session.db.query(
          "select count(*)::int as n from product_variant_inventory_item where variant_id = any($1)",
          [product.variants.map((v: Json) => v.id)],
        )
      ).rows[0].n,
    ).toBe(4)

    expect((await store(`/store/products?handle=admin-hoodie-${run}`)).body.count).toBe(0)
    await asAdmin("POST", `/admin/sales-channels/${channel}/products`, { add: [product.id] })
    expect((await store(`/store/products?handle=admin-hoodie-${run}`)).body.count).toBe(0) // still a draft
    const published = await asAdmin("POST", `/admin/products/${product.id}`, { status: "published" })
    expect(published.body.product.status).toBe("published")
    const inStore = (await store(`/store/products?handle=admin-hoodie-${run}&region_id=${europe}`)).body.products[0]
    expect(inStore.variants.map((v: Json) => v.calculated_price.calculated_amount)).toEqual([59.9, 59.9, 59.9, 59.9])

    // A new price is visible to shoppers at once.
    const variant = product.variants[0]
    await asAdmin("POST", `/admin/products/${product.id}/variants/${variant.id}`, {
      prices: [
        { currency_code: "eur", amount: 49.5 },
        { currency_code: "eur", amount: 45, rules: { region_id: europe } },
      ],
    })
    const repriced = (
      await store(`/store/products/${product.id}?region_id=${europe}&fields=id,*variants.calculated_price`)
    ).body.product
    expect(repriced.variants[0].calculated_price.calculated_amount).toBe(45)
    expect(repriced.variants[1].calculated_price.calculated_amount).toBe(59.9)

    const { rows } = await session.db.query(
      "select name from event_outbox where data->>'id' = $1 order by created_at, id",
      [product.id],
    )
    expect(rows.map((r) => r.name)).toEqual(["product.created", "product.updated"])
  })

  test("variants are added, updated and deleted", async () => {
    const product = (
      await asAdmin("POST", "/admin/products", { title: `Scarf ${run}`, options: [{ title: "Size", values: ["One"] }] })
    ).body.product
    expect(product.handle).toBe(`scarf-${run}`)
    const withVariant = await asAdmin("POST", `/admin/products/${product.id}/variants`, {
      title: "One",
      sku: `SCARF-${run}`,
      manage_inventory: false,
      options: { Size: "One" },
      prices: [{ currency_code: "eur", amount: 19 }],
    })
    const variant = withVariant.body.product.variants[0]
    expect(variant).toMatchObject({
      title: "One",
      manage_inventory: false,
      prices: [expect.objectContaining({ amount: 19 })],
    })
    const renamed = await asAdmin("POST", `/admin/products/${product.id}/variants/${variant.id}`, {
      title: "One size",
      allow_backorder: true,
    })
    expect(renamed.body.product.variants[0]).toMatchObject({ title: "One size", allow_backorder: true })
    const deleted = await asAdmin("DELETE", `/admin/products/${product.id}/variants/${variant.id}`)
    expect(deleted.body).toMatchObject({
      id: variant.id,
      object: "variant",
      deleted: true,
      parent: { id: product.id, variants: [] },
    })
    expect(
      (await asAdmin("POST", `/admin/products/${product.id}/variants`, { title: "X", options: { Size: "Huge" } })).body
        .message,
    ).toBe("Option value Huge does not exist for option Size")
  })

  test("handles and SKUs are unique; deleting frees the handle", async () => {
    const first = (await asAdmin("POST", "/admin/products", { title: `Unique ${run}`, handle: `unique-${run}` })).body
      .product
    const clash = await asAdmin("POST", "/admin/products", { title: "Other", handle: `unique-${run}` })
    expect(clash.status).toBe(422)
    expect(clash.body).toMatchObject({
      type: "duplicate_error",
      message: `A record with handle: unique-${run}, already exists.`,
    })
    const skuClash = await asAdmin("POST", "/admin/products", { ...hoodie(), handle: `other-hoodie-${run}` })
    expect(skuClash.status).toBe(422)
    expect(skuClash.body.message).toMatch(/^A record with sku: AH-S-Red-/)
    expect(
      (await session.db.query("select count(*)::int as n from product where handle = $1", [`other-hoodie-${run}`]))
        .rows[0].n,
    ).toBe(0)

    expect((await asAdmin("DELETE", `/admin/products/${first.id}`)).body).toEqual({
      id: first.id,
      object: "product",
      deleted: true,
    })
    expect((await asAdmin("GET", `/admin/products/${first.id}`)).status).toBe(404)
    expect((await asAdmin("POST", "/admin/products", { title: "Again", handle: `unique-${run}` })).status).toBe(200)
  })

  test("bad bodies: a 400 naming the field, nothing stored", async () => {
    await expectRefused(session.db, "product", (body) => asAdmin("POST", "/admin/products", body), [
      [{ title: "" }, /^title: /],
      [{ title: "X", handle: "Not A Handle" }, /^handle: must be lowercase letters, digits and dashes$/],
      [{ title: "X", status: "live" }, /^status: /],
      [
        {
          title: "X",
          options: [{ title: "Size", values: ["S"] }],
          variants: [{ title: "S", options: { Size: "S" }, prices: [{ currency_code: "eur", amount: -1 }] }],
        },
        /^variants\.0\.prices\.0\.amount: must be 0 or more$/,
      ],
      [
        { title: "X", variants: [{ title: "S", prices: [{ currency_code: "euro", amount: 1 }] }] },
        /^variants\.0\.prices\.0\.currency_code: /,
      ],
      [{ title: "X", price: 10 }, /^Unrecognized fields: 'price'$/],
    ])
  })

  test("collections and categories: CRUD, store visibility follows is_active, a parent with children stays", async () => {
    const collection = (await asAdmin("POST", "/admin/collections", { title: `Spring ${run}` })).body.collection
    expect(collection).toMatchObject({ title: `Spring ${run}`, handle: `spring-${run}` })
    expect(
      (await asAdmin("POST", `/admin/collections/${collection.id}`, { title: `Spring 2027 ${run}` })).body.collection
        .title,
    ).toBe(`Spring 2027 ${run}`)
    const parent = (await asAdmin("POST", "/admin/product-categories", { name: `Home ${run}`, is_active: false })).body
      .product_category
    const child = (
      await asAdmin("POST", "/admin/product-categories", {
        name: `Lamps ${run}`,
        parent_category_id: parent.id,
        is_active: true,
      })
    ).body.product_category
    expect(child.mpath).toBe(`${parent.id}.${child.id}`)
    expect(
      (await asAdmin("GET", `/admin/product-categories?q=${run}`)).body.product_categories
        .map((c: Json) => c.name)
        .sort(),
    ).toEqual([`Home ${run}`, `Lamps ${run}`])
    expect(
      (await store(`/store/product-categories?q=${run}&fields=name`)).body.product_categories.map((c: Json) => c.name),
    ).toEqual([`Lamps ${run}`])
    await asAdmin("POST", `/admin/product-categories/${parent.id}`, { is_active: true })
    expect(
      (
        await store(`/store/product-categories/${parent.id}?include_descendants_tree=true`)
      ).body.product_category.category_children.map((c: Json) => c.name),
    ).toEqual([`Lamps ${run}`])

    const lamp = (
      await asAdmin("POST", "/admin/products", {
        title: `Desk lamp ${run}`,
        status: "published",
        collection_id: collection.id,
        categories: [{ id: child.id }],
      })
    ).body.product
    await asAdmin("POST", `/admin/sales-channels/${channel}/products`, { add: [lamp.id] })
    expect(
      (await store(`/store/products?category_id=${child.id}&fields=handle`)).body.products.map((p: Json) => p.handle),
    ).toEqual([`desk-lamp-${run}`])
    expect((await store(`/store/products?collection_id=${collection.id}&fields=handle`)).body.count).toBe(1)
    // A hidden category: the merchant sees it on the product, shoppers do not.
    await asAdmin("POST", `/admin/product-categories/${child.id}`, { is_active: false })
    expect(
      (await asAdmin("GET", `/admin/products/${lamp.id}?fields=id,*categories`)).body.product.categories.map(
        (c: Json) => c.id,
      ),
    ).toEqual([child.id])
    expect((await store(`/store/products/${lamp.id}?fields=id,*categories`)).body.product.categories).toEqual([])

    expect((await asAdmin("DELETE", `/admin/product-categories/${parent.id}`)).body).toMatchObject({
      type: "not_allowed",
    })
    expect((await asAdmin("DELETE", `/admin/product-categories/${child.id}`)).body).toEqual({
      id: child.id,
      object: "product_category",
      deleted: true,
    })
    expect((await asAdmin("DELETE", `/admin/collections/${collection.id}`)).body).toEqual({
      id: collection.id,
      object: "collection",
      deleted: true,
    })
    expect((await store(`/store/collections/${collection.id}`)).status).toBe(404)
  })

  test("options are added, renamed and deleted; tags and types are listed and created once", async () => {
    const product = (
      await asAdmin("POST", "/admin/products", { title: `Poster ${run}`, options: [{ title: "Size", values: ["A3"] }] })
    ).body.product
    const withFinish = await asAdmin("POST", `/admin/products/${product.id}/options`, {
      title: "Finish",
      values: ["Matte", "Gloss"],
    })
    expect(withFinish.body.product.options.map((o: Json) => [o.title, o.values.map((v: Json) => v.value)])).toEqual([
      ["Size", ["A3"]],
      ["Finish", ["Matte", "Gloss"]],
    ])
    const finish = withFinish.body.product.options[1]
    const renamed = await asAdmin("POST", `/admin/products/${product.id}/options/${finish.id}`, {
      title: "Paper",
      values: ["Gloss", "Satin"],
    })
    expect(renamed.body.product.options[1]).toMatchObject({
      title: "Paper",
      values: ["Matte", "Gloss", "Satin"].map((value) => expect.objectContaining({ value })),
    })
    const deleted = await asAdmin("DELETE", `/admin/products/${product.id}/options/${finish.id}`)
    expect(deleted.body).toMatchObject({ id: finish.id, object: "product_option", deleted: true })
    expect(deleted.body.parent.options.map((o: Json) => o.title)).toEqual(["Size"])
    expect(
      (await asAdmin("POST", `/admin/products/${product.id}/options`, { title: "Empty", values: [] })).status,
    ).toBe(400)

    const tag = (await asAdmin("POST", "/admin/product-tags", { value: `vintage-${run}` })).body.product_tag
    expect((await asAdmin("POST", "/admin/product-tags", { value: `vintage-${run}` })).status).toBe(422)
    expect(
      (await asAdmin("GET", `/admin/product-tags?q=vintage-${run}`)).body.product_tags.map((t: Json) => t.id),
    ).toEqual([tag.id])
    const type = (await asAdmin("POST", "/admin/product-types", { value: `Print ${run}` })).body.product_type
    expect((await asAdmin("GET", `/admin/product-types?q=${run}`)).body).toMatchObject({
      count: 1,
      product_types: [{ id: type.id }],
    })
  })

  test("the list filters by status and q, newest first", async () => {
    const drafts = await asAdmin("GET", `/admin/products?status=draft&q=${run}&fields=id,title,status`)
    expect(drafts.body.products.every((p: Json) => p.status === "draft")).toBe(true)
    expect(drafts.body.products.map((p: Json) => p.title)).toContain(`Scarf ${run}`)
    expect((await asAdmin("GET", "/admin/products?status=live")).status).toBe(400)
  })

  test("a fields list that replaces the defaults ignores its -entries, as Medusa does (the price list form's query)", async () => {
    const fields = "id,title,variants.id,-variants,-type"
    const listed = await asAdmin("GET", `/admin/products?handle=admin-hoodie-${run}&fields=${fields}`)
    expect(listed.status).toBe(200)
    const found = listed.body.products.find((p: Json) => p.title === `Admin Hoodie ${run}`)
    expect(Object.keys(found).sort()).toEqual(["id", "title", "variants"])
    expect(found.variants.length).toBeGreaterThan(0)
    expect(Object.keys(found.variants[0])).toEqual(["id"])
    // Without a plain entry, -variants still takes variants off the defaults.
    const trimmed = await asAdmin("GET", `/admin/products/${found.id}?fields=-variants`)
    expect(trimmed.body.product.variants).toBeUndefined()
    expect(trimmed.body.product.title).toBe(`Admin Hoodie ${run}`)
  })
})

describe("the dashboard's variant forms, with the bodies they send", () => {
  test("create-variant links existing inventory items; edit-variant sends its id, nulls and customs attributes", async () => {
    const product = (
      await asAdmin("POST", "/admin/products", {
        title: `Forms ${run}`,
        handle: `forms-${run}`,
        options: [{ title: "Size", values: ["S", "M", "L"] }],
        variants: [{ title: "S", sku: `FORMS-S-${run}`, options: { Size: "S" }, prices: [] }],
      })
    ).body.product
    const item = (await asAdmin("POST", "/admin/inventory-items", { sku: `FORMS-KIT-${run}`, title: "Kit" })).body
      .inventory_item
    const itemsBefore = (await session.db.query("select count(*)::int as n from inventory_item")).rows[0].n

    // product-create-variant: sku || undefined, prices per currency, inventory_items of existing items.
    const created = await asAdmin("POST", `/admin/products/${product.id}/variants`, {
      title: "M",
      allow_backorder: false,
      manage_inventory: true,
      options: { Size: "M" },
      prices: [{ currency_code: "eur", amount: 12.5 }],
      inventory_items: [{ inventory_item_id: item.id, required_quantity: 2 }],
    })
    expect(created.status).toBe(200)
    const variant = created.body.product.variants.find((v: Json) => v.title === "M")
    expect((await session.db.query("select count(*)::int as n from inventory_item")).rows[0].n).toBe(itemsBefore)
    const { rows: links } = await session.db.query(
      "select inventory_item_id, required_quantity from product_variant_inventory_item where variant_id = $1",
      [variant.id],
    )
    expect(links).toEqual([{ inventory_item_id: item.id, required_quantity: 2 }])
    const unknown = await asAdmin("POST", `/admin/products/${product.id}/variants`, {
      title: "L",
      options: { Size: "L" },
      inventory_items: [{ inventory_item_id: "iitem_missing", required_quantity: 1 }],
    })
    expect(unknown).toMatchObject({
      status: 404,
      body: { message: "Inventory item with id: iitem_missing was not found" },
    })

    // product-variant-edit: the id again, empty fields as null, dimensions as numbers.
    const edited = await asAdmin("POST", `/admin/products/${product.id}/variants/${variant.id}?fields=id`, {
      id: variant.id,
      weight: 300,
      height: null,
      width: null,
      length: 12,
      title: "Medium",
      allow_backorder: true,
      manage_inventory: true,
      options: { Size: "M" },
      material: "Cotton",
      sku: null,
      ean: "4006381333931",
      upc: null,
      barcode: "B-1",
      mid_code: null,
      hs_code: "6109",
      origin_country: "pt",
    })
    expect(edited.status).toBe(200)
    const read = (await asAdmin("GET", `/admin/products/${product.id}/variants/${variant.id}`)).body.variant
    expect(read).toMatchObject({
      title: "Medium",
      sku: null,
      ean: "4006381333931",
      barcode: "B-1",
      material: "Cotton",
      hs_code: "6109",
      origin_country: "pt",
      weight: 300,
      length: 12,
      height: null,
      allow_backorder: true,
    })
    expect(
      (await asAdmin("POST", `/admin/products/${product.id}/variants/${variant.id}`, { weight: 1.5 })).status,
    ).toBe(400)
  })
})
