import pg from "pg"
import { stringify } from "qs"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { startWorker, type TestWorker } from "./helpers/worker"

/**
 * The Store API as Medusa's Next.js starter (medusajs/nextjs-starter-medusa) calls it: each case
 * sends the path, query and `fields` one of its src/lib/data/*.ts functions sends (through
 * @medusajs/js-sdk, which encodes the query with qs and `skipNulls`), and checks what its
 * components read of the answer. Against the seeded demo store.
 */

type Json = Record<string, any>

// The `fields` the starter asks for.
const PRODUCT_FIELDS = "*variants.calculated_price,+variants.inventory_quantity,*variants.images,+metadata,+tags,"
const CART_FIELDS =
  "*items, *region, *items.product, *items.variant, *items.thumbnail, *items.metadata, +items.total, *promotions, +shipping_methods.name"
const ORDER_FIELDS = "*payment_collections.payments,*items,*items.metadata,*items.variant,*items.product"
const ORDER_LIST_FIELDS = "*items,+items.metadata,*items.variant,*items.product"
const CATEGORY_LIST_FIELDS = "*category_children, *products, *parent_category, *parent_category.parent_category"
const CATEGORY_BY_HANDLE_FIELDS = "*category_children, *products"

let worker: TestWorker
let db: pg.Client
let fx: CheckoutFixture
// the shop's countries: "hn" has a 25.5 % VAT rate, "pa" is its KRW region's
const SHOP_COUNTRY = "hn"
const run = Date.now().toString(36)
const linkIds: string[] = []

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 5, countries: { euro: ["gt", "hn"], won: "pa", noPayment: "py" } })
  worker = await startWorker()
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
})
afterAll(async () => {
  if (linkIds.length) await db?.query("delete from product_variant_product_image where id = any($1)", [linkIds])
  await worker?.dispose()
  await db?.end()
})

/** One request as the starter's SDK sends it: the key, JSON, a Bearer token once logged in. */
async function send(
  method: string,
  path: string,
  options: { query?: Json; body?: unknown; token?: string; key?: string; headers?: Record<string, string> } = {},
) {
  const search = options.query ? stringify(options.query, { skipNulls: true }) : ""
  const res = await worker.fetch(search ? `${path}?${search}` : path, {
    method,
    headers: {
      accept: "application/json",
      "content-type": "application/json",
      "x-publishable-api-key": options.key ?? inject("demoKey"),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json }
}
const get = (path: string, query?: Json, token?: string) => send("GET", path, { query, token })

/**
 * Orders reserve stock, and other test files count the demo store's stock: carts and orders are
 * made in a shop of their own (its key, channel, regions, shipping and stock), with the same requests.
 */
const shop = {
  get: (path: string, query?: Json, token?: string) => send("GET", path, { query, token, key: fx.key }),
  post: (path: string, body?: unknown, token?: string) => send("POST", path, { body, token, key: fx.key }),
  send: (method: string, path: string, options: { query?: Json; body?: unknown; token?: string } = {}) =>
    send(method, path, { ...options, key: fx.key }),
}

async function ok(pending: Promise<{ status: number; body: Json }>) {
  const { status, body } = await pending
  expect(status, JSON.stringify(body)).toBe(200)
  return body
}

// Shapes the starter's components rely on.
const isoDate = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
const nullableString = (value: unknown) => value === null || typeof value === "string"

function expectCalculatedPrice(price: Json, currency: string) {
  expect(price).toEqual(
    expect.objectContaining({
      calculated_amount: expect.any(Number),
      original_amount: expect.any(Number),
      currency_code: currency,
      calculated_price: expect.objectContaining({ price_list_type: null }),
    }),
  )
  expect(price.calculated_amount).toBeGreaterThan(0)
}

/** A product card and the product page: what product-preview, product-actions, product-info and the gallery read. */
function expectStorefrontProduct(product: Json, currency: string) {
  expect(product).toEqual(
    expect.objectContaining({
      id: expect.any(String),
      title: expect.any(String),
      handle: expect.any(String),
      description: expect.toSatisfy(nullableString),
    }),
  )
  expect(product.thumbnail === null || typeof product.thumbnail === "string").toBe(true)
  expect(Array.isArray(product.images)).toBe(true)
  for (const image of product.images)
    expect(image).toEqual(expect.objectContaining({ id: expect.any(String), url: expect.any(String) }))
  expect("metadata" in product).toBe(true)
  expect(Array.isArray(product.tags)).toBe(true)
  for (const tag of product.tags)
    expect(tag).toEqual(expect.objectContaining({ id: expect.any(String), value: expect.any(String) }))
  // product-tabs reads these physical columns (null when unset).
  for (const field of ["material", "origin_country", "weight", "length", "width", "height"])
    expect(field in product).toBe(true)
  expect(product.options.length).toBeGreaterThan(0)
  for (const option of product.options) {
    expect(option).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String) }))
    for (const value of option.values)
      expect(value).toEqual(expect.objectContaining({ id: expect.any(String), value: expect.any(String) }))
  }
  expect(product.variants.length).toBeGreaterThan(0)
  for (const variant of product.variants) {
    expect(variant).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        title: expect.any(String),
        manage_inventory: expect.any(Boolean),
        allow_backorder: expect.any(Boolean),
      }),
    )
    // product page: `variant.images.length`, `variant.images.map(i => i.id)`
    expect(Array.isArray(variant.images)).toBe(true)
    for (const image of variant.images)
      expect(image).toEqual(expect.objectContaining({ id: expect.any(String), url: expect.any(String) }))
    // product-actions: in stock when inventory_quantity > 0 or not managed
    if (variant.manage_inventory) expect(variant.inventory_quantity).toEqual(expect.any(Number))
    // option-select matches `variant.options[].option_id` / `.value`
    for (const value of variant.options)
      expect(value).toEqual(expect.objectContaining({ option_id: expect.any(String), value: expect.any(String) }))
    expect(variant.options.length).toBe(product.options.length)
    expectCalculatedPrice(variant.calculated_price, currency)
  }
}

async function regions() {
  const { regions } = await ok(get("/store/regions"))
  const byCountry = (iso: string) =>
    regions.find((region: Json) => region.countries.some((country: Json) => country.iso_2 === iso))
  return { all: regions as Json[], dk: byCountry("dk") as Json, us: byCountry("us") as Json }
}

/** `byHand`: Postgres was changed outside the API, so the catalog cache is told to read it again. */
async function productByHandle(regionId: string, handle: string, byHand = false) {
  const query = { limit: 12, offset: 0, region_id: regionId, fields: PRODUCT_FIELDS, handle }
  const { products } = await ok(
    send("GET", "/store/products", { query, headers: byHand ? { "cache-control": "no-cache" } : {} }),
  )
  expect(products).toHaveLength(1)
  return products[0] as Json
}

function address(country: string, prefix = "") {
  // The checkout form's values (FormData: empty inputs are "").
  return {
    first_name: `${prefix}Ada`,
    last_name: "Lovelace",
    address_1: "Nørregade 1",
    address_2: "",
    company: "",
    postal_code: "1165",
    city: "København",
    country_code: country,
    province: "",
    phone: "",
  }
}

describe("middleware.ts and regions.ts", () => {
  test("GET /store/regions: the country → region map and currencies", async () => {
    const { all, dk, us } = await regions()
    for (const region of all) {
      expect(region).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          currency_code: expect.any(String),
        }),
      )
      expect(region.countries.length).toBeGreaterThan(0)
      for (const country of region.countries) {
        expect(country).toEqual(
          expect.objectContaining({ iso_2: expect.stringMatching(/^[a-z]{2}$/), display_name: expect.any(String) }),
        )
      }
    }
    expect(dk.currency_code).toBe("eur")
    expect(us.currency_code).toBe("usd")
  })

  test("GET /store/regions/:id (retrieveRegion)", async () => {
    const { dk } = await regions()
    const { region } = await ok(get(`/store/regions/${dk.id}`))
    expect(region).toEqual(expect.objectContaining({ id: dk.id, currency_code: "eur" }))
    expect(region.countries.map((c: Json) => c.iso_2)).toContain("dk")
  })

  test("GET /store/locales answers 404 without the translation feature, which the starter tolerates", async () => {
    const { status } = await get("/store/locales")
    expect(status).toBe(404)
  })
})

describe("collections.ts and categories.ts", () => {
  test("home page: listCollections with fields=id, handle, title", async () => {
    const body = await ok(get("/store/collections", { fields: "id, handle, title", limit: "100", offset: "0" }))
    const latest = body.collections.find((c: Json) => c.handle === "latest-drops")
    expect(latest).toEqual({ id: expect.any(String), handle: "latest-drops", title: "Latest Drops" })
  })

  test("footer: listCollections with fields=*products", async () => {
    const body = await ok(get("/store/collections", { fields: "*products", limit: "100", offset: "0" }))
    const latest = body.collections.find((c: Json) => c.handle === "latest-drops")
    expect(latest).toEqual(expect.objectContaining({ id: expect.any(String), title: "Latest Drops" }))
    expect(latest.products.length).toBeGreaterThan(0)
  })

  test("collection page: getCollectionByHandle, then retrieveCollection", async () => {
    const body = await ok(get("/store/collections", { handle: "latest-drops", fields: "*products" }))
    expect(body.collections).toHaveLength(1)
    const [collection] = body.collections
    expect(collection.products.map((p: Json) => p.handle)).toContain("t-shirt")
    const { collection: retrieved } = await ok(get(`/store/collections/${collection.id}`))
    expect(retrieved).toEqual(
      expect.objectContaining({ id: collection.id, handle: "latest-drops", title: "Latest Drops" }),
    )
  })

  test("footer and category pages: listCategories with the parent and children trees", async () => {
    const { product_categories } = await ok(
      get("/store/product-categories", { fields: CATEGORY_LIST_FIELDS, limit: 100 }),
    )
    expect(product_categories.length).toBeGreaterThan(0)
    for (const category of product_categories) {
      expect(category).toEqual(
        expect.objectContaining({ id: expect.any(String), name: expect.any(String), handle: expect.any(String) }),
      )
      expect(Array.isArray(category.category_children)).toBe(true)
      expect(Array.isArray(category.products)).toBe(true)
      expect(category.parent_category === null || typeof category.parent_category.id === "string").toBe(true)
    }
    expect(product_categories.find((c: Json) => c.handle === "shirts").products.map((p: Json) => p.handle)).toEqual([
      "t-shirt",
    ])
  })

  test("category page: getCategoryByHandle", async () => {
    const { product_categories } = await ok(
      get("/store/product-categories", { fields: CATEGORY_BY_HANDLE_FIELDS, handle: "shirts" }),
    )
    expect(product_categories).toHaveLength(1)
    const [category] = product_categories
    expect(category).toEqual(
      expect.objectContaining({ handle: "shirts", name: "Shirts", description: expect.toSatisfy(nullableString) }),
    )
    expect(category.category_children).toEqual([])
    expect(category.products.map((p: Json) => p.handle)).toEqual(["t-shirt"])
  })
})

describe("products.ts", () => {
  test("store page: listProductsWithSort (100 at once, order=created_at) with prices, stock, variant images, tags", async () => {
    const { dk } = await regions()
    const body = await ok(
      get("/store/products", { limit: 100, offset: 0, region_id: dk.id, fields: PRODUCT_FIELDS, order: "created_at" }),
    )
    expect(body.count).toEqual(expect.any(Number))
    expect(body.products.length).toBe(body.count)
    expect(body.products.map((p: Json) => p.handle)).toEqual(
      expect.arrayContaining(["t-shirt", "sweatshirt", "sweatpants", "shorts"]),
    )
    for (const product of body.products) expectStorefrontProduct(product, "eur")
    const created = body.products.map((p: Json) => p.created_at)
    expect(created).toEqual([...created].sort())
  })

  test("pagination: limit 12 with offset, count is the total", async () => {
    const { dk } = await regions()
    const first = await ok(get("/store/products", { limit: 1, offset: 0, region_id: dk.id, fields: PRODUCT_FIELDS }))
    const second = await ok(get("/store/products", { limit: 1, offset: 1, region_id: dk.id, fields: PRODUCT_FIELDS }))
    expect(first.products).toHaveLength(1)
    expect(second.products).toHaveLength(1)
    expect(first.count).toBeGreaterThan(1)
    expect(second.products[0].id).not.toBe(first.products[0].id)
  })

  test("product page: listProducts by handle; the variant a v_id names has its images", async () => {
    const { dk } = await regions()
    const tshirt = await productByHandle(dk.id, "t-shirt")
    expectStorefrontProduct(tshirt, "eur")
    expect(tshirt.variants).toHaveLength(8)
    expect(tshirt.images.length).toBeGreaterThan(1)
    // No image linked to a variant: an empty list, and the page shows all of the product's.
    for (const variant of tshirt.variants) expect(variant.images).toEqual([])
  })

  test("variant images (Medusa's product_variant_product_image link): the linked product images, by rank", async () => {
    const { dk } = await regions()
    const before = await productByHandle(dk.id, "t-shirt")
    const variant = before.variants.find((v: Json) => v.title.includes("Black")) ?? before.variants[0]
    const [first, second] = [before.images[1], before.images[0]]
    for (const image of [first, second]) {
      const id = `pvpi_${run}_${linkIds.length}`
      linkIds.push(id)
      await db.query("insert into product_variant_product_image (id, variant_id, image_id) values ($1, $2, $3)", [
        id,
        variant.id,
        image.id,
      ])
    }
    // a removed link is not shown
    const removed = `pvpi_${run}_removed`
    linkIds.push(removed)
    await db.query(
      "insert into product_variant_product_image (id, variant_id, image_id, deleted_at) values ($1, $2, $3, now())",
      [removed, variant.id, before.images.at(-1).id],
    )

    const after = await productByHandle(dk.id, "t-shirt", true)
    const linked = after.variants.find((v: Json) => v.id === variant.id)
    expect(linked.images.map((i: Json) => i.id)).toEqual([before.images[0].id, before.images[1].id])
    expect(linked.images[0]).toEqual(expect.objectContaining({ url: before.images[0].url, rank: expect.any(Number) }))
    // the page keeps the product images whose ids the variant lists
    const shown = after.images.filter((image: Json) => linked.images.some((i: Json) => i.id === image.id))
    expect(shown).toHaveLength(2)
    for (const other of after.variants.filter((v: Json) => v.id !== variant.id)) expect(other.images).toEqual([])

    // GET /store/products/:id with *variants.images too
    const { product } = await ok(
      send("GET", `/store/products/${after.id}`, {
        query: { region_id: dk.id, fields: "*variants.images" },
        headers: { "cache-control": "no-cache" },
      }),
    )
    expect(product.variants.find((v: Json) => v.id === variant.id).images).toHaveLength(2)
    await db.query("delete from product_variant_product_image where id = any($1)", [linkIds])
    expect(
      (await productByHandle(dk.id, "t-shirt", true)).variants.find((v: Json) => v.id === variant.id).images,
    ).toEqual([])
  })

  test("generateStaticParams: fields=handle (with a region, Medusa adds the variants' prices)", async () => {
    const { dk } = await regions()
    const { products } = await ok(get("/store/products", { limit: 100, offset: 0, region_id: dk.id, fields: "handle" }))
    expect(products.length).toBeGreaterThan(0)
    for (const product of products) {
      expect(Object.keys(product).sort()).toEqual(["handle", "id", "variants"])
      expect(product.handle).toEqual(expect.any(String))
      for (const variant of product.variants) expectCalculatedPrice(variant.calculated_price, "eur")
    }
  })

  test("home product rail: collection_id with fields=*variants.calculated_price", async () => {
    const { dk } = await regions()
    const { collections } = await ok(get("/store/collections", { handle: "latest-drops", fields: "id" }))
    const body = await ok(
      get("/store/products", {
        limit: 12,
        offset: 0,
        region_id: dk.id,
        fields: "*variants.calculated_price",
        collection_id: collections[0].id,
      }),
    )
    expect(body.products.length).toBeGreaterThan(0)
    for (const product of body.products) {
      expect(product.collection_id).toBe(collections[0].id)
      for (const variant of product.variants) expectCalculatedPrice(variant.calculated_price, "eur")
    }
  })

  test("related products: collection_id[], tag_id[], is_giftcard=false", async () => {
    const { dk } = await regions()
    const tshirt = await productByHandle(dk.id, "t-shirt")
    const query = {
      limit: 12,
      offset: 0,
      region_id: dk.id,
      fields: PRODUCT_FIELDS,
      collection_id: [tshirt.collection_id],
      tag_id: tshirt.tags.map((t: Json) => t.id),
      is_giftcard: false,
    }
    const body = await ok(get("/store/products", query))
    expect(body.products.map((p: Json) => p.id)).toContain(tshirt.id)
    for (const product of body.products) expect(product.collection_id).toBe(tshirt.collection_id)
  })

  test("product-actions-wrapper and paginated category page: id[] and category_id[]", async () => {
    const { dk } = await regions()
    const tshirt = await productByHandle(dk.id, "t-shirt")
    const byId = await ok(
      get("/store/products", { limit: 12, offset: 0, region_id: dk.id, fields: PRODUCT_FIELDS, id: [tshirt.id] }),
    )
    expect(byId.products.map((p: Json) => p.id)).toEqual([tshirt.id])
    const { product_categories } = await ok(get("/store/product-categories", { fields: "id", handle: "shirts" }))
    const byCategory = await ok(
      get("/store/products", {
        limit: 100,
        offset: 0,
        region_id: dk.id,
        fields: PRODUCT_FIELDS,
        category_id: [product_categories[0].id],
        order: "created_at",
      }),
    )
    expect(byCategory.products.map((p: Json) => p.handle)).toEqual(["t-shirt"])
  })

  test("country switch: the US region prices in USD", async () => {
    const { dk, us } = await regions()
    const euro = await productByHandle(dk.id, "t-shirt")
    const dollar = await productByHandle(us.id, "t-shirt")
    expectStorefrontProduct(dollar, "usd")
    expect(dollar.variants[0].calculated_price.calculated_amount).not.toBe(
      euro.variants[0].calculated_price.calculated_amount,
    )
  })
})

describe("variants.ts", () => {
  test("retrieveVariant: GET /store/product-variants/:id?fields=*images", async () => {
    const { dk } = await regions()
    const tshirt = await productByHandle(dk.id, "t-shirt")
    const wanted = tshirt.variants[2]
    const { variant } = await ok(get(`/store/product-variants/${wanted.id}`, { fields: "*images" }))
    expect(variant).toEqual(
      expect.objectContaining({
        id: wanted.id,
        title: wanted.title,
        product_id: tshirt.id,
        manage_inventory: expect.any(Boolean),
      }),
    )
    expect(Array.isArray(variant.images)).toBe(true)
    expect(variant.options.map((o: Json) => o.value).sort()).toEqual(wanted.options.map((o: Json) => o.value).sort())
    expect(variant.product).toEqual({ id: tshirt.id, type_id: tshirt.type_id })

    const priced = await ok(
      get(`/store/product-variants/${wanted.id}`, { region_id: dk.id, fields: "id,+inventory_quantity" }),
    )
    expect(priced.variant.inventory_quantity).toEqual(expect.any(Number))
    expectCalculatedPrice(priced.variant.calculated_price, "eur")

    const missing = await get("/store/product-variants/variant_missing", { fields: "*images" })
    expect(missing.status).toBe(404)
    expect(missing.body.message).toBe("Product variant with id: variant_missing was not found")
  })
})

/** The shop's regions, named as the demo's: an EUR one where it ships and taxes, and a KRW one. */
const shopRegions = () => ({ dk: { id: fx.regions.euro }, us: { id: fx.regions.won } })

/** The shop's product holding a variant, as the product page lists it. */
async function shopProductOf(variantId: string, regionId = fx.regions.euro) {
  const { products } = await ok(
    shop.get("/store/products", { limit: 100, offset: 0, region_id: regionId, fields: PRODUCT_FIELDS }),
  )
  const found = products.find((p: Json) => p.variants.some((v: Json) => v.id === variantId))
  expect(found).toBeDefined()
  return found as Json
}

/** The cart as retrieveCart() asks for it, with what cart, checkout and the nav's dropdown read. */
async function retrieveCart(id: string, token?: string) {
  const { cart } = await ok(shop.get(`/store/carts/${id}`, { fields: CART_FIELDS }, token))
  for (const total of [
    "total",
    "subtotal",
    "tax_total",
    "item_subtotal",
    "item_total",
    "shipping_subtotal",
    "shipping_total",
    "discount_total",
    "discount_subtotal",
    "gift_card_total",
  ]) {
    expect(cart[total], total).toEqual(expect.any(Number))
  }
  expect(cart.region).toEqual(expect.objectContaining({ id: cart.region_id, currency_code: cart.currency_code }))
  expect(Array.isArray(cart.region.countries)).toBe(true)
  expect(cart.promotions).toEqual([])
  for (const item of cart.items) {
    expect(item).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        title: expect.any(String),
        product_title: expect.any(String),
        product_handle: expect.any(String),
        quantity: expect.any(Number),
        unit_price: expect.any(Number),
        total: expect.any(Number),
        original_total: expect.any(Number),
        variant_id: expect.any(String),
      }),
    )
    expect("thumbnail" in item && "metadata" in item).toBe(true)
    expect(item.variant).toEqual(
      expect.objectContaining({
        id: item.variant_id,
        title: expect.any(String),
        manage_inventory: expect.any(Boolean),
      }),
    )
    expect(item.product).toEqual(expect.objectContaining({ id: expect.any(String), handle: item.product_handle }))
  }
  for (const method of cart.shipping_methods ?? []) {
    expect(method).toEqual(
      expect.objectContaining({
        shipping_option_id: expect.any(String),
        name: expect.any(String),
        amount: expect.any(Number),
      }),
    )
  }
  return cart as Json
}

/** getOrSetCart → addToCart → setAddresses → setShippingMethod → initiatePaymentSession → placeOrder. */
async function checkout(variantId: string, token?: string, cartId?: string) {
  const { dk } = shopRegions()
  let id = cartId
  if (!id) {
    const { cart } = await ok(shop.post("/store/carts", { region_id: dk.id, locale: undefined }, token))
    id = cart.id as string
  }
  const minimal = await ok(shop.get(`/store/carts/${id}`, { fields: "id,region_id" }, token))
  expect(minimal.cart).toEqual({ id, region_id: dk.id })
  await ok(shop.post(`/store/carts/${id}/line-items`, { variant_id: variantId, quantity: 1 }, token))
  await ok(
    shop.post(
      `/store/carts/${id}`,
      {
        shipping_address: address(SHOP_COUNTRY),
        billing_address: address(SHOP_COUNTRY),
        email: `buyer-${run}@example.com`,
      },
      token,
    ),
  )
  const { shipping_options } = await ok(shop.get("/store/shipping-options", { cart_id: id }, token))
  const option = shipping_options.find((o: Json) => o.service_zone?.fulfillment_set?.type !== "pickup")
  await ok(shop.post(`/store/carts/${id}/shipping-methods`, { option_id: option.id }, token))
  const cart = await retrieveCart(id, token)
  const { payment_collection } = await ok(shop.post("/store/payment-collections", { cart_id: id }, token))
  await ok(
    shop.post(
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      token,
    ),
  )
  const completed = await ok(shop.post(`/store/carts/${id}/complete`, {}, token))
  expect(completed.type, JSON.stringify(completed.error)).toBe("order")
  return { cart, order: completed.order as Json }
}

describe("cart.ts, fulfillment.ts, payment.ts: the guest checkout", () => {
  test("getOrSetCart: POST /store/carts with region and locale, then GET ?fields=id,region_id", async () => {
    const { dk } = shopRegions()
    const { cart } = await ok(shop.post("/store/carts", { region_id: dk.id, locale: "en-US" }))
    expect(cart).toEqual(
      expect.objectContaining({ id: expect.stringMatching(/^cart_/), region_id: dk.id, currency_code: "eur" }),
    )
    const { cart: minimal } = await ok(shop.get(`/store/carts/${cart.id}`, { fields: "id,region_id" }))
    expect(minimal).toEqual({ id: cart.id, region_id: dk.id })
  })

  test("an unknown cart id is a 404 (retrieveCart answers null)", async () => {
    const { status } = await shop.get("/store/carts/cart_missing", { fields: CART_FIELDS })
    expect(status).toBe(404)
  })

  test("line items: add, change quantity, delete; the cart page's fields and totals", async () => {
    const { dk } = shopRegions()
    const tee = await shopProductOf(fx.variants.tee)
    const unmanaged = await shopProductOf(fx.variants.unmanaged)
    const [a, b] = [tee.variants[0], unmanaged.variants[0]]
    const { cart } = await ok(shop.post("/store/carts", { region_id: dk.id }))
    await ok(shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: a.id, quantity: 1 }))
    await ok(shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: b.id, quantity: 1 }))
    let full = await retrieveCart(cart.id)
    expect(full.items).toHaveLength(2)
    const line = full.items.find((item: Json) => item.variant_id === a.id)
    expect(line.unit_price).toBe(a.calculated_price.calculated_amount)
    expect(line.thumbnail).toBe(tee.thumbnail)

    await ok(shop.post(`/store/carts/${cart.id}/line-items/${line.id}`, { quantity: 3 }))
    full = await retrieveCart(cart.id)
    expect(full.items.find((item: Json) => item.id === line.id).quantity).toBe(3)
    expect(full.item_subtotal).toBeCloseTo(
      3 * a.calculated_price.calculated_amount + b.calculated_price.calculated_amount,
      10,
    )

    const deleted = await ok(shop.send("DELETE", `/store/carts/${cart.id}/line-items/${line.id}`))
    expect(deleted).toEqual(expect.objectContaining({ id: line.id, deleted: true }))
    expect(deleted.parent.items.map((item: Json) => item.variant_id)).toEqual([b.id])
  })

  test("promotion codes are refused with a message the discount form shows", async () => {
    const { dk } = shopRegions()
    const { cart } = await ok(shop.post("/store/carts", { region_id: dk.id }))
    const { status, body } = await shop.post(`/store/carts/${cart.id}`, { promo_codes: ["NOPE"] })
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(body.message).toEqual(expect.any(String))
  })

  test("address → delivery → payment → order confirmation, totals exact", async () => {
    const { dk } = shopRegions()
    const tshirt = await shopProductOf(fx.variants.tee)
    const variant = tshirt.variants[0]
    const { cart: created } = await ok(shop.post("/store/carts", { region_id: dk.id }))
    const id = created.id
    await ok(shop.post(`/store/carts/${id}/line-items`, { variant_id: variant.id, quantity: 2 }))

    // setAddresses: the form's fields, billing same as shipping
    const withAddress = await ok(
      shop.post(`/store/carts/${id}`, {
        shipping_address: address(SHOP_COUNTRY),
        billing_address: address(SHOP_COUNTRY),
        email: `guest-${run}@example.com`,
      }),
    )
    expect(withAddress.cart.shipping_address).toEqual(
      expect.objectContaining({ first_name: "Ada", city: "København", country_code: SHOP_COUNTRY }),
    )
    expect(withAddress.cart.email).toBe(`guest-${run}@example.com`)

    // listCartShippingMethods / listCartOptions
    const { shipping_options } = await ok(shop.get("/store/shipping-options", { cart_id: id }))
    expect(shipping_options.length).toBeGreaterThan(0)
    for (const option of shipping_options) {
      expect(option).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          price_type: expect.stringMatching(/^(flat|calculated)$/),
          amount: expect.any(Number),
          insufficient_inventory: false,
        }),
      )
      expect(option.service_zone.fulfillment_set.type).toEqual(expect.any(String))
    }
    const standard = shipping_options.find(
      (o: Json) => o.price_type === "flat" && o.service_zone.fulfillment_set.type === "shipping",
    )

    // setShippingMethod
    const shipped = await ok(shop.post(`/store/carts/${id}/shipping-methods`, { option_id: standard.id }))
    expect(shipped.cart.shipping_methods.at(-1).shipping_option_id).toBe(standard.id)

    // listCartPaymentMethods
    const { payment_providers } = await ok(shop.get("/store/payment-providers", { region_id: dk.id }))
    expect(payment_providers).toEqual(expect.arrayContaining([expect.objectContaining({ id: "pp_system_default" })]))

    // initiatePaymentSession (the SDK creates the collection first)
    const { payment_collection } = await ok(shop.post("/store/payment-collections", { cart_id: id }))
    const session = await ok(
      shop.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
        provider_id: "pp_system_default",
      }),
    )
    expect(session.payment_collection.payment_sessions).toEqual([
      expect.objectContaining({ provider_id: "pp_system_default", status: "pending" }),
    ])

    // the review step: an active (pending) session and a shipping method
    const cart = await retrieveCart(id)
    expect(cart.payment_collection.payment_sessions.find((s: Json) => s.status === "pending").provider_id).toBe(
      "pp_system_default",
    )
    expect(cart.shipping_methods).toHaveLength(1)
    expect(cart.shipping_methods[0].name).toBe(standard.name)
    const price = variant.calculated_price.calculated_amount
    expect(cart.item_subtotal).toBeCloseTo(2 * price, 10)
    expect(cart.shipping_subtotal).toBeCloseTo(standard.amount, 10)
    expect(cart.total).toBeCloseTo(cart.item_subtotal + cart.shipping_subtotal + cart.tax_total, 10)
    // Medusa's totals: subtotal holds shipping (without tax); shipping_total and item_total hold their tax
    expect(cart.subtotal).toBeCloseTo(cart.item_subtotal + cart.shipping_subtotal, 10)
    expect(cart.shipping_total).toBeCloseTo(cart.shipping_subtotal + cart.shipping_tax_total, 10)
    expect(cart.item_total).toBeCloseTo(cart.item_subtotal + cart.item_tax_total, 10)
    expect(cart.items[0].total).toBeCloseTo(cart.item_total, 10)
    expect(cart.tax_total).toBeGreaterThan(0) // Denmark's VAT

    // placeOrder → /[country]/order/[id]/confirmed
    const completed = await ok(shop.post(`/store/carts/${id}/complete`, {}))
    expect(completed.type).toBe("order")
    expect(completed.order.shipping_address.country_code).toBe(SHOP_COUNTRY)

    // retrieveOrder, what order-completed-template reads
    const { order } = await ok(shop.get(`/store/orders/${completed.order.id}`, { fields: ORDER_FIELDS }))
    expect(order).toEqual(
      expect.objectContaining({
        id: completed.order.id,
        display_id: expect.any(Number),
        email: `guest-${run}@example.com`,
        currency_code: "eur",
        created_at: isoDate,
        total: cart.total,
        subtotal: cart.subtotal,
        tax_total: cart.tax_total,
        shipping_total: cart.shipping_total,
        discount_total: 0,
        gift_card_total: 0,
        payment_status: "authorized",
        fulfillment_status: "not_fulfilled",
      }),
    )
    expect(order.shipping_address).toEqual(
      expect.objectContaining({
        first_name: "Ada",
        last_name: "Lovelace",
        city: "København",
        postal_code: "1165",
        country_code: SHOP_COUNTRY,
      }),
    )
    expect(order.items).toHaveLength(1)
    expect(order.items[0]).toEqual(
      expect.objectContaining({
        title: expect.any(String),
        product_handle: tshirt.handle,
        quantity: 2,
        total: expect.any(Number),
        original_total: expect.any(Number),
        thumbnail: tshirt.thumbnail,
      }),
    )
    expect(order.items[0].variant).toEqual(expect.objectContaining({ id: variant.id }))
    expect(order.items[0].product).toEqual(expect.objectContaining({ id: tshirt.id }))
    expect(order.shipping_methods).toEqual([
      expect.objectContaining({ name: standard.name, total: expect.any(Number) }),
    ])
    const payments = order.payment_collections.flatMap((pc: Json) => pc.payments)
    expect(payments).toEqual([
      expect.objectContaining({ provider_id: "pp_system_default", amount: cart.total, created_at: isoDate }),
    ])
  })
})

describe("customer.ts and orders.ts: the account", () => {
  const email = `account-${run}@example.com`
  const password = "supersecret1"
  let token: string

  test("retrieveCustomer without a token: 401, the starter shows the login page", async () => {
    const { status } = await shop.get("/store/customers/me", { fields: "*orders" })
    expect(status).toBe(401)
  })

  test("signup: register, create the customer, log in, transfer the cart", async () => {
    const { dk } = shopRegions()
    const { cart } = await ok(shop.post("/store/carts", { region_id: dk.id }))

    const registered = await ok(shop.post("/auth/customer/emailpass/register", { email, password }))
    expect(registered.token).toEqual(expect.any(String))
    const { customer } = await ok(
      shop.post(
        "/store/customers",
        { email, first_name: "Grace", last_name: "Hopper", phone: "+4512345678" },
        registered.token,
      ),
    )
    expect(customer).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^cus_/),
        email,
        first_name: "Grace",
        last_name: "Hopper",
        phone: "+4512345678",
      }),
    )

    const login = await ok(shop.post("/auth/customer/emailpass", { email, password }))
    expect(login.token).toEqual(expect.any(String))
    token = login.token

    const transferred = await ok(shop.post(`/store/carts/${cart.id}/customer`, {}, token))
    expect(transferred.cart.customer_id).toBe(customer.id)
  })

  test("a wrong password is a 401 with a message the login form shows", async () => {
    const { status, body } = await shop.post("/auth/customer/emailpass", { email, password: "wrong" })
    expect(status).toBe(401)
    expect(body.message).toEqual(expect.any(String))
  })

  test("account overview: GET /store/customers/me?fields=*orders", async () => {
    const { customer } = await ok(shop.get("/store/customers/me", { fields: "*orders" }, token))
    expect(customer).toEqual(
      expect.objectContaining({
        email,
        first_name: "Grace",
        last_name: "Hopper",
        phone: "+4512345678",
        addresses: [],
        orders: [],
      }),
    )
  })

  test("profile: updateCustomer (name, phone)", async () => {
    const { customer } = await ok(
      shop.post("/store/customers/me", { first_name: "Grace B.", last_name: "Hopper" }, token),
    )
    expect(customer).toEqual(expect.objectContaining({ first_name: "Grace B.", last_name: "Hopper" }))
    const phone = await ok(shop.post("/store/customers/me", { phone: "+4587654321" }, token))
    expect(phone.customer.phone).toBe("+4587654321")
  })

  test("addresses: add, update, delete; the address book and checkout's address select", async () => {
    const form = {
      first_name: "Grace",
      last_name: "Hopper",
      company: "Navy",
      address_1: "Vesterbrogade 2",
      address_2: "",
      city: "København",
      postal_code: "1620",
      province: "",
      country_code: "dk",
      phone: "+4511111111",
      is_default_billing: false,
      is_default_shipping: false,
    }
    const added = await ok(shop.post("/store/customers/me/addresses", form, token))
    expect(added.customer.addresses).toHaveLength(1)
    const customerId = added.customer.id
    const [saved] = added.customer.addresses
    expect(saved).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        first_name: "Grace",
        company: "Navy",
        city: "København",
        country_code: "dk",
        is_default_billing: false,
        is_default_shipping: false,
      }),
    )

    const { is_default_billing: _b, is_default_shipping: _s, ...update } = form
    const updated = await ok(
      shop.post(`/store/customers/me/addresses/${saved.id}`, { ...update, city: "Aarhus" }, token),
    )
    expect(updated.customer.addresses.find((a: Json) => a.id === saved.id).city).toBe("Aarhus")

    const extra = await ok(shop.post("/store/customers/me/addresses", { ...form, address_1: "Strøget 3" }, token))
    const second = extra.customer.addresses.find((a: Json) => a.address_1 === "Strøget 3")
    const deleted = await ok(shop.send("DELETE", `/store/customers/me/addresses/${second.id}`, { token }))
    // Medusa answers with the customer's id here, and the customer as parent
    expect(deleted).toEqual(expect.objectContaining({ id: customerId, object: "address", deleted: true }))
    expect(deleted.parent.addresses.map((a: Json) => a.id)).toEqual([saved.id])
    const { customer } = await ok(shop.get("/store/customers/me", { fields: "*orders" }, token))
    expect(customer.addresses.map((a: Json) => a.id)).toEqual([saved.id])
  })

  test("a customer's checkout, then order history (listOrders) and order details", async () => {
    const tshirt = await shopProductOf(fx.variants.tee)
    const { cart, order: placed } = await checkout(tshirt.variants[0].id, token)
    expect(cart.customer_id).toEqual(expect.any(String))

    const list = await ok(
      shop.get("/store/orders", { limit: 10, offset: 0, order: "-created_at", fields: ORDER_LIST_FIELDS }, token),
    )
    expect(list.orders.map((o: Json) => o.id)).toEqual([placed.id])
    expect(list.count).toBe(1)
    const [card] = list.orders
    expect(card).toEqual(
      expect.objectContaining({
        id: placed.id,
        display_id: expect.any(Number),
        created_at: isoDate,
        total: cart.total,
        currency_code: "eur",
      }),
    )
    expect(card.items).toEqual([
      expect.objectContaining({
        title: expect.any(String),
        quantity: 1,
        thumbnail: tshirt.thumbnail,
        variant: expect.objectContaining({ id: tshirt.variants[0].id }),
      }),
    ])

    const { order } = await ok(shop.get(`/store/orders/${placed.id}`, { fields: ORDER_FIELDS }, token))
    expect(order).toEqual(
      expect.objectContaining({
        id: placed.id,
        email: `buyer-${run}@example.com`,
        payment_status: "authorized",
        total: cart.total,
      }),
    )

    const { customer } = await ok(shop.get("/store/customers/me", { fields: "*orders" }, token))
    expect(customer.orders.map((o: Json) => o.id)).toEqual([placed.id])

    // without the token, the orders list is refused
    expect(
      (await shop.get("/store/orders", { limit: 10, offset: 0, order: "-created_at", fields: ORDER_LIST_FIELDS }))
        .status,
    ).toBe(401)
  })

  test("updateRegion: the cart moves to another region and is re-priced in its currency", async () => {
    const { dk, us } = shopRegions()
    const euro = await shopProductOf(fx.variants.tee, dk.id)
    const won = await shopProductOf(fx.variants.tee, us.id)
    const { cart } = await ok(shop.post("/store/carts", { region_id: dk.id }, token))
    await ok(shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: euro.variants[0].id, quantity: 1 }, token))
    const moved = await ok(shop.post(`/store/carts/${cart.id}`, { region_id: us.id }, token))
    expect(moved.cart).toEqual(expect.objectContaining({ region_id: us.id, currency_code: "krw" }))
    const full = await retrieveCart(cart.id, token)
    expect(full.items[0].unit_price).toBe(won.variants[0].calculated_price.calculated_amount)
    expect(full.items[0].unit_price).not.toBe(euro.variants[0].calculated_price.calculated_amount)
    expect(full.region.countries.map((c: Json) => c.iso_2)).toEqual(["pa"])
  })
})
