import type { Registry } from "../../core/container"
import { PricePreferenceService } from "./price-preference-service"
import { PricingService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    pricingService: PricingService
    pricePreferenceService: PricePreferenceService
  }
}

export function register(registry: Registry) {
  registry.register("pricingService", (scope) => new PricingService(scope.resolve("manager")))
  registry.register("pricePreferenceService", (scope) => new PricePreferenceService(scope.resolve("manager")))
}
