import { Hono } from "hono"
import type { AppEnv } from "./core/types"
import { requirePublishableKey } from "./modules/api-key/publishable-key"
import { storeCategoryRoutes, storeCollectionRoutes } from "./modules/product/store-catalog"
import { storeProductRoutes } from "./modules/product/store"
import { storeRegionRoutes } from "./modules/region/store"

/** Medusa's Store API: every route needs a publishable key. */
export function storeApi() {
  return new Hono<AppEnv>()
    .use(requirePublishableKey())
    .route("/regions", storeRegionRoutes)
    .route("/products", storeProductRoutes)
    .route("/product-categories", storeCategoryRoutes)
    .route("/collections", storeCollectionRoutes)
}
