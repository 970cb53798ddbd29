import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { OrderFulfillmentService } from "./fulfillment-service"
import { OrderService } from "./service"

export function register(registry: Registry) {
  registry.register("orderService", (scope) => new OrderService(scope.resolve<Db>("manager")))
  registry.register("orderFulfillmentService", (scope) => new OrderFulfillmentService(scope.resolve<Db>("manager")))
}
