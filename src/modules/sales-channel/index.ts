import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { SalesChannelService } from "./service"

export function register(registry: Registry) {
  registry.register("salesChannelService", (scope) => new SalesChannelService(scope.resolve<Db>("manager")))
}
