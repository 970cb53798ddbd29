import type { Scope } from "../../core/container"
import type { CatalogCache } from "../../infra/catalog-cache"
import type { StockLocationService } from "./service"

/** The stock locations that serve these sales channels (configuration, not quantities), from the catalog cache. */
export function cachedLocationIds(scope: Scope, salesChannelIds: string[]): Promise<string[]> {
  const key = `channel-locations:${[...salesChannelIds].sort().join(",")}`
  return scope.resolve<CatalogCache>("catalogCache").read(key, ["shipping", "channels"], () =>
    scope.resolve<StockLocationService>("stockLocationService").locationIdsForChannels(salesChannelIds),
  )
}
