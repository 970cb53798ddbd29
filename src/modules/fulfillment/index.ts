import type { Registry } from "../../core/container"
import { FulfillmentService } from "./service"
import { FulfillmentSetService } from "./set-service"
import { ShippingOptionService } from "./shipping-option-service"
import { ShippingOptionTypeService } from "./shipping-option-type-service"
import { ShippingProfileService } from "./shipping-profile-service"

declare module "../../core/container" {
  interface ServiceMap {
    fulfillmentService: FulfillmentService
    fulfillmentSetService: FulfillmentSetService
    shippingOptionService: ShippingOptionService
    shippingOptionTypeService: ShippingOptionTypeService
    shippingProfileService: ShippingProfileService
  }
}

export function register(registry: Registry) {
  registry.register("fulfillmentService", (scope) => new FulfillmentService(scope.resolve("manager")))
  registry.register("fulfillmentSetService", (scope) => new FulfillmentSetService(scope.resolve("manager")))
  registry.register("shippingOptionService", (scope) => new ShippingOptionService(scope.resolve("manager")))
  registry.register("shippingOptionTypeService", (scope) => new ShippingOptionTypeService(scope.resolve("manager")))
  registry.register("shippingProfileService", (scope) => new ShippingProfileService(scope.resolve("manager")))
}
