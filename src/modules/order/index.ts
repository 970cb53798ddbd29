import type { Registry } from "../../core/container"
import { OrderFulfillmentService } from "./fulfillment-service"
import { OrderService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    orderService: OrderService
    orderFulfillmentService: OrderFulfillmentService
  }
}

export function register(registry: Registry) {
  registry.register("orderService", (scope) => new OrderService(scope.resolve("manager")))
  registry.register("orderFulfillmentService", (scope) => new OrderFulfillmentService(scope.resolve("manager")))
}
