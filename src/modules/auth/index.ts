import type { Registry } from "../../core/container"
import { AuthService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    authService: AuthService
  }
}

export function register(registry: Registry) {
  registry.register("authService", (scope) => new AuthService(scope.resolve("manager")))
}
