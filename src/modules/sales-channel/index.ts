import type { Registry } from "../../core/container"
import { SalesChannelService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    salesChannelService: SalesChannelService
  }
}

export function register(registry: Registry) {
  registry.register("salesChannelService", (scope) => new SalesChannelService(scope.resolve("manager")))
}
