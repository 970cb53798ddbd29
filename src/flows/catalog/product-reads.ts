import type { Scope } from "../../core/container"
import type { PricingContext } from "../../core/query/context"
import type { CalculatedPrice } from "../../modules/pricing/service"
import type { VariantSnapshot } from "../../modules/product/service"

const catalog = (scope: Scope) => scope.resolve("catalogCache")
const idsKey = (ids: string[]) => [...new Set(ids)].sort().join(",")

/** What carts copy from variants (titles, product, channels), from the catalog cache. */
export function cachedVariantSnapshots(scope: Scope, variantIds: string[]): Promise<Map<string, VariantSnapshot>> {
  if (variantIds.length === 0) return Promise.resolve(new Map())
  return catalog(scope).readMap(`variant-snapshots:${idsKey(variantIds)}`, ["products"], () =>
    scope.resolve("productService").variantSnapshots(variantIds),
  )
}

/** Variants' calculated prices in a currency and region, from the catalog cache (prices and tax inclusivity are catalog data). */
export function cachedVariantPrices(
  scope: Scope,
  variantIds: string[],
  context: PricingContext,
): Promise<Map<string, CalculatedPrice>> {
  if (variantIds.length === 0) return Promise.resolve(new Map())
  const key = `variant-prices:${context.currency_code}:${context.region_id ?? ""}:${context.country_code ?? ""}:${context.province ?? ""}:${idsKey(variantIds)}`
  return catalog(scope).readMap(key, ["prices", "regions"], () =>
    scope.resolve("pricingService").calculateVariantPrices(variantIds, context),
  )
}
