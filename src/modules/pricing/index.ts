import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { PricePreferenceService } from "./price-preference-service"
import { PricingService } from "./service"

export function register(registry: Registry) {
  registry.register("pricingService", (scope) => new PricingService(scope.resolve<Db>("manager")))
  registry.register("pricePreferenceService", (scope) => new PricePreferenceService(scope.resolve<Db>("manager")))
}
