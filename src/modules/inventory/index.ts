import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { InventoryService } from "./service"

export function register(registry: Registry) {
  registry.register("inventoryService", (scope) => new InventoryService(scope.resolve<Db>("manager")))
}
