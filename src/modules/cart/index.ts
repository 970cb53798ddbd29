import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { CartService } from "./service"

export function register(registry: Registry) {
  registry.register("cartService", (scope) => new CartService(scope.resolve<Db>("manager")))
}
