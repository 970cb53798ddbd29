import { getTableName, isTable } from "drizzle-orm"
import { describe, expect, test } from "vitest"
import * as schema from "../modules/schema"
import { CatalogCache, TABLE_TAGS, tagsOfTables } from "./catalog-cache"
import type { CacheService } from "./cache"

// What shoppers and merchants write as they go: never behind a catalog answer, so writing them invalidates nothing.
const NOT_CATALOG = new Set([
  "cart",
  "cart_address",
  "cart_line_item",
  "cart_shipping_method",
  "cart_line_item_adjustment",
  "cart_shipping_method_adjustment",
  "cart_promotion",
  "customer",
  "customer_address",
  "customer_group",
  "customer_group_customer",
  "order",
  "order_address",
  "order_line_item",
  "order_shipping_method",
  "order_fulfillment",
  "order_fulfillment_item",
  "order_fulfillment_label",
  "payment_collection",
  "payment_session",
  "payment",
  "refund",
  "refund_reason",
  "payment_webhook_event",
  "notification",
  "file",
  "file_blob",
  "product_import",
  "idempotency_key",
  "order_change",
  "order_change_action",
  "return",
  "return_item",
  "return_reason",
  "order_exchange",
  "order_claim",
  "order_claim_item",
  "order_payment_collection",
  "user",
  "invite",
  "auth_identity",
  "provider_identity",
  "auth_spent_token",
  "event_outbox",
  "event_delivery",
])

function memoryCache(): CacheService & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>()
  return {
    entries,
    get: async <T>(key: string) => (entries.has(key) ? (JSON.parse(JSON.stringify(entries.get(key))) as T) : null),
    set: async (key, value) => void entries.set(key, value),
    invalidate: async (key) => void entries.delete(key),
  }
}

describe("the catalog cache", () => {
  test("every table is either behind a tag or named as not catalog data: a new table cannot be forgotten", () => {
    const tables: string[] = Object.values(schema)
      .filter((value) => isTable(value))
      .map((table) => getTableName(table as never))
    const tagged = new Set(Object.values(TABLE_TAGS).flat())
    expect(tables.filter((name) => !tagged.has(name) && !NOT_CATALOG.has(name))).toEqual([])
    expect([...tagged].filter((name) => !(tables as string[]).includes(name))).toEqual([])
  })

  test("tags of written tables", () => {
    expect(tagsOfTables(["cart", "price", "inventory_level", "region_country"]).sort()).toEqual([
      "prices",
      "regions",
      "stock",
    ])
    expect(tagsOfTables(["order", "cart_line_item"])).toEqual([])
  })

  test("an invalidated tag is never served again, from memory or the shared tier; other tags stay", async () => {
    const shared = memoryCache()
    const [here, there] = [new CatalogCache(shared), new CatalogCache(shared)]
    let loads = 0
    const read = (cache: CatalogCache, key: string, tags: ("regions" | "products")[]) =>
      cache.read(key, tags, async () => ({ n: ++loads }))
    expect(await read(here, "a", ["regions"])).toEqual({ n: 1 })
    expect(await read(here, "b", ["products"])).toEqual({ n: 2 })
    expect(await read(there, "a", ["regions"])).toEqual({ n: 1 })
    await here.invalidate(["regions"])
    expect(await read(here, "a", ["regions"])).toEqual({ n: 3 })
    expect(await read(here, "b", ["products"])).toEqual({ n: 2 })
    // A fresh isolate reads the new generation from the shared tier and finds the new entry.
    expect(await read(new CatalogCache(shared), "a", ["regions"])).toEqual({ n: 3 })
  })

  test("readEach loads only what is missing, in one call, and remembers absent ids", async () => {
    const cache = new CatalogCache(memoryCache())
    const calls: string[][] = []
    const load = async (ids: string[]) => {
      calls.push(ids)
      return new Map(ids.filter((id) => id !== "gone").map((id) => [id, { id }]))
    }
    expect([...(await cache.readEach("row", ["x", "y", "gone", "x"], ["regions"], load)).keys()]).toEqual(["x", "y"])
    expect([...(await cache.readEach("row", ["y", "z", "gone"], ["regions"], load)).keys()]).toEqual(["y", "z"])
    expect(calls).toEqual([["x", "y", "gone"], ["z"]])
  })
})
