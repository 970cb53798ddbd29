import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { ApiKeyService } from "./service"

export function register(registry: Registry) {
  registry.register("apiKeyService", (scope) => new ApiKeyService(scope.resolve<Db>("manager")))
}
