import type { Registry } from "../../core/container"
import { StockLocationService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    stockLocationService: StockLocationService
  }
}

export function register(registry: Registry) {
  registry.register("stockLocationService", (scope) => new StockLocationService(scope.resolve("manager")))
}
