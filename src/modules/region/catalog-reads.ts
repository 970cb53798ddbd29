import type { Scope } from "../../core/container"
import type { Region } from "./service"

type Row = Record<string, unknown>

/** A region with its countries and payment providers, as carts read it: from the catalog cache (exactly invalidated). */
export interface CartRegion {
  region: Region
  countries: Row[]
  paymentProviders: Row[]
}

export async function cachedRegion(scope: Scope, id: string): Promise<CartRegion | null> {
  return scope.resolve("catalogCache").read(`cart-region:${id}`, ["regions"], async () => {
    const regions = scope.resolve("regionService")
    const region = await regions.retrieve(id).catch(() => null)
    if (!region) return null
    const [countries, providers] = [await regions.countriesOf([id]), await regions.paymentProvidersOf([id])]
    return { region, countries: countries.get(id) ?? [], paymentProviders: providers.get(id) ?? [] }
  })
}

/** The default tax rate (percent) at an address, from the catalog cache. */
export async function cachedTaxRate(
  scope: Scope,
  address: { country_code: string; province_code?: string },
): Promise<string> {
  const key = `tax-rate:${address.country_code.toLowerCase()}:${address.province_code?.toLowerCase() ?? ""}`
  return scope.resolve("catalogCache").read(key, ["regions"], () => scope.resolve("taxService").rateFor(address))
}
