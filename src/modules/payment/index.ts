import type { Registry } from "../../core/container"
import { paymentProvidersFor, type PaymentProviders } from "./providers"
import { PaymentService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    paymentService: PaymentService
    paymentProviders: PaymentProviders
  }
}

export function register(registry: Registry) {
  // The built-in providers; src/app.ts registers over this with the project's provider modules.
  registry.register("paymentProviders", (scope) => paymentProvidersFor(scope.resolve("config")))
  registry.register(
    "paymentService",
    (scope) => new PaymentService(scope.resolve("manager"), scope.resolve("paymentProviders")),
  )
}
