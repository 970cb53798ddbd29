import type { Registry } from "../../core/container"
import { ProductCategoryService } from "./category-service"
import { ProductCollectionService } from "./collection-service"
import { ProductImportService } from "./import-service"
import { ProductLinkService } from "./link-service"
import { productTag, productType } from "./schema"
import { ProductOptionService } from "./option-service"
import { ProductOptionValueService } from "./option-value-service"
import { ProductRelationLoaders } from "./relation-loaders"
import { ProductService } from "./service"
import { ProductValueService } from "./value-service"
import { ProductVariantOptionService } from "./variant-option-service"

declare module "../../core/container" {
  interface ServiceMap {
    productService: ProductService
    productRelationLoaders: ProductRelationLoaders
    productLinkService: ProductLinkService
    productOptionService: ProductOptionService
    productOptionValueService: ProductOptionValueService
    productVariantOptionService: ProductVariantOptionService
    productTagService: ProductValueService
    productTypeService: ProductValueService
    productCollectionService: ProductCollectionService
    productCategoryService: ProductCategoryService
    adminProductCategoryService: ProductCategoryService
    productImportService: ProductImportService
  }
}

export function register(registry: Registry) {
  registry.register("productService", (scope) => new ProductService(scope.resolve("manager")))
  registry.register("productRelationLoaders", (scope) => new ProductRelationLoaders(scope.resolve("manager")))
  registry.register("productLinkService", (scope) => new ProductLinkService(scope.resolve("manager")))
  registry.register("productOptionService", (scope) => new ProductOptionService(scope.resolve("manager")))
  registry.register("productOptionValueService", (scope) => new ProductOptionValueService(scope.resolve("manager")))
  registry.register("productVariantOptionService", (scope) => new ProductVariantOptionService(scope.resolve("manager")))
  registry.register(
    "productTagService",
    (scope) => new ProductValueService(scope.resolve("manager"), productTag, "Product tag", "ptag"),
  )
  registry.register(
    "productTypeService",
    (scope) => new ProductValueService(scope.resolve("manager"), productType, "Product type", "ptyp"),
  )
  registry.register("productImportService", (scope) => new ProductImportService(scope.resolve("manager")))
  registry.register("productCollectionService", (scope) => new ProductCollectionService(scope.resolve("manager")))
  // Storefronts see active, public categories only; the admin sees them all.
  registry.register("productCategoryService", (scope) => new ProductCategoryService(scope.resolve("manager"), true))
  registry.register(
    "adminProductCategoryService",
    (scope) => new ProductCategoryService(scope.resolve("manager"), false),
  )
}
