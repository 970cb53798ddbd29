import type { Registry } from "../../core/container"
import { OrderChangeService } from "./change-service"
import { OrderFulfillmentService } from "./fulfillment-service"
import { ReturnReasonService } from "./return-reason-service"
import { ReturnService } from "./return-service"
import { OrderService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    orderService: OrderService
    orderFulfillmentService: OrderFulfillmentService
    returnReasonService: ReturnReasonService
    orderChangeService: OrderChangeService
    returnService: ReturnService
  }
}

export function register(registry: Registry) {
  registry.register("orderService", (scope) => new OrderService(scope.resolve("manager")))
  registry.register("orderFulfillmentService", (scope) => new OrderFulfillmentService(scope.resolve("manager")))
  registry.register("returnReasonService", (scope) => new ReturnReasonService(scope.resolve("manager")))
  registry.register("orderChangeService", (scope) => new OrderChangeService(scope.resolve("manager")))
  registry.register("returnService", (scope) => new ReturnService(scope.resolve("manager")))
}
