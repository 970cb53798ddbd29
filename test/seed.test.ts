import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { seedIfEmpty } from "../scripts/lib/seed"
import { testConfig } from "./helpers/services"
import { startWorker, type TestWorker } from "./helpers/worker"

let worker: TestWorker
beforeAll(async () => {
  worker = await startWorker()
})
afterAll(() => worker?.dispose())

type Json = Record<string, any>
const store = async (path: string) => {
  const res = await worker.fetch(path, { headers: { "x-publishable-api-key": inject("demoKey") } })
  expect(res.status).toBe(200)
  return (await res.json()) as Json
}

describe("the demo store (npm run seed)", () => {
  test("prints a publishable key that opens the store", () => {
    expect(inject("demoKey")).toMatch(/^pk_[0-9a-f]{64}$/)
  })

  test("two regions: Europe in EUR and the United States in USD", async () => {
    // By name: other test files add regions of their own, and a page of every region would not hold both.
    const { regions } = await store(
      "/store/regions?name[]=Europe&name[]=United%20States&order=name&fields=name,currency_code,*countries",
    )
    const demo = regions.filter((r: Json) => ["Europe", "United States"].includes(r.name))
    expect(demo.map((r: Json) => [r.name, r.currency_code, r.countries.map((c: Json) => c.iso_2)])).toEqual([
      ["Europe", "eur", ["de", "dk", "es", "fr", "gb", "it", "se"]],
      ["United States", "usd", ["us"]],
    ])
  })

  test("four apparel products with size/colour variants, prices in EUR and USD, and stock", async () => {
    const { regions } = await store("/store/regions?name=United%20States")
    const { products, count } = await store(
      `/store/products?region_id=${regions[0].id}&country_code=us&fields=handle,variants.title,*variants.calculated_price,+variants.inventory_quantity,*variants.options,*categories`,
    )
    expect(count).toBe(4)
    expect(products.map((p: Json) => [p.handle, p.variants.length, p.categories[0].name])).toEqual([
      ["t-shirt", 8, "Shirts"],
      ["sweatshirt", 4, "Sweatshirts"],
      ["sweatpants", 4, "Pants"],
      ["shorts", 4, "Merch"],
    ])
    const tshirt = products[0]
    expect(tshirt.variants[0].title).toBe("S / Black")
    expect(tshirt.variants[0].options.map((o: Json) => o.value)).toEqual(["S", "Black"])
    expect(products.map((p: Json) => p.variants[0].calculated_price.calculated_amount)).toEqual([22, 45, 40, 29.99])
    expect(products[3].variants[0].calculated_price).toMatchObject({
      currency_code: "usd",
      calculated_amount_with_tax: 29.99,
    })
    expect(products.flatMap((p: Json) => p.variants.map((v: Json) => v.inventory_quantity))).toEqual(
      Array(20).fill(100),
    )
  })

  test("seeding again changes nothing", async () => {
    const before = await store("/store/products?fields=id")
    const lines: string[] = []
    const again = await seedIfEmpty(testConfig(), (line) => lines.push(line))
    expect(again).toEqual({ created: false, publishableKey: inject("demoKey") })
    expect(lines).toEqual([expect.stringMatching(/^seed: store store_\w+ exists, nothing to seed$/)])
    expect((await store("/store/products?fields=id")).count).toBe(before.count)
  })
})
