import type { Registry } from "../../core/container"
import { StoreService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    storeService: StoreService
  }
}

export function register(registry: Registry) {
  registry.register("storeService", (scope) => new StoreService(scope.resolve("manager")))
}
