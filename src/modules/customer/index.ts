import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { CustomerService } from "./service"

export function register(registry: Registry) {
  registry.register("customerService", (scope) => new CustomerService(scope.resolve<Db>("manager")))
}
