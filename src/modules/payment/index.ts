import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { PaymentService } from "./service"

export function register(registry: Registry) {
  registry.register("paymentService", (scope) => new PaymentService(scope.resolve<Db>("manager")))
}
