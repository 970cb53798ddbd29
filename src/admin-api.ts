import { Hono } from "hono"
import { authenticate } from "./core/auth/middleware"
import { mountRoutes, type ApiRoute } from "./core/extensions"
import type { AppEnv } from "./core/types"
import { adminApiKeyRoutes } from "./modules/api-key/admin"
import { adminCustomerRoutes } from "./modules/customer/admin"
import { adminSalesChannelRoutes } from "./modules/sales-channel/admin"
import { adminFulfillmentRoutes } from "./modules/fulfillment/admin"
import { adminShippingOptionRoutes } from "./modules/fulfillment/admin-shipping-options"
import { adminInventoryRoutes } from "./modules/inventory/admin"
import { adminOrderRoutes, adminPaymentRoutes } from "./modules/order/admin"
import { adminProductRoutes } from "./modules/product/admin"
import { adminCategoryRoutes, adminCollectionRoutes, adminTagAndTypeRoutes } from "./modules/product/admin-catalog"
import { adminRegionRoutes } from "./modules/region/admin"
import { adminStoreRoutes } from "./modules/store/admin"
import { adminStockLocationRoutes } from "./modules/stock-location/admin"
import { acceptInviteRoute, adminUserRoutes } from "./modules/user/admin"

/** Medusa's Admin API: every route needs an admin user (401 without, 403 for a customer). */
export function adminApi(custom: readonly ApiRoute[] = []) {
  const api = new Hono<AppEnv>()
    .route("/", acceptInviteRoute)
    .use(authenticate("user"))
    .route("/", adminUserRoutes)
    .route("/customers", adminCustomerRoutes)
    .route("/regions", adminRegionRoutes)
    .route("/products", adminProductRoutes)
    .route("/collections", adminCollectionRoutes)
    .route("/product-categories", adminCategoryRoutes)
    .route("/", adminTagAndTypeRoutes)
    .route("/", adminInventoryRoutes)
    .route("/", adminFulfillmentRoutes)
    .route("/shipping-options", adminShippingOptionRoutes)
    .route("/stock-locations", adminStockLocationRoutes)
    .route("/orders", adminOrderRoutes)
    .route("/payments", adminPaymentRoutes)
    .route("/sales-channels", adminSalesChannelRoutes)
    .route("/api-keys", adminApiKeyRoutes)
    .route("/stores", adminStoreRoutes)
  // The project's and plugins' /admin routes, behind the same admin check.
  mountRoutes(api, custom, "/admin")
  return api
}
