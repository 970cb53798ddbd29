import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { StockLocationService } from "./service"

export function register(registry: Registry) {
  registry.register("stockLocationService", (scope) => new StockLocationService(scope.resolve<Db>("manager")))
}
