import type { Registry } from "../../core/container"
import { PaymentService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    paymentService: PaymentService
  }
}

export function register(registry: Registry) {
  registry.register("paymentService", (scope) => new PaymentService(scope.resolve("manager")))
}
