import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { TaxAdminService } from "./admin-service"
import { TaxService } from "./service"

export function register(registry: Registry) {
  registry.register("taxService", (scope) => new TaxService(scope.resolve<Db>("manager")))
  registry.register("taxAdminService", (scope) => new TaxAdminService(scope.resolve<Db>("manager")))
}
