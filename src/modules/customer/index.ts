import type { Registry } from "../../core/container"
import { CustomerService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    customerService: CustomerService
  }
}

export function register(registry: Registry) {
  registry.register("customerService", (scope) => new CustomerService(scope.resolve("manager")))
}
