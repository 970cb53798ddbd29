import type { Context, MiddlewareHandler } from "hono"
import type { AppEnv } from "../../core/types"
import type { CatalogTag } from "../../infra/catalog-cache"
import { PUBLISHABLE_KEY_HEADER } from "../middlewares/publishable-key"

interface CachedAnswer {
  body: string
}

/**
 * Serves a Store catalog GET from the catalog cache, or answers it and caches a 200. The key is
 * the path, the query (sorted), the publishable key and the customer's groups (price lists may
 * price them apart); the answer depends on nothing else. `x-catalog-cache` says which tier answered. Outside
 * production, `Cache-Control: no-cache` reads Postgres and refreshes the entry (after a change made by hand).
 */
export function cachedCatalog(tagsOf: (c: Context<AppEnv>) => readonly CatalogTag[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET") return next()
    const url = new URL(c.req.url)
    url.searchParams.sort()
    const key = `${url.pathname}?${url.searchParams}#${c.req.header(PUBLISHABLE_KEY_HEADER)}#${(c.var.customerGroupIds ?? []).join(",")}`
    const cache = c.var.scope.resolve("catalogCache")
    const revalidate = !c.var.config.isProduction && /no-cache/.test(c.req.header("cache-control") ?? "")
    const lookup = await cache.lookup<CachedAnswer>(key, tagsOf(c), { revalidate })
    if (lookup.value) {
      c.header("x-catalog-cache", lookup.tier)
      if (!c.var.config.isProduction) c.header("x-sql-statements", "0")
      return c.body(lookup.value.body, 200, { "content-type": "application/json" })
    }
    await next()
    if (c.res.status !== 200 || !c.res.headers.get("content-type")?.startsWith("application/json")) return
    await cache.store(lookup, { body: await c.res.clone().text() })
    c.header("x-catalog-cache", "miss")
  }
}

const PRODUCT_TAGS: readonly CatalogTag[] = ["products", "prices", "regions", "channels"]

/** Products and variants: their prices follow regions and taxes, and stock when the fields ask for it. */
export function productTags(c: Context<AppEnv>): readonly CatalogTag[] {
  return /inventory/.test(c.req.query("fields") ?? "") ? [...PRODUCT_TAGS, "shipping", "stock"] : PRODUCT_TAGS
}
