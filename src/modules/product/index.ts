import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { ProductCategoryService } from "./category-service"
import { ProductCollectionService } from "./collection-service"
import { ProductService } from "./service"

export function register(registry: Registry) {
  registry.register("productService", (scope) => new ProductService(scope.resolve<Db>("manager")))
  registry.register("productCollectionService", (scope) => new ProductCollectionService(scope.resolve<Db>("manager")))
  // Store routes resolve this one; the admin API will register an unfiltered one.
  registry.register("productCategoryService", (scope) => new ProductCategoryService(scope.resolve<Db>("manager"), true))
}
