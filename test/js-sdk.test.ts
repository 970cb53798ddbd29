import Medusa from "@medusajs/js-sdk"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { startWorker, type TestWorker } from "./helpers/worker"

// @medusajs/types is not installed, so the SDK's answers are untyped here.
type Json = Record<string, any>

// Medusa's own client, unmodified, over real HTTP against the Worker in workerd.
let worker: TestWorker
let sdk: Medusa
beforeAll(async () => {
  worker = await startWorker({}, { listen: true })
  sdk = new Medusa({ baseUrl: worker.url, publishableKey: inject("demoKey") })
})
afterAll(() => worker?.dispose())

describe("@medusajs/js-sdk browses the demo store", () => {
  test("region.list, then product.list and product.retrieve with the region's prices", async () => {
    const { regions } = await sdk.store.region.list()
    const europe = regions.find((region: Json) => region.name === "Europe")!
    expect(europe.countries?.map((country: Json) => country.iso_2)).toContain("de")

    const { products, count } = await sdk.store.product.list({
      region_id: europe.id,
      fields: "*variants.calculated_price,+variants.inventory_quantity",
      limit: 12,
    })
    expect(count).toBe(4)
    const tshirt = products.find((product: Json) => product.handle === "t-shirt")!
    expect(tshirt.variants?.[0]?.calculated_price?.calculated_amount).toBe(19.5)
    expect(tshirt.variants?.[0]?.calculated_price?.calculated_price?.price_list_type).toBeNull()
    expect(tshirt.variants?.[0]?.inventory_quantity).toBe(100)

    const { product } = await sdk.store.product.retrieve(tshirt.id, { region_id: europe.id })
    expect(product.variants).toHaveLength(8)
    expect(product.variants?.[7]?.calculated_price?.currency_code).toBe("eur")
  })

  test("category.list with the starter's fields, and collection.list", async () => {
    const { product_categories } = await sdk.store.category.list({
      fields: "*category_children, *products, *parent_category, *parent_category.parent_category",
      limit: 100,
    })
    const shirts = product_categories.find((category: Json) => category.handle === "shirts")!
    expect(shirts.products?.map((product: Json) => product.handle)).toEqual(["t-shirt"])
    const { collections } = await sdk.store.collection.list({ limit: 100 })
    expect(collections.map((collection: Json) => collection.handle)).toContain("latest-drops")
  })

  test("an SDK error carries the API's status and message", async () => {
    await expect(sdk.store.product.retrieve("prod_missing")).rejects.toMatchObject({
      status: 404,
      message: "Product with id: prod_missing was not found",
    })
  })
})
