import type { Context } from "hono"
import { MedusaError } from "../../core/errors"
import type { PricingContext } from "../../core/query/context"
import type { RequestedFields } from "../../core/query/fields"
import type { AppEnv } from "../../core/types"
import { MISSING_PRICING_CONTEXT } from "./query-config"

interface PricingQuery {
  region_id?: string
  country_code?: string
  province?: string
}

/** Medusa adds `variants.calculated_price.*` when a region is given and prices were not asked for. */
export function withPricesForRegion(fields: string | undefined, query: PricingQuery): string | undefined {
  if (!query.region_id || /(^|,)\s*[+*]?\s*\*?variants\.calculated_price/.test(fields ?? "")) return fields
  return fields ? `${fields},+variants.calculated_price.*` : "+variants.calculated_price.*"
}

export function asksForPrices(requested: RequestedFields): boolean {
  const variants = requested.relations.get("variants")
  return !!variants && (variants.relations.has("calculated_price") || variants.fields.has("calculated_price"))
}

/**
 * The pricing context of a store product request: the region from the query or else the
 * store's default one, its currency, and, when the region computes taxes, the tax address.
 */
export async function pricingContextFor(
  c: Context<AppEnv>,
  query: PricingQuery,
  requested: RequestedFields,
): Promise<PricingContext | undefined> {
  if (!asksForPrices(requested)) return undefined
  return regionPricingContext(c, query)
}

/** The pricing context of the query's region (or the store's default one), whatever is requested. */
export async function regionPricingContext(c: Context<AppEnv>, query: PricingQuery): Promise<PricingContext> {
  const regionId = query.region_id ?? (await c.var.scope.resolve("storeService").retrieveDefault())?.default_region_id
  if (!regionId) throw new MedusaError("invalid_data", MISSING_PRICING_CONTEXT)
  const region = await c.var.scope
    .resolve("regionService")
    .retrieve(regionId)
    .catch(() => {
      throw new MedusaError("not_found", `Region with id ${regionId} not found when populating the pricing context`)
    })
  const taxed = region.automatic_taxes && query.country_code
  return {
    region_id: region.id,
    currency_code: region.currency_code,
    ...(taxed ? { country_code: query.country_code!.toLowerCase(), province: query.province } : {}),
    // Read by the customerGroups middleware: a guest is in none.
    customer_group_ids: c.var.customerGroupIds ?? [],
  }
}
