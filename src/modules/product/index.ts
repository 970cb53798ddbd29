import type { Registry } from "../../core/container"
import type { Db } from "../../infra/db"
import { ProductCategoryService } from "./category-service"
import { ProductCollectionService } from "./collection-service"
import { ProductLinkService } from "./link-service"
import { productTag, productType } from "./schema"
import { ProductOptionService } from "./option-service"
import { ProductOptionValueService } from "./option-value-service"
import { ProductRelationLoaders } from "./relation-loaders"
import { ProductService } from "./service"
import { ProductValueService } from "./value-service"
import { ProductVariantOptionService } from "./variant-option-service"

export function register(registry: Registry) {
  registry.register("productService", (scope) => new ProductService(scope.resolve<Db>("manager")))
  registry.register("productRelationLoaders", (scope) => new ProductRelationLoaders(scope.resolve<Db>("manager")))
  registry.register("productLinkService", (scope) => new ProductLinkService(scope.resolve<Db>("manager")))
  registry.register("productOptionService", (scope) => new ProductOptionService(scope.resolve<Db>("manager")))
  registry.register("productOptionValueService", (scope) => new ProductOptionValueService(scope.resolve<Db>("manager")))
  registry.register("productVariantOptionService", (scope) => new ProductVariantOptionService(scope.resolve<Db>("manager")))
  registry.register("productTagService", (scope) => new ProductValueService(scope.resolve<Db>("manager"), productTag, "Product tag", "ptag"))
  registry.register("productTypeService", (scope) => new ProductValueService(scope.resolve<Db>("manager"), productType, "Product type", "ptyp"))
  registry.register("productCollectionService", (scope) => new ProductCollectionService(scope.resolve<Db>("manager")))
  // Storefronts see active, public categories only; the admin sees them all.
  registry.register("productCategoryService", (scope) => new ProductCategoryService(scope.resolve<Db>("manager"), true))
  registry.register("adminProductCategoryService", (scope) => new ProductCategoryService(scope.resolve<Db>("manager"), false))
}
