import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { FulfillmentService } from "./service"

export function register(registry: Registry) {
  registry.register("fulfillmentService", (scope) => new FulfillmentService(scope.resolve<Db>("manager")))
}
