import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { AuthService } from "./service"

export function register(registry: Registry) {
  registry.register("authService", (scope) => new AuthService(scope.resolve<Db>("manager")))
}
