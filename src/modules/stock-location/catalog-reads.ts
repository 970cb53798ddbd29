import type { Scope } from "../../core/container"

/** The stock locations that serve these sales channels (configuration, not quantities), from the catalog cache. */
export function cachedLocationIds(scope: Scope, salesChannelIds: string[]): Promise<string[]> {
  const key = `channel-locations:${[...salesChannelIds].sort().join(",")}`
  return scope
    .resolve("catalogCache")
    .read(key, ["shipping", "channels"], () =>
      scope.resolve("stockLocationService").locationIdsForChannels(salesChannelIds),
    )
}
