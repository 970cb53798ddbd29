import type { Registry } from "../../core/container"
import type { PaymentProviders } from "./providers"
import { RefundReasonService } from "./refund-reason-service"
import { PaymentService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    paymentService: PaymentService
    paymentProviders: PaymentProviders
    refundReasonService: RefundReasonService
  }
}

export function register(registry: Registry) {
  // "paymentProviders" is registered by createRegistry (src/app.ts): one set per app, with the project's provider modules.
  registry.register(
    "paymentService",
    (scope) => new PaymentService(scope.resolve("manager"), scope.resolve("paymentProviders")),
  )
  registry.register("refundReasonService", (scope) => new RefundReasonService(scope.resolve("manager")))
}
