import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { TaxService } from "./service"

export function register(registry: Registry) {
  registry.register("taxService", (scope) => new TaxService(scope.resolve<Db>("manager")))
}
