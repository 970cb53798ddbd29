import { Hono } from "hono"
import { mountRoutes, type ApiRoute } from "./core/extensions"
import type { AppEnv } from "./core/types"
import { requirePublishableKey } from "./http/middlewares/publishable-key"
import { storeCartRoutes } from "./http/store/carts/routes"
import {
  storePaymentCollectionRoutes,
  storePaymentProviderRoutes,
  storeShippingOptionRoutes,
} from "./http/store/carts/checkout"
import { storeCustomerRoutes } from "./http/store/customers/routes"
import { storeOrderRoutes } from "./http/store/orders/routes"
import { storeCategoryRoutes, storeCollectionRoutes } from "./http/store/catalog/routes"
import { storeProductRoutes } from "./http/store/products/routes"
import { storeVariantRoutes } from "./http/store/product-variants/routes"
import { storeRegionRoutes } from "./http/store/regions/routes"
import { storeReturnReasonRoutes } from "./http/store/return-reasons/routes"
import { storeReturnRoutes } from "./http/store/returns/routes"
import { cachedCatalog, productTags } from "./http/store/catalog-cache"
import { customerGroups } from "./http/middlewares/customer-groups"

/** Medusa's Store API: every route needs a publishable key. */
export function storeApi(custom: readonly ApiRoute[] = []) {
  const api = new Hono<AppEnv>()
    .use(requirePublishableKey())
    .use(
      "/regions/*",
      cachedCatalog(() => ["regions"]),
    )
    .use("/products/*", customerGroups(), cachedCatalog(productTags))
    .use("/product-variants/*", customerGroups(), cachedCatalog(productTags))
    .use(
      "/product-categories/*",
      cachedCatalog(() => ["products", "prices", "channels"]),
    )
    .use(
      "/collections/*",
      cachedCatalog(() => ["products", "prices", "channels"]),
    )
    .route("/regions", storeRegionRoutes)
    .route("/products", storeProductRoutes)
    .route("/product-variants", storeVariantRoutes)
    .route("/product-categories", storeCategoryRoutes)
    .route("/collections", storeCollectionRoutes)
    .route("/carts", storeCartRoutes)
    .route("/shipping-options", storeShippingOptionRoutes)
    .route("/payment-collections", storePaymentCollectionRoutes)
    .route("/payment-providers", storePaymentProviderRoutes)
    .route("/orders", storeOrderRoutes)
    .route("/customers", storeCustomerRoutes)
    .route("/return-reasons", storeReturnReasonRoutes)
    .route("/returns", storeReturnRoutes)
  // The project's and plugins' /store routes, behind the same key check.
  mountRoutes(api, custom, "/store")
  return api
}
