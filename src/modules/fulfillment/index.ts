import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { FulfillmentService } from "./service"
import { FulfillmentSetService } from "./set-service"
import { ShippingOptionService } from "./shipping-option-service"
import { ShippingProfileService } from "./shipping-profile-service"

export function register(registry: Registry) {
  registry.register("fulfillmentService", (scope) => new FulfillmentService(scope.resolve<Db>("manager")))
  registry.register("fulfillmentSetService", (scope) => new FulfillmentSetService(scope.resolve<Db>("manager")))
  registry.register("shippingOptionService", (scope) => new ShippingOptionService(scope.resolve<Db>("manager")))
  registry.register("shippingProfileService", (scope) => new ShippingProfileService(scope.resolve<Db>("manager")))
}
