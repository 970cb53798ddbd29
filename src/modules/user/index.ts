import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { UserService } from "./service"

export function register(registry: Registry) {
  registry.register("userService", (scope) => new UserService(scope.resolve<Db>("manager")))
}
