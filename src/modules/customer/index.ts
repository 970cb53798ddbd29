import type { Registry } from "../../core/container"
import { CustomerGroupService } from "./customer-group-service"
import { CustomerService } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    customerService: CustomerService
    customerGroupService: CustomerGroupService
  }
}

export function register(registry: Registry) {
  registry.register("customerService", (scope) => new CustomerService(scope.resolve("manager")))
  registry.register("customerGroupService", (scope) => new CustomerGroupService(scope.resolve("manager")))
}
