import type { Scope } from "../../core/container"
import type { PricingContext } from "../../core/query/context"
import { CUSTOMER_GROUPS, choosePrices, type CalculatedPrice } from "../../modules/pricing/service"
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

/**
 * Variants' calculated prices in a context. The catalog cache holds their candidates per currency
 * and region (prices, price lists, tax inclusivity are catalog data); who buys and when is decided
 * here. `groupsOf` gives the customer's groups, read only when a candidate's price list names groups.
 */
export async function cachedVariantPrices(
  scope: Scope,
  variantIds: string[],
  context: PricingContext,
  groupsOf?: () => Promise<string[]>,
): Promise<Map<string, CalculatedPrice>> {
  if (variantIds.length === 0) return new Map()
  const key = `variant-price-candidates:${context.currency_code}:${context.region_id ?? ""}:${idsKey(variantIds)}`
  const candidates = await catalog(scope).read(key, ["prices", "regions"], () =>
    scope.resolve("pricingService").variantPriceCandidates(variantIds, context),
  )
  const namesGroups = candidates.candidates.some((candidate) =>
    candidate.list_rules?.some((rule) => rule.attribute === CUSTOMER_GROUPS),
  )
  const customer_group_ids = groupsOf && namesGroups ? await groupsOf() : context.customer_group_ids
  return choosePrices(candidates, { ...context, customer_group_ids })
}
