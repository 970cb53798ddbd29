import type { Registry } from "../../core/container"
import { RegionService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    regionService: RegionService
  }
}

export function register(registry: Registry) {
  registry.register("regionService", (scope) => new RegionService(scope.resolve("manager")))
}
