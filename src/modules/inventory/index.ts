import type { Registry } from "../../core/container"
import { InventoryItemService } from "./item-service"
import { ReservationService } from "./reservation-service"
import { InventoryService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    inventoryService: InventoryService
    reservationService: ReservationService
    inventoryItemService: InventoryItemService
  }
}

export function register(registry: Registry) {
  registry.register("inventoryService", (scope) => new InventoryService(scope.resolve("manager")))
  registry.register("reservationService", (scope) => new ReservationService(scope.resolve("manager")))
  registry.register("inventoryItemService", (scope) => new InventoryItemService(scope.resolve("manager")))
}
