import { describe, expect, test } from "vitest"
import { adminSession } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`options-${run}@example.com`)
const asAdmin = session.call
const titles = (product: Json) => product.options.map((o: Json) => o.title).sort()

describe("/admin/product-options and /admin/products/:id/options/batch (Medusa 2.21)", () => {
  test("a shared option is linked to products, used by variants, unlinked and deleted", async () => {
    const created = await asAdmin("POST", "/admin/product-options", {
      title: `Color ${run}`,
      values: ["Red", "Blue", "Green"],
      ranks: { Green: 0, Red: 1, Blue: 2 },
    })
    expect(created.status).toBe(200)
    const color = created.body.product_option
    expect(color).toMatchObject({ title: `Color ${run}`, is_exclusive: false, products: [] })
    expect(color.values.map((v: Json) => v.value)).toEqual(["Green", "Red", "Blue"])

    const shirt = (
      await asAdmin("POST", "/admin/products", {
        title: `Shared shirt ${run}`,
        options: [{ title: "Size", values: ["S"] }],
      })
    ).body.product
    const linked = await asAdmin("POST", `/admin/products/${shirt.id}/options/batch`, {
      add: [color.id, { title: "Fit", values: ["Slim"] }],
    })
    expect(linked.status).toBe(200)
    expect(titles(linked.body.product)).toEqual([`Color ${run}`, "Fit", "Size"])
    const fit = linked.body.product.options.find((o: Json) => o.title === "Fit")
    expect(fit).toMatchObject({ is_exclusive: true, product_id: shirt.id })

    const withVariant = await asAdmin("POST", `/admin/products/${shirt.id}/variants`, {
      title: "S / Red / Slim",
      options: { Size: "S", [`Color ${run}`]: "Red", Fit: "Slim" },
    })
    expect(withVariant.body.product.variants[0].options.map((o: Json) => o.value).sort()).toEqual(["Red", "S", "Slim"])

    const hoodie = (await asAdmin("POST", "/admin/products", { title: `Shared hoodie ${run}` })).body.product
    await asAdmin("POST", `/admin/products/${hoodie.id}/options/batch`, {
      add: [{ id: color.id, value_ids: [color.values[0].id] }],
    })
    const shared = (await asAdmin("GET", `/admin/product-options/${color.id}`)).body.product_option
    expect(shared.products.map((p: Json) => p.id)).toEqual([shirt.id, hoodie.id])
    const exclusive = await asAdmin("POST", `/admin/products/${hoodie.id}/options/batch`, { add: [fit.id] })
    expect(exclusive).toMatchObject({
      status: 400,
      body: { message: `Product option ${fit.id} is exclusive to another product` },
    })

    // Taking it off one product leaves it with the other; the 2.0 route unlinks too.
    const removed = await asAdmin("POST", `/admin/products/${hoodie.id}/options/batch`, { remove: [color.id] })
    expect(removed.body.product.options).toEqual([])
    expect((await asAdmin("GET", `/admin/products/${shirt.id}`)).body.product.options.map((o: Json) => o.id)).toContain(
      color.id,
    )
    await asAdmin("POST", `/admin/products/${hoodie.id}/options/batch`, { add: [color.id] })
    const unlinked = await asAdmin("DELETE", `/admin/products/${hoodie.id}/options/${color.id}`)
    expect(unlinked.body).toMatchObject({
      id: color.id,
      object: "product_option",
      deleted: true,
      parent: { id: hoodie.id, options: [] },
    })
    expect((await asAdmin("GET", `/admin/product-options/${color.id}`)).status).toBe(200)

    const renamed = await asAdmin("POST", `/admin/product-options/${color.id}`, {
      title: `Colour ${run}`,
      values: ["Black"],
    })
    expect(renamed.body.product_option.values.map((v: Json) => v.value)).toEqual(["Green", "Red", "Blue", "Black"])
    const listed = await asAdmin("GET", `/admin/product-options?q=${run}&is_exclusive=false&fields=title`)
    expect(listed.body).toEqual({
      product_options: [{ id: color.id, title: `Colour ${run}` }],
      count: 1,
      offset: 0,
      limit: 20,
    })

    expect((await asAdmin("DELETE", `/admin/product-options/${color.id}`)).body).toEqual({
      id: color.id,
      object: "product_option",
      deleted: true,
    })
    expect(titles((await asAdmin("GET", `/admin/products/${shirt.id}`)).body.product)).toEqual(["Fit", "Size"])
    const { rows } = await session.db.query(
      "select name from event_outbox where data->>'id' = $1 order by created_at, event_outbox.id",
      [color.id],
    )
    expect(rows.map((r) => r.name)).toEqual([
      "product-option.created",
      "product-option.updated",
      "product-option.deleted",
    ])
  })

  test("bad bodies are refused and change nothing", async () => {
    const product = (await asAdmin("POST", "/admin/products", { title: `Plain ${run}` })).body.product
    const before = (await session.db.query("select count(*)::int as n from product_option")).rows[0].n
    expect(
      (await asAdmin("POST", "/admin/product-options", { title: "X", values: ["A"], colour: 1 })).body.message,
    ).toBe("Unrecognized fields: 'colour'")
    expect((await asAdmin("POST", "/admin/product-options", { title: "", values: ["A"] })).status).toBe(400)
    const missing = await asAdmin("POST", `/admin/products/${product.id}/options/batch`, {
      add: [{ title: "Ok", values: ["A"] }, "opt_missing"],
    })
    expect(missing).toMatchObject({
      status: 404,
      body: { message: "Product option with id: opt_missing was not found" },
    })
    expect((await asAdmin("POST", `/admin/products/${product.id}/options/batch`, { add: [5] })).status).toBe(400)
    expect((await session.db.query("select count(*)::int as n from product_option")).rows[0].n).toBe(before)
  })

  test("GET /admin/products/:id/options lists its own and linked options; fields, filters, pages", async () => {
    const color = (await asAdmin("POST", "/admin/product-options", { title: `Hue ${run}`, values: ["Red", "Blue"] }))
      .body.product_option
    const mug = (
      await asAdmin("POST", "/admin/products", {
        title: `Mug ${run}`,
        options: [{ title: "Size", values: ["S", "L"] }],
      })
    ).body.product
    await asAdmin("POST", `/admin/products/${mug.id}/options/batch`, { add: [color.id] })

    const listed = await asAdmin("GET", `/admin/products/${mug.id}/options`)
    expect(listed.status).toBe(200)
    expect(listed.body).toMatchObject({ count: 2, offset: 0, limit: 50 })
    // Medusa's default fields here are the id and the title.
    expect(listed.body.product_options.map((o: Json) => Object.keys(o).sort())).toEqual([
      ["id", "title"],
      ["id", "title"],
    ])
    expect(listed.body.product_options.map((o: Json) => o.title).sort()).toEqual([`Hue ${run}`, "Size"])

    const shared = await asAdmin("GET", `/admin/products/${mug.id}/options?is_exclusive=false&fields=title,*values`)
    expect(shared.body.product_options).toEqual([
      {
        id: color.id,
        title: `Hue ${run}`,
        values: [expect.objectContaining({ value: "Red" }), expect.objectContaining({ value: "Blue" })],
      },
    ])
    const paged = await asAdmin("GET", `/admin/products/${mug.id}/options?limit=1&offset=1&order=title`)
    expect(paged.body).toMatchObject({ count: 2, limit: 1, offset: 1, product_options: [{ title: "Size" }] })
    expect((await asAdmin("GET", "/admin/products/prod_missing/options")).body).toEqual({
      product_options: [],
      count: 0,
      offset: 0,
      limit: 50,
    })
    expect((await asAdmin("GET", `/admin/products/${mug.id}/options?order=nope`)).status).toBe(400)
  })

  test("/admin/product-options/:id/values: list, retrieve, rename; a value a variant uses is not deleted", async () => {
    const color = (
      await asAdmin("POST", "/admin/product-options", { title: `Tone ${run}`, values: ["Red", "Blue", "Green"] })
    ).body.product_option
    const [red, blue, green] = color.values as [Json, Json, Json]
    const lamp = (await asAdmin("POST", "/admin/products", { title: `Lamp ${run}` })).body.product
    await asAdmin("POST", `/admin/products/${lamp.id}/options/batch`, { add: [color.id] })
    await asAdmin("POST", `/admin/products/${lamp.id}/variants`, {
      title: "Red lamp",
      options: { [`Tone ${run}`]: "Red" },
    })

    const list = await asAdmin("GET", `/admin/product-options/${color.id}/values`)
    expect(list.body).toMatchObject({ count: 3, offset: 0, limit: 20 })
    expect(list.body.product_option_values.map((v: Json) => v.value)).toEqual(["Red", "Blue", "Green"])
    expect(Object.keys(list.body.product_option_values[0]).sort()).toEqual([
      "created_at",
      "id",
      "metadata",
      "option_id",
      "updated_at",
      "value",
    ])
    const filtered = await asAdmin("GET", `/admin/product-options/${color.id}/values?q=gre&fields=value`)
    expect(filtered.body).toEqual({
      product_option_values: [{ id: green.id, value: "Green" }],
      count: 1,
      offset: 0,
      limit: 20,
    })

    const one = await asAdmin("GET", `/admin/product-options/${color.id}/values/${blue.id}?fields=value,option.title`)
    expect(one.body).toEqual({
      product_option_value: { id: blue.id, value: "Blue", option: { id: color.id, title: `Tone ${run}` } },
    })
    const elsewhere = await asAdmin("GET", `/admin/product-options/opt_other/values/${blue.id}`)
    expect(elsewhere).toMatchObject({
      status: 404,
      body: { message: `Product option value with id "${blue.id}" was not found for option with id "opt_other"` },
    })

    const renamed = await asAdmin("POST", `/admin/product-options/${color.id}/values/${blue.id}`, {
      value: "Navy",
      metadata: { hex: "#000080" },
    })
    expect(renamed.body.product_option_value).toMatchObject({
      id: blue.id,
      value: "Navy",
      metadata: { hex: "#000080" },
      option_id: color.id,
    })
    expect(
      (await asAdmin("POST", `/admin/product-options/${color.id}/values/${blue.id}`, { value: "Red" })).status,
    ).toBe(422)
    expect(
      (await asAdmin("POST", `/admin/product-options/${color.id}/values/${blue.id}`, { rank: 1 })).body.message,
    ).toBe("Unrecognized fields: 'rank'")

    const inUse = await asAdmin("DELETE", `/admin/product-options/${color.id}/values/${red.id}`)
    expect(inUse).toMatchObject({
      status: 400,
      body: {
        type: "invalid_data",
        message: `Cannot delete option value ${red.id} because the following variant(s) are using it: Red lamp`,
      },
    })
    const deleted = await asAdmin("DELETE", `/admin/product-options/${color.id}/values/${blue.id}`)
    expect(deleted.body).toEqual({ id: blue.id, object: "product_option_value", deleted: true })
    expect(
      (await asAdmin("GET", `/admin/product-options/${color.id}`)).body.product_option.values.map((v: Json) => v.value),
    ).toEqual(["Red", "Green"])
    expect((await asAdmin("DELETE", `/admin/product-options/${color.id}/values/${blue.id}`)).status).toBe(404)
  })

  test("options/batch `update` (2.21): values added by id or as new ones, a product's own values removed", async () => {
    const material = (
      await asAdmin("POST", "/admin/product-options", { title: `Material ${run}`, values: ["Oak", "Pine"] })
    ).body.product_option
    const desk = (
      await asAdmin("POST", "/admin/products", {
        title: `Desk ${run}`,
        options: [{ title: "Width", values: ["120", "160"] }],
      })
    ).body.product
    const width = desk.options[0]
    await asAdmin("POST", `/admin/products/${desk.id}/variants`, { title: "120", options: { Width: "120" } })
    const valuesOf = (product: Json, id: string) =>
      product.options.find((o: Json) => o.id === id).values.map((v: Json) => v.value)

    // The admin dashboard's shape: add a shared option with values, and give both options new values at once.
    const res = await asAdmin("POST", `/admin/products/${desk.id}/options/batch`, {
      add: [{ id: material.id, value_ids: [material.values[0].id] }],
      remove: [],
      update: [
        { product_option_id: material.id, add: [material.values[1].id, { value: "Walnut" }] },
        { product_option_id: width.id, add: [{ value: "180" }], remove: [width.values[1].id] },
      ],
    })
    expect(res.status).toBe(200)
    expect(valuesOf(res.body.product, material.id)).toEqual(["Oak", "Pine", "Walnut"])
    expect(valuesOf(res.body.product, width.id)).toEqual(["120", "180"])
    expect((await asAdmin("POST", `/admin/products/${desk.id}/options/batch`, { update: [] })).status).toBe(200)

    const refusals: [Json, number, string][] = [
      [
        { product_option_id: width.id, remove: [width.values[0].id] },
        400,
        `Cannot delete option value ${width.values[0].id} because the following variant(s) are using it: 120`,
      ],
      [
        { product_option_id: material.id, remove: [material.values[0].id] },
        400,
        `Product option ${material.id} is shared: its values cannot be taken from one product`,
      ],
      [
        { product_option_id: "opt_missing", add: [{ value: "X" }] },
        400,
        `Some product options are not linked to products: [${desk.id}:opt_missing]`,
      ],
      [
        { product_option_id: width.id, add: [material.values[0].id, { value: "200" }] },
        404,
        `Product option value with id "${material.values[0].id}" was not found for option with id "${width.id}"`,
      ],
    ]
    for (const [change, status, message] of refusals) {
      expect(await asAdmin("POST", `/admin/products/${desk.id}/options/batch`, { update: [change] })).toMatchObject({
        status,
        body: { message },
      })
    }
    expect(
      (
        await asAdmin("POST", `/admin/products/${desk.id}/options/batch`, {
          update: [{ product_option_id: width.id, values: [] }],
        })
      ).status,
    ).toBe(400)
    const after = (await asAdmin("GET", `/admin/products/${desk.id}`)).body.product
    expect([valuesOf(after, material.id), valuesOf(after, width.id)]).toEqual([
      ["Oak", "Pine", "Walnut"],
      ["120", "180"],
    ])
  })
})
