import type { Registry } from "../../core/container"
import { CartPromotionService } from "./adjustments"
import { CartService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    cartService: CartService
    cartPromotionService: CartPromotionService
  }
}

export function register(registry: Registry) {
  registry.register("cartService", (scope) => new CartService(scope.resolve("manager")))
  registry.register("cartPromotionService", (scope) => new CartPromotionService(scope.resolve("manager")))
}
