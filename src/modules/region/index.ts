import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { RegionService } from "./service"

export function register(registry: Registry) {
  registry.register("regionService", (scope) => new RegionService(scope.resolve<Db>("manager")))
}
