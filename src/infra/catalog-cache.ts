import type { CacheService } from "./cache"

/** What a cached Store answer depends on; a committed write to one of a tag's tables makes its answers stale. */
export type CatalogTag = "regions" | "products" | "prices" | "channels" | "shipping" | "stock" | "promotions"

export const TABLE_TAGS: Record<CatalogTag, readonly string[]> = {
  regions: [
    "region",
    "region_country",
    "region_payment_provider",
    "payment_provider",
    "store",
    "store_currency",
    "tax_region",
    "tax_rate",
  ],
  // Variants' and shipping options' prices, and whether they include tax.
  prices: [
    "price",
    "price_rule",
    "price_set",
    "price_list",
    "price_list_rule",
    "price_preference",
    "product_variant_price_set",
    "shipping_option_price_set",
  ],
  products: [
    "product",
    "product_category",
    "product_category_product",
    "product_collection",
    "product_option",
    "product_option_product",
    "product_option_value",
    "product_sales_channel",
    "product_tag",
    "product_tags",
    "product_type",
    "product_variant",
    "product_variant_option",
    "product_variant_product_image",
    "image",
  ],
  channels: ["api_key", "publishable_api_key_sales_channel", "sales_channel"],
  shipping: [
    "shipping_option",
    "shipping_option_rule",
    "shipping_option_type",
    "shipping_profile",
    "product_shipping_profile",
    "service_zone",
    "geo_zone",
    "fulfillment_set",
    "fulfillment_provider",
    "location_fulfillment_set",
    "location_fulfillment_provider",
    "stock_location",
    "stock_location_address",
    "sales_channel_stock_location",
  ],
  // Quantities: what a Store page shows, never what completion decides on (it reads Postgres).
  stock: ["inventory_item", "inventory_level", "reservation_item", "product_variant_inventory_item"],
  // What carts apply: automatic promotions and their campaigns (a used budget is checked again at completion).
  promotions: [
    "promotion",
    "promotion_application_method",
    "promotion_rule",
    "promotion_rule_value",
    "promotion_promotion_rule",
    "application_method_target_rules",
    "application_method_buy_rules",
    "promotion_campaign",
    "promotion_campaign_budget",
  ],
}
const TAG_OF_TABLE = new Map(
  Object.entries(TABLE_TAGS).flatMap(([tag, tables]) => tables.map((table) => [table, tag as CatalogTag])),
)

/** The tags whose answers a write to these tables changes. */
export function tagsOfTables(tables: Iterable<string>): CatalogTag[] {
  const tags = new Set<CatalogTag>()
  for (const table of tables) {
    const tag = TAG_OF_TABLE.get(table)
    if (tag) tags.add(tag)
  }
  return [...tags]
}

/**
 * How long an isolate trusts what it holds in memory without asking the shared tier: the
 * freshness bound of a Store read in another isolate than the one that made the change.
 */
export const MEMORY_TTL_MS = 2000
// Entries in the shared tier are found through their tags' generations; this only bounds orphans.
const SHARED_TTL_SECONDS = 300
const GENERATION_TTL_SECONDS = 7 * 24 * 3600
const MEMORY_ENTRIES = 1000

interface Generations {
  values: Record<string, string>
  /** memory entries built on these generations expire with them */
  expires: number
}

export interface CatalogLookup<T> {
  value: T | undefined
  /** where the value came from */
  tier: "memory" | "shared" | "none"
  key: string
  tags: readonly CatalogTag[]
  generations: Generations
}

/**
 * Store catalog answers in two tiers: this isolate's memory, then the configured cache module
 * (Upstash Redis, shared by every isolate; or memory in development). A shared entry's key
 * holds the generation of each tag it depends on, and invalidating a tag gives it a new
 * generation, so no stale shared entry is ever found again. Memory entries live MEMORY_TTL_MS
 * from when their generations were read. Never a source for a stock decision: completion reads Postgres.
 */
export class CatalogCache {
  private readonly memory = new Map<string, { value: unknown; tags: readonly CatalogTag[]; expires: number }>()
  private readonly generations = new Map<CatalogTag, { value: string; expires: number }>()

  constructor(private readonly shared: CacheService) {}

  /** `revalidate`: skip what is held and let the caller load and store it anew (HTTP's no-cache). */
  async lookup<T>(
    key: string,
    tags: readonly CatalogTag[],
    options: { revalidate?: boolean } = {},
  ): Promise<CatalogLookup<T>> {
    const now = Date.now()
    const held = options.revalidate ? undefined : this.memory.get(key)
    if (held && held.expires > now)
      return { value: held.value as T, tier: "memory", key, tags, generations: { values: {}, expires: held.expires } }
    const generations = await this.generationsOf(tags, now)
    const found = options.revalidate ? null : await this.fromShared<T>(sharedKey(key, tags, generations))
    if (found !== null) {
      this.remember(key, tags, found, generations.expires)
      return { value: found, tier: "shared", key, tags, generations }
    }
    return { value: undefined, tier: "none", key, tags, generations }
  }

  /** Stores what was loaded after `lookup` missed, under the generations read before loading it. */
  async store<T>(lookup: CatalogLookup<T>, value: T): Promise<void> {
    this.remember(lookup.key, lookup.tags, value, lookup.generations.expires)
    try {
      await this.shared.set(sharedKey(lookup.key, lookup.tags, lookup.generations), value, SHARED_TTL_SECONDS)
    } catch (error) {
      console.error("catalog cache: the shared tier refused a write:", error)
    }
  }

  async read<T>(key: string, tags: readonly CatalogTag[], load: () => Promise<T>): Promise<T> {
    const lookup = await this.lookup<T>(key, tags)
    if (lookup.value !== undefined) return lookup.value
    const value = await load()
    await this.store(lookup, value)
    return value
  }

  /** `read` for a Map (stored as its entries, since the shared tier holds JSON). */
  async readMap<V>(
    key: string,
    tags: readonly CatalogTag[],
    load: () => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    return new Map(await this.read(key, tags, async () => [...(await load())]))
  }

  /**
   * One entry per id (`prefix:id`); the ids not held are loaded together, in one call of
   * `load`, so a page of rows costs the same whatever it holds. An id `load` does not return is absent.
   */
  async readEach<V>(
    prefix: string,
    ids: readonly string[],
    tags: readonly CatalogTag[],
    load: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const distinct = [...new Set(ids)]
    const lookups = await Promise.all(distinct.map((id) => this.lookup<{ value: V | null }>(`${prefix}:${id}`, tags)))
    const found = new Map<string, V>()
    const missing = lookups.flatMap((lookup, i) => {
      if (lookup.value === undefined) return [i]
      if (lookup.value.value !== null) found.set(distinct[i]!, lookup.value.value)
      return []
    })
    if (missing.length === 0) return found
    const loaded = await load(missing.map((i) => distinct[i]!))
    await Promise.all(
      missing.map((i) => {
        const value = loaded.get(distinct[i]!)
        if (value !== undefined) found.set(distinct[i]!, value)
        return this.store(lookups[i]!, { value: value ?? null })
      }),
    )
    return found
  }

  /** New generations for these tags, here and in the shared tier: no answer built before is served again. */
  async invalidate(tags: readonly CatalogTag[]): Promise<void> {
    if (tags.length === 0) return
    for (const [key, entry] of this.memory) if (entry.tags.some((tag) => tags.includes(tag))) this.memory.delete(key)
    for (const tag of tags) this.generations.delete(tag)
    await Promise.all(
      tags.map((tag) => this.shared.set(generationKey(tag), crypto.randomUUID(), GENERATION_TTL_SECONDS)),
    )
  }

  private async generationsOf(tags: readonly CatalogTag[], now: number): Promise<Generations> {
    const values: Record<string, string> = {}
    let expires = now + MEMORY_TTL_MS
    const missing: CatalogTag[] = []
    for (const tag of tags) {
      const held = this.generations.get(tag)
      if (held && held.expires > now) {
        values[tag] = held.value
        expires = Math.min(expires, held.expires)
      } else missing.push(tag)
    }
    await Promise.all(
      missing.map(async (tag) => {
        values[tag] = await this.sharedGeneration(tag)
        this.generations.set(tag, { value: values[tag]!, expires: now + MEMORY_TTL_MS })
      }),
    )
    return { values, expires }
  }

  /** A tag with no generation yet (or evicted) gets a new one, never an old one back. */
  private async sharedGeneration(tag: CatalogTag): Promise<string> {
    const current = await this.shared.get<string>(generationKey(tag))
    if (current) return current
    const fresh = crypto.randomUUID()
    await this.shared.set(generationKey(tag), fresh, GENERATION_TTL_SECONDS)
    return fresh
  }

  private async fromShared<T>(key: string): Promise<T | null> {
    try {
      return await this.shared.get<T>(key)
    } catch (error) {
      console.error("catalog cache: the shared tier could not be read:", error)
      return null
    }
  }

  private remember(key: string, tags: readonly CatalogTag[], value: unknown, expires: number) {
    if (this.memory.size >= MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value!)
    this.memory.set(key, { value, tags, expires })
  }
}

function generationKey(tag: CatalogTag) {
  return `catalog:generation:${tag}`
}

function sharedKey(key: string, tags: readonly CatalogTag[], generations: Generations) {
  return `catalog:${tags.map((tag) => generations.values[tag]).join(":")}:${key}`
}

declare module "../core/container" {
  interface ServiceMap {
    catalogCache: CatalogCache
  }
}
