import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { InventoryItemService } from "./item-service"
import { ReservationService } from "./reservation-service"
import { InventoryService } from "./service"

export function register(registry: Registry) {
  registry.register("inventoryService", (scope) => new InventoryService(scope.resolve<Db>("manager")))
  registry.register("reservationService", (scope) => new ReservationService(scope.resolve<Db>("manager")))
  registry.register("inventoryItemService", (scope) => new InventoryItemService(scope.resolve<Db>("manager")))
}
