import type { Registry } from "../../core/container"
import { TaxAdminService } from "./admin-service"
import { TaxService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    taxService: TaxService
    taxAdminService: TaxAdminService
  }
}

export function register(registry: Registry) {
  registry.register("taxService", (scope) => new TaxService(scope.resolve("manager")))
  registry.register("taxAdminService", (scope) => new TaxAdminService(scope.resolve("manager")))
}
