import type { Registry } from "../../core/container"
import { UserService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    userService: UserService
  }
}

export function register(registry: Registry) {
  registry.register("userService", (scope) => new UserService(scope.resolve("manager")))
}
