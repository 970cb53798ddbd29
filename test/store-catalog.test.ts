import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createCatalogFixture, type CatalogFixture } from "./helpers/catalog"
import { sqlStatements, startWorker, type TestWorker } from "./helpers/worker"

let worker: TestWorker
let fx: CatalogFixture

beforeAll(async () => {
  fx = await createCatalogFixture()
  worker = await startWorker()
})
afterAll(() => worker?.dispose())

type Json = Record<string, any>

async function get(path: string, key: string | null = fx.keys.main) {
  const res = await worker.fetch(path, { headers: key ? { "x-publishable-api-key": key } : {} })
  return { status: res.status, body: (await res.json()) as Json }
}

/** A read past the catalog cache (no-cache), with the statements it took. */
async function uncached(path: string) {
  const res = await worker.fetch(path, {
    headers: { "x-publishable-api-key": fx.keys.main, "cache-control": "no-cache" },
  })
  expect(res.status).toBe(200)
  return { body: (await res.json()) as Json, statements: sqlStatements(res) }
}

const handles = (body: Json) => (body.products as Json[]).map((p) => p.handle as string)
const sock = (i: number) => `sock-${i}-${fx.run}`

describe("publishable key", () => {
  test("missing: 400 not_allowed naming the header", async () => {
    const { status, body } = await get("/store/products", null)
    expect(status).toBe(400)
    expect(body).toEqual({
      type: "not_allowed",
      message:
        "Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard.",
    })
  })

  test.each(["pk_unknown", "revoked"])("unknown or revoked (%s): 400 not_allowed", async (which) => {
    const key = which === "revoked" ? fx.keys.revoked : which
    const { status, body } = await get("/store/regions", key)
    expect(status).toBe(400)
    expect(body).toEqual({
      type: "not_allowed",
      message: "A valid publishable key is required to proceed with the request",
    })
  })

  test("a key without sales channel cannot list products", async () => {
    const { status, body } = await get("/store/products", fx.keys.noChannel)
    expect(status).toBe(400)
    expect(body).toEqual({ type: "invalid_data", message: "Publishable key needs to have a sales channel configured" })
  })

  test("asking for a channel the key does not have is refused", async () => {
    const { status, body } = await get(`/store/products?sales_channel_id=sc_not_mine`)
    expect(status).toBe(400)
    expect(body.message).toBe("Requested sales channel is not part of the publishable key")
  })
})

describe("GET /store/regions", () => {
  test("lists regions with their countries in Medusa's shape", async () => {
    const { status, body } = await get(`/store/regions?id[]=${fx.regions.euro}&id[]=${fx.regions.yen}&order=name`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ count: 2, offset: 0, limit: 50 })
    expect(body.regions.map((r: Json) => r.name)).toEqual(["Benelux", "Japan"])
    const benelux = body.regions[0]
    expect(Object.keys(benelux).sort()).toEqual([
      "countries",
      "created_at",
      "currency_code",
      "deleted_at",
      "id",
      "metadata",
      "name",
      "updated_at",
    ])
    expect(benelux.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(benelux.countries).toEqual([
      expect.objectContaining({
        iso_2: "be",
        iso_3: "bel",
        num_code: "56",
        name: "BELGIUM",
        display_name: "Belgium",
        region_id: fx.regions.euro,
      }),
      expect.objectContaining({
        iso_2: "nl",
        iso_3: "nld",
        num_code: "528",
        name: "NETHERLANDS",
        display_name: "Netherlands",
      }),
    ])
  })

  test("filters by currency and q, pages with count", async () => {
    expect((await get("/store/regions?currency_code=jpy")).body.regions.map((r: Json) => r.id)).toEqual([
      fx.regions.yen,
    ])
    expect((await get("/store/regions?q=switz")).body.regions.map((r: Json) => r.id)).toEqual([fx.regions.franc])
    const page = (await get("/store/regions?limit=1&offset=1&order=name")).body
    expect(page.regions).toHaveLength(1)
    expect(page.count).toBeGreaterThanOrEqual(6)
    expect(page).toMatchObject({ limit: 1, offset: 1 })
  })

  test("retrieves one; an unknown id is a 404", async () => {
    const { body } = await get(`/store/regions/${fx.regions.franc}?fields=id,name`)
    expect(body).toEqual({ region: { id: fx.regions.franc, name: "Switzerland" } })
    const missing = await get("/store/regions/reg_missing")
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ type: "not_found", message: "Region with id: reg_missing was not found" })
  })
})

describe("GET /store/products: visibility and filters", () => {
  test("only published products of the key's channels", async () => {
    const { body } = await get("/store/products?limit=100")
    expect(body.count).toBe(15)
    expect(handles(body)).toEqual([
      `hoodie-${fx.run}`,
      `cap-${fx.run}`,
      `staff-cap-${fx.run}`,
      ...Array.from({ length: 12 }, (_, i) => sock(i + 1)),
    ])
    expect(handles(body)).not.toContain(`draft-${fx.run}`)
    expect(handles(body)).not.toContain(`elsewhere-${fx.run}`)
    expect((await get(`/store/products/${fx.products.draft}`)).status).toBe(404)
    expect((await get(`/store/products/${fx.products.elsewhere}`)).body).toEqual({
      type: "not_found",
      message: `Product with id: ${fx.products.elsewhere} was not found`,
    })
    expect(
      (await get(`/store/products/${fx.products.elsewhere}?fields=handle`, fx.keys.other)).body.product.handle,
    ).toBe(`elsewhere-${fx.run}`)
  })

  test("pagination: limit, offset and count; default limit 50", async () => {
    const first = (await get("/store/products?limit=5&offset=0&fields=handle")).body
    const second = (await get("/store/products?limit=5&offset=5&fields=handle")).body
    expect(first).toMatchObject({ count: 15, limit: 5, offset: 0 })
    expect(second).toMatchObject({ count: 15, limit: 5, offset: 5 })
    expect(handles(second)).toEqual([sock(3), sock(4), sock(5), sock(6), sock(7)])
    expect(new Set([...handles(first), ...handles(second)]).size).toBe(10)
    const beyond = (await get("/store/products?limit=5&offset=40")).body
    expect(beyond).toEqual({ products: [], count: 15, offset: 40, limit: 5 })
    expect((await get("/store/products?fields=handle")).body.limit).toBe(50)
  })

  test("filters: handle, id list, q, collection, tag, category (visible categories only)", async () => {
    const only = async (query: string) => handles((await get(`/store/products?fields=handle&${query}`)).body)
    expect(await only(`handle=cap-${fx.run}`)).toEqual([`cap-${fx.run}`])
    expect(await only(`id[0]=${fx.products.cap}&id[1]=${fx.products.hoodie}`)).toEqual([
      `hoodie-${fx.run}`,
      `cap-${fx.run}`,
    ])
    expect(await only(`q=WARM%20hood`)).toEqual([`hoodie-${fx.run}`])
    expect(await only(`q=100%25`)).toEqual([])
    expect(await only(`collection_id=${fx.collection}`)).toEqual([`hoodie-${fx.run}`])
    expect(await only(`tag_id=${fx.tag}`)).toEqual([`hoodie-${fx.run}`])
    expect(await only(`category_id[]=${fx.categories.caps}&category_id[]=${fx.categories.scarves}`)).toEqual([
      `hoodie-${fx.run}`,
      `cap-${fx.run}`,
    ])
    expect(await only(`category_id=${fx.categories.hidden}`)).toEqual([])
  })

  test("order by a field, descending; an unknown order field is a 400", async () => {
    const { body } = await get("/store/products?fields=title&order=-title&limit=3")
    expect(body.products.map((p: Json) => p.title)).toEqual(["Staff cap", "Sock 12", "Sock 11"])
    const bad = await get("/store/products?order=secret_column")
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ type: "invalid_data", message: "Order field secret_column is not valid" })
  })
})

describe("GET /store/products: fields", () => {
  test("the default shape has Medusa's relations", async () => {
    const { body } = await get(`/store/products?handle=hoodie-${fx.run}`)
    const [hoodie] = body.products
    expect(hoodie).toMatchObject({
      id: fx.products.hoodie,
      title: "Hoodie",
      handle: `hoodie-${fx.run}`,
      description: "A warm hoodie",
      collection: { id: fx.collection, title: "Winter", handle: `winter-${fx.run}` },
      tags: [{ id: fx.tag, value: `wool-${fx.run}` }],
      type: null,
      images: [],
    })
    expect(hoodie.options).toEqual([
      expect.objectContaining({
        title: "Size",
        values: [expect.objectContaining({ value: "S" }), expect.objectContaining({ value: "M" })],
      }),
    ])
    expect(hoodie.variants.map((v: Json) => [v.title, v.sku, v.options.map((o: Json) => o.value)])).toEqual([
      ["S", `HOODIE-S-${fx.run}`, ["S"]],
      ["M", `HOODIE-M-${fx.run}`, ["M"]],
    ])
    expect(hoodie).not.toHaveProperty("categories")
    expect(hoodie.variants[0]).not.toHaveProperty("calculated_price")
  })

  test("a plain entry replaces the defaults; id always stays", async () => {
    const { body } = await get(`/store/products/${fx.products.cap}?fields=handle`)
    expect(body).toEqual({ product: { id: fx.products.cap, handle: `cap-${fx.run}` } })
  })

  test("+ adds, - removes, *relation and relation.* add a relation, unknown names are dropped", async () => {
    const { body } = await get(
      `/store/products/${fx.products.hoodie}?fields=+metadata,-variants,-options,*categories,collection.*,+no_such_field`,
    )
    expect(body.product).toHaveProperty("metadata", null)
    expect(body.product).not.toHaveProperty("variants")
    expect(body.product).not.toHaveProperty("options")
    expect(body.product).not.toHaveProperty("no_such_field")
    expect(body.product.categories.map((c: Json) => c.id)).toEqual([fx.categories.scarves])
    expect(body.product.collection.title).toBe("Winter")
  })

  test("an unencoded + (a space) adds too, as the Next.js starter sends it", async () => {
    const { body } = await get(`/store/products/${fx.products.hoodie}?fields=handle,+variants.sku`)
    expect(body.product).toEqual({
      id: fx.products.hoodie,
      handle: `hoodie-${fx.run}`,
      variants: [expect.objectContaining({ sku: `HOODIE-S-${fx.run}` }), expect.anything()],
    })
    expect(Object.keys(body.product.variants[0]).sort()).toEqual(["id", "sku"])
  })

  test("relations deeper than 4 are refused", async () => {
    const { status, body } = await get(`/store/products?fields=*variants.product.variants.product.variants`)
    expect(status).toBe(400)
    expect(body).toEqual({
      type: "invalid_data",
      message:
        "The following fields expand more than the maximum of 4 allowed relations: *variants.product.variants.product.variants",
    })
  })
})

describe("GET /store/products: calculated prices", () => {
  const prices = async (query: string) => {
    const { status, body } = await get(
      `/store/products/${fx.products.hoodie}?fields=id,*variants.calculated_price&${query}`,
    )
    expect(status).toBe(200)
    return body.product.variants.map((v: Json) => v.calculated_price)
  }

  test("region_id adds calculated_price; a region price wins over the currency price", async () => {
    const { body } = await get(`/store/products?handle=hoodie-${fx.run}&region_id=${fx.regions.euro}`)
    const price = body.products[0].variants[0].calculated_price
    expect(price).toMatchObject({
      currency_code: "eur",
      calculated_amount: 44.99,
      original_amount: 44.99,
      raw_calculated_amount: { value: "44.99", precision: 20 },
      is_calculated_price_tax_inclusive: false,
      is_calculated_price_price_list: false,
      calculated_price: { price_list_id: null, price_list_type: null, min_quantity: null, max_quantity: null },
    })
    expect(price.id).toMatch(/^pset_/)
    expect(price.calculated_price.id).toMatch(/^price_/)
    expect(price).not.toHaveProperty("calculated_amount_with_tax")
  })

  test("with a country, amounts with and without tax, to the cent", async () => {
    const [nl] = await prices(`region_id=${fx.regions.euro}&country_code=NL`)
    expect(nl).toMatchObject({
      calculated_amount: 44.99,
      calculated_amount_without_tax: 44.99,
      calculated_amount_with_tax: 54.4379,
    })
    const [jp] = await prices(`region_id=${fx.regions.yen}&country_code=jp`)
    expect(jp).toMatchObject({ currency_code: "jpy", calculated_amount: 7480, calculated_amount_with_tax: 8228 })
  })

  test("a tax-inclusive region: the amount holds the tax", async () => {
    const [ch] = await prices(`region_id=${fx.regions.franc}&country_code=ch`)
    expect(ch.is_calculated_price_tax_inclusive).toBe(true)
    expect(ch.calculated_amount_with_tax).toBe(59.9)
    expect(ch.calculated_amount_without_tax.toFixed(2)).toBe("55.41")
  })

  test("a region without automatic taxes gets no tax amounts", async () => {
    const [no] = await prices(`region_id=${fx.regions.untaxed}&country_code=no`)
    expect(no.calculated_amount).toBe(599)
    expect(no).not.toHaveProperty("calculated_amount_with_tax")
  })

  test("without region_id the store's default region prices; a variant without a price has none", async () => {
    const [small] = await prices("")
    expect(small).toMatchObject({ currency_code: "eur", calculated_amount: 49.99 })
    const { body } = await get(
      `/store/products/${fx.products.cap}?fields=*variants.calculated_price&region_id=${fx.regions.yen}`,
    )
    expect(body.product.variants[0].calculated_price).toBeNull()
  })

  test("an unknown region is a 404", async () => {
    const { status, body } = await get(`/store/products?region_id=reg_nope`)
    expect(status).toBe(404)
    expect(body.message).toBe("Region with id reg_nope not found when populating the pricing context")
  })
})

describe("GET /store/products: inventory_quantity", () => {
  test("counts stock at the locations of the key's one channel; unmanaged variants have none", async () => {
    const { body } = await get(
      `/store/products?id[]=${fx.products.hoodie}&id[]=${fx.products.cap}&fields=id,+variants.inventory_quantity,+variants.manage_inventory`,
    )
    const quantities = body.products.flatMap((p: Json) => p.variants.map((v: Json) => [v.id, v.inventory_quantity]))
    expect(quantities).toEqual([
      [fx.variants.small, 7],
      [fx.variants.medium, 3],
      [fx.variants.cap, null],
    ])
  })

  test("a key with several channels cannot say, unless one channel is asked for", async () => {
    const { status, body } = await get(`/store/products?fields=+variants.inventory_quantity`, fx.keys.both)
    expect(status).toBe(400)
    expect(body.message).toMatch(/^Inventory availability cannot be calculated in the given context/)
  })
})

describe("bounded queries", () => {
  test("a product page costs the same number of statements whatever its size", async () => {
    const query = `fields=*variants.calculated_price,+variants.inventory_quantity,*categories&region_id=${fx.regions.euro}&country_code=nl`
    const small = await uncached(`/store/products?limit=2&${query}`)
    const large = await uncached(`/store/products?limit=50&${query}`)
    expect(small.body.products).toHaveLength(2)
    expect(large.body.products).toHaveLength(15)
    expect(large.statements).toBe(small.statements)
    expect(large.statements).toBeGreaterThan(0)
    expect(large.statements).toBeLessThanOrEqual(16)
  })
})

describe("malformed queries get a 400 with a message, never a 500", () => {
  test.each([
    ["limit=abc", /^limit: limit must be a whole number$/],
    ["offset=-1", /^offset: /],
    ["limit[a]=1", /^limit: /],
    ["is_giftcard=maybe", /^is_giftcard: /],
    ["country_code=germany", /^country_code: /],
    ["unknown_param=1", /^Unrecognized fields: 'unknown_param'$/],
    ["handle[a][b][c][d][e][f]=x", /^handle: /],
    ["fields[]=a", /^fields: /],
  ])("%s", async (query, message) => {
    const { status, body } = await get(`/store/products?${query}`)
    expect(status).toBe(400)
    expect(body.type).toBe("invalid_data")
    expect(body.message).toMatch(message)
  })
})

describe("GET /store/product-categories", () => {
  test("active, public categories only, with parent and children", async () => {
    const { body } = await get(`/store/product-categories?parent_category_id=${fx.categories.apparel}`)
    expect(body.product_categories.map((c: Json) => c.name)).toEqual(["Scarves", "Hats"])
    expect(body.count).toBe(2)
    const hats = body.product_categories[1]
    expect(hats.parent_category).toMatchObject({ id: fx.categories.apparel, name: "Apparel" })
    expect(hats.category_children.map((c: Json) => c.name)).toEqual(["Caps"])
    expect(Object.keys(hats).sort()).toEqual(
      [
        "category_children",
        "created_at",
        "description",
        "handle",
        "id",
        "metadata",
        "name",
        "parent_category",
        "parent_category_id",
        "rank",
        "updated_at",
      ].sort(),
    )
  })

  test("include_descendants_tree nests the whole subtree; internal and inactive stay out", async () => {
    const { body } = await get(`/store/product-categories/${fx.categories.apparel}?include_descendants_tree=true`)
    const tree = (node: Json): unknown => [node.name, node.category_children.map(tree)]
    expect(tree(body.product_category)).toEqual([
      "Apparel",
      [
        ["Scarves", []],
        ["Hats", [["Caps", []]]],
      ],
    ])
  })

  test("include_ancestors_tree nests the chain above", async () => {
    const { body } = await get(`/store/product-categories/${fx.categories.caps}?include_ancestors_tree=true`)
    expect(body.product_category.parent_category.name).toBe("Hats")
    expect(body.product_category.parent_category.parent_category.name).toBe("Apparel")
    expect(body.product_category.parent_category.parent_category.parent_category).toBeNull()
  })

  test("an internal category is not found; products of a category are the visible ones", async () => {
    expect((await get(`/store/product-categories/${fx.categories.hidden}`)).status).toBe(404)
    const { body } = await get(`/store/product-categories/${fx.categories.scarves}?fields=id,*products`)
    expect(body.product_category.products.map((p: Json) => p.id)).toEqual([fx.products.hoodie])
  })
})

describe("GET /store/collections", () => {
  test("default limit 10, newest first; products of a collection are the visible ones", async () => {
    const { body } = await get(`/store/collections?handle=winter-${fx.run}`)
    expect(body).toMatchObject({ count: 1, limit: 10, offset: 0 })
    expect(Object.keys(body.collections[0]).sort()).toEqual([
      "created_at",
      "external_id",
      "handle",
      "id",
      "title",
      "updated_at",
    ])
    const one = await get(`/store/collections/${fx.collection}?fields=title,*products`)
    expect(one.body.collection.products.map((p: Json) => p.id)).toEqual([fx.products.hoodie])
    expect((await get("/store/collections/pcol_missing")).status).toBe(404)
  })
})
