import type { Registry } from "../../core/container"
import { ApiKeyService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    apiKeyService: ApiKeyService
  }
}

export function register(registry: Registry) {
  registry.register("apiKeyService", (scope) => new ApiKeyService(scope.resolve("manager")))
}
