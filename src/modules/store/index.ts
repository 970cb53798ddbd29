import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { StoreService } from "./service"

export function registerStoreModule(registry: Registry) {
  registry.register("storeService", (scope) => new StoreService(scope.resolve<Db>("manager")))
}
