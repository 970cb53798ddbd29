import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { StoreService } from "./service"

export function register(registry: Registry) {
  registry.register("storeService", (scope) => new StoreService(scope.resolve<Db>("manager")))
}
