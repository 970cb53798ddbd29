import { describe, expect, test } from "vitest"
import { adminSession } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`batch-${run}@example.com`)
const asAdmin = session.call
const events = async (ids: string[]) =>
  (
    await session.db.query(
      "select name, data->>'id' as id from event_outbox where data->>'id' = any($1) order by created_at, event_outbox.id",
      [ids],
    )
  ).rows
const count = async (sql: string, params: unknown[]) =>
  (await session.db.query(`select count(*)::int as n from ${sql}`, params)).rows[0].n as number

/** A product with sizes S, M and L and variants S and M, priced in euros. */
async function sizedProduct(name: string) {
  const sizes = ["S", "M"]
  const { body } = await asAdmin("POST", "/admin/products", {
    title: `${name} ${run}`,
    options: [{ title: "Size", values: ["S", "M", "L"] }],
    variants: sizes.map((size, i) => ({
      title: size,
      sku: `${name}-${size}-${run}`,
      options: { Size: size },
      prices: [{ currency_code: "eur", amount: 10 + i }],
    })),
  })
  const [s, m] = body.product.variants as Json[]
  return { product: body.product as Json, s: s!, m: m! }
}

describe("/admin/products/:id/variants", () => {
  test("listed and retrieved with prices and option values; fields choose the columns", async () => {
    const { product, s, m } = await sizedProduct("Tee")
    const list = await asAdmin("GET", `/admin/products/${product.id}/variants`)
    expect(list.body).toMatchObject({ count: 2, offset: 0, limit: 50 })
    expect(
      list.body.variants.map((v: Json) => [
        v.title,
        v.prices.map((p: Json) => [p.currency_code, p.amount]),
        v.options.map((o: Json) => o.value),
      ]),
    ).toEqual([
      ["S", [["eur", 10]], ["S"]],
      ["M", [["eur", 11]], ["M"]],
    ])
    const slim = await asAdmin(
      "GET",
      `/admin/products/${product.id}/variants?fields=title,sku&q=${encodeURIComponent(`Tee-M-${run}`)}`,
    )
    expect(slim.body).toMatchObject({ count: 1, variants: [{ id: m.id, title: "M", sku: `Tee-M-${run}` }] })
    expect(Object.keys(slim.body.variants[0]).sort()).toEqual(["id", "sku", "title"])

    const one = await asAdmin("GET", `/admin/products/${product.id}/variants/${s.id}`)
    expect(one.body.variant).toMatchObject({
      id: s.id,
      product_id: product.id,
      manage_inventory: true,
      prices: [{ currency_code: "eur", amount: 10, rules: {} }],
    })
    // A fixed number of statements, however many variants the page holds.
    const statements = async () =>
      (
        await session.worker.fetch(`/admin/products/${product.id}/variants`, {
          headers: { authorization: `Bearer ${session.token}` },
        })
      ).headers.get("x-sql-statements")
    const withTwo = await statements()
    expect(withTwo).toMatch(/^\d+$/)
    await asAdmin("DELETE", `/admin/products/${product.id}/variants/${m.id}`)
    expect(await statements()).toBe(withTwo)

    const other = await sizedProduct("Other")
    expect((await asAdmin("GET", `/admin/products/${other.product.id}/variants/${s.id}`)).status).toBe(404)
  })

  test("batch: creates, updates (prices replaced) and deletes in one go, with an event each", async () => {
    const { product, s, m } = await sizedProduct("Polo")
    const res = await asAdmin("POST", `/admin/products/${product.id}/variants/batch`, {
      create: [
        {
          title: "L",
          sku: `Polo-L-${run}`,
          options: { Size: "L" },
          prices: [
            { currency_code: "eur", amount: 14.99 },
            { currency_code: "usd", amount: 16 },
          ],
        },
      ],
      update: [{ id: s.id, title: "Small", prices: [{ currency_code: "eur", amount: 12.5 }] }],
      delete: [m.id],
    })
    expect(res.status).toBe(200)
    expect(Object.keys(res.body).sort()).toEqual(["created", "deleted", "updated"])
    const [large] = res.body.created
    expect(large).toMatchObject({ title: "L", sku: `Polo-L-${run}`, product_id: product.id, options: [{ value: "L" }] })
    expect(large.prices.map((p: Json) => [p.currency_code, p.amount])).toEqual([
      ["eur", 14.99],
      ["usd", 16],
    ])
    expect(res.body.updated).toEqual([
      expect.objectContaining({
        id: s.id,
        title: "Small",
        prices: [expect.objectContaining({ currency_code: "eur", amount: 12.5 })],
      }),
    ])
    expect(res.body.deleted).toEqual({ ids: [m.id], object: "product_variant", deleted: true })

    const after = (await asAdmin("GET", `/admin/products/${product.id}`)).body.product
    expect(after.variants.map((v: Json) => v.title)).toEqual(["Small", "L"])
    expect(
      await count(
        "price where price_set_id in (select price_set_id from product_variant_price_set where variant_id = $1) and deleted_at is null",
        [s.id],
      ),
    ).toBe(1)
    expect(await count("product_variant_inventory_item where variant_id = $1", [large.id])).toBe(1)
    expect(await events([large.id, s.id, m.id])).toEqual([
      { name: "product-variant.created", id: s.id },
      { name: "product-variant.created", id: m.id },
      { name: "product-variant.created", id: large.id },
      { name: "product-variant.updated", id: s.id },
      { name: "product-variant.deleted", id: m.id },
    ])
  })

  test("batch: one bad item and nothing is stored", async () => {
    const { product, s, m } = await sizedProduct("Cap")
    const stored = async () => ({
      variants: await count("product_variant where product_id = $1 and deleted_at is null", [product.id]),
      titles: (
        await session.db.query("select title from product_variant where product_id = $1 order by variant_rank", [
          product.id,
        ])
      ).rows.map((r) => r.title),
      events: (await events([s.id, m.id])).length,
    })
    const before = await stored()
    const newVariant = {
      title: "L",
      sku: `Cap-L-${run}`,
      options: { Size: "L" },
      prices: [{ currency_code: "eur", amount: 9 }],
    }

    const clash = await asAdmin("POST", `/admin/products/${product.id}/variants/batch`, {
      create: [newVariant],
      update: [{ id: s.id, title: "Renamed", sku: m.sku }],
    })
    expect(clash).toMatchObject({
      status: 422,
      body: { type: "duplicate_error", message: `A record with sku: ${m.sku}, already exists.` },
    })
    const missing = await asAdmin("POST", `/admin/products/${product.id}/variants/batch`, {
      create: [newVariant],
      delete: [m.id, "variant_missing"],
    })
    expect(missing).toMatchObject({ status: 404, body: { message: "Variant with id: variant_missing was not found" } })
    const badPrice = await asAdmin("POST", `/admin/products/${product.id}/variants/batch`, {
      create: [newVariant, { ...newVariant, sku: undefined, prices: [{ currency_code: "eur", amount: -1 }] }],
    })
    expect(badPrice).toMatchObject({
      status: 400,
      body: { type: "invalid_data", message: "create.1.prices.0.amount: must be 0 or more" },
    })
    const unknown = await asAdmin("POST", `/admin/products/${product.id}/variants/batch`, {
      update: [{ id: s.id, colour: "red" }],
    })
    expect(unknown).toMatchObject({ status: 400, body: { message: "Unrecognized fields in 'update.0': 'colour'" } })
    expect(await stored()).toEqual(before)
    expect(await count("product_variant where sku = $1", [`Cap-L-${run}`])).toBe(0)
  })
})

describe("a variant's options: { <option title>: value }", () => {
  test("changed through the variant and batch routes; a combination another variant has is refused", async () => {
    const { product, s, m } = await sizedProduct("Sock")
    const optionValues = async (id: string) =>
      (await asAdmin("GET", `/admin/products/${product.id}/variants/${id}?fields=*options`)).body.variant.options.map(
        (o: Json) => o.value,
      )

    const moved = await asAdmin("POST", `/admin/products/${product.id}/variants/${s.id}`, {
      title: "Large",
      options: { Size: "L" },
    })
    expect(moved.status).toBe(200)
    expect(moved.body.product.variants.find((v: Json) => v.id === s.id).options.map((o: Json) => o.value)).toEqual([
      "L",
    ])

    const refusals: [Json, string][] = [
      [{ options: { Size: "M" } }, "Variant (M) with provided options already exists."],
      [{ options: { Size: "XL" } }, "Option value XL does not exist for option Size"],
      [
        { options: { Size: "S", Colour: "Red" } },
        "Product has 1 option values but there were 2 provided option values for the variant: Large.",
      ],
      [
        { title: "Tiny", options: {} },
        "Product has 1 option values but there were 0 provided option values for the variant: Tiny.",
      ],
    ]
    for (const [body, message] of refusals) {
      expect(await asAdmin("POST", `/admin/products/${product.id}/variants/${s.id}`, body)).toMatchObject({
        status: 400,
        body: { type: "invalid_data", message },
      })
    }
    expect(
      (await asAdmin("POST", `/admin/products/${product.id}/variants/${s.id}`, { options: { Size: 5 } })).body.message,
    ).toMatch(/^options\.Size: /)

    const batch = await asAdmin("POST", `/admin/products/${product.id}/variants/batch`, {
      update: [
        { id: s.id, options: { Size: "S" } },
        { id: m.id, options: { Size: "S" } },
      ],
    })
    expect(batch).toMatchObject({
      status: 400,
      body: { message: "Variant (Large) with provided options already exists." },
    })
    const created = await asAdmin("POST", `/admin/products/${product.id}/variants`, {
      title: "Another M",
      options: { Size: "M" },
    })
    expect(created).toMatchObject({
      status: 400,
      body: { message: "Variant (M) with provided options already exists." },
    })
    expect([await optionValues(s.id), await optionValues(m.id)]).toEqual([["L"], ["M"]])
    expect((await asAdmin("GET", `/admin/products/${product.id}/variants`)).body.count).toBe(2)

    // A swap through a free value works within one batch.
    const swapped = await asAdmin("POST", `/admin/products/${product.id}/variants/batch`, {
      update: [
        { id: s.id, options: { Size: "S" } },
        { id: m.id, options: { Size: "L" } },
      ],
    })
    expect(swapped.status).toBe(200)
    expect([await optionValues(s.id), await optionValues(m.id)]).toEqual([["S"], ["L"]])
  })
})

describe("/admin/products/batch", () => {
  test("creates, updates and deletes products; a clash stores none of it", async () => {
    const { product: old } = await sizedProduct("Old")
    const { product: kept } = await sizedProduct("Kept")
    const res = await asAdmin("POST", "/admin/products/batch?fields=title,handle,status,*variants", {
      create: [
        {
          title: `Batch one ${run}`,
          options: [{ title: "Size", values: ["One"] }],
          variants: [{ title: "One", options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 5 }] }],
        },
        { title: `Batch two ${run}`, status: "published" },
      ],
      update: [{ id: kept.id, title: `Kept renamed ${run}` }],
      delete: [old.id],
    })
    expect(res.status).toBe(200)
    expect(res.body.created.map((p: Json) => [p.title, p.handle, p.status, p.variants.length])).toEqual([
      [`Batch one ${run}`, `batch-one-${run}`, "draft", 1],
      [`Batch two ${run}`, `batch-two-${run}`, "published", 0],
    ])
    expect(res.body.updated).toEqual([expect.objectContaining({ id: kept.id, title: `Kept renamed ${run}` })])
    expect(res.body.deleted).toEqual({ ids: [old.id], object: "product", deleted: true })
    expect((await asAdmin("GET", `/admin/products/${old.id}`)).status).toBe(404)
    const ids = [...res.body.created.map((p: Json) => p.id), kept.id, old.id]
    expect(await events(ids)).toEqual([
      { name: "product.created", id: old.id },
      { name: "product.created", id: kept.id },
      { name: "product.created", id: ids[0] },
      { name: "product.created", id: ids[1] },
      { name: "product.updated", id: kept.id },
      { name: "product.deleted", id: old.id },
    ])

    const products = await count("product", [])
    const refused = await asAdmin("POST", "/admin/products/batch", {
      create: [{ title: `Batch three ${run}` }, { title: "Clash", handle: `batch-two-${run}` }],
      update: [{ id: kept.id, title: "Should not stick" }],
    })
    expect(refused).toMatchObject({
      status: 422,
      body: { message: `A record with handle: batch-two-${run}, already exists.` },
    })
    expect(await count("product", [])).toBe(products)
    expect((await asAdmin("GET", `/admin/products/${kept.id}?fields=title`)).body.product).toEqual({
      id: kept.id,
      title: `Kept renamed ${run}`,
    })
  })
})

describe("GET /admin/product-variants", () => {
  test("every product's variants, filtered and paged, with product, prices and options, in a fixed number of statements", async () => {
    const tee = await sizedProduct("Allvar tee")
    const hat = await sizedProduct("Allvar hat")
    await asAdmin("POST", `/admin/products/${hat.product.id}/variants/${hat.m.id}`, {
      manage_inventory: false,
      allow_backorder: true,
    })

    const all = await asAdmin("GET", `/admin/product-variants?q=allvar&order=sku`)
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({ count: 4, offset: 0, limit: 50 })
    expect(all.body.variants.map((v: Json) => v.sku)).toEqual([
      `Allvar hat-M-${run}`,
      `Allvar hat-S-${run}`,
      `Allvar tee-M-${run}`,
      `Allvar tee-S-${run}`,
    ])
    const [first] = all.body.variants
    expect(first).toMatchObject({
      product_id: hat.product.id,
      product: { id: hat.product.id, title: `Allvar hat ${run}` },
      prices: [{ currency_code: "eur", amount: 11 }],
      options: [{ value: "M" }],
    })

    const byProduct = await asAdmin("GET", `/admin/product-variants?product_id=${tee.product.id}&fields=title`)
    expect(byProduct.body.variants.map((v: Json) => v.title).sort()).toEqual(["M", "S"])
    expect(Object.keys(byProduct.body.variants[0]).sort()).toEqual(["id", "title"])
    const flags = await asAdmin(
      "GET",
      `/admin/product-variants?q=allvar&manage_inventory=false&allow_backorder=true&fields=sku`,
    )
    expect(flags.body).toEqual({
      variants: [{ id: hat.m.id, sku: `Allvar hat-M-${run}` }],
      count: 1,
      offset: 0,
      limit: 50,
    })
    const bySku = await asAdmin(
      "GET",
      `/admin/product-variants?sku[]=${encodeURIComponent(tee.s.sku)}&id[]=${tee.s.id}&id[]=${hat.s.id}`,
    )
    expect(bySku.body.variants.map((v: Json) => v.id)).toEqual([tee.s.id])
    const paged = await asAdmin("GET", `/admin/product-variants?q=allvar&order=sku&limit=1&offset=3&fields=sku`)
    expect(paged.body).toEqual({
      variants: [{ id: tee.s.id, sku: `Allvar tee-S-${run}` }],
      count: 4,
      offset: 3,
      limit: 1,
    })

    // Managed variants link their inventory item; *inventory_items shows it.
    const stock = await asAdmin("GET", `/admin/product-variants?id=${tee.s.id}&fields=*inventory_items`)
    expect(stock.body.variants[0].inventory_items).toEqual([
      {
        id: expect.stringMatching(/^variant_.+:iitem_/),
        variant_id: tee.s.id,
        inventory_item_id: expect.stringMatching(/^iitem_/),
        required_quantity: 1,
      },
    ])

    const statements = async (limit: number) =>
      (
        await session.worker.fetch(
          `/admin/product-variants?q=allvar&limit=${limit}&fields=*product,*prices,*options,*inventory_items`,
          { headers: { authorization: `Bearer ${session.token}` } },
        )
      ).headers.get("x-sql-statements")
    expect(await statements(1)).toBe(await statements(4))
    expect((await asAdmin("GET", "/admin/product-variants?manage_inventory=maybe")).body.message).toMatch(
      /^manage_inventory: /,
    )
  })
})
