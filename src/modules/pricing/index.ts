import type { Registry } from "../../core/container"
import { PriceListService } from "./price-list-service"
import { PricePreferenceService } from "./price-preference-service"
import { PricingService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    pricingService: PricingService
    pricePreferenceService: PricePreferenceService
    priceListService: PriceListService
  }
}

export function register(registry: Registry) {
  registry.register("pricingService", (scope) => new PricingService(scope.resolve("manager")))
  registry.register("pricePreferenceService", (scope) => new PricePreferenceService(scope.resolve("manager")))
  registry.register("priceListService", (scope) => new PriceListService(scope.resolve("manager")))
}
