import type { Registry } from "../../core/container"
import { CartService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    cartService: CartService
  }
}

export function register(registry: Registry) {
  registry.register("cartService", (scope) => new CartService(scope.resolve("manager")))
}
