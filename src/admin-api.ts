import { Hono } from "hono"
import { authenticate } from "./core/auth/middleware"
import { mountRoutes, type ApiRoute } from "./core/extensions"
import type { AppEnv } from "./core/types"
import { adminApiKeyRoutes } from "./modules/api-key/admin"
import { adminCustomerRoutes } from "./modules/customer/admin"
import { adminCustomerGroupRoutes } from "./modules/customer/admin-customer-groups"
import { adminSalesChannelRoutes } from "./modules/sales-channel/admin"
import { adminFulfillmentRoutes } from "./modules/fulfillment/admin"
import { adminShippingOptionRoutes } from "./modules/fulfillment/admin-shipping-options"
import { adminInventoryRoutes } from "./modules/inventory/admin"
import { adminOrderRoutes } from "./modules/order/admin"
import { adminClaimRoutes, adminExchangeRoutes, adminReturnRoutes } from "./modules/order/admin-order-changes"
import { adminPaymentRoutes } from "./modules/payment/admin"
import { adminRefundReasonRoutes } from "./modules/payment/admin-refund-reasons"
import { adminProductRoutes } from "./modules/product/admin"
import { adminProductBatchRoutes } from "./modules/product/admin-batch"
import { adminProductOptionRoutes } from "./modules/product/admin-options"
import { adminVariantRoutes } from "./modules/product/admin-variants"
import { adminCategoryRoutes, adminCollectionRoutes } from "./modules/product/admin-catalog"
import { adminTagRoutes, adminTypeRoutes } from "./modules/product/admin-tags-types"
import { adminRegionRoutes } from "./modules/region/admin"
import { adminStoreRoutes } from "./modules/store/admin"
import { adminStockLocationRoutes } from "./modules/stock-location/admin"
import { adminTaxRateRoutes, adminTaxRegionRoutes } from "./modules/tax/admin"
import { adminCurrencyRoutes } from "./http/admin/currencies"
import { adminPricePreferenceRoutes } from "./http/admin/price-preferences"
import { adminDashboardSettingsRoutes, publicDashboardRoutes } from "./http/admin/dashboard-settings"
import { acceptInviteRoute, adminUserRoutes } from "./modules/user/admin"

/** Medusa's Admin API: every route needs an admin user (401 without, 403 for a customer). */
export function adminApi(custom: readonly ApiRoute[] = []) {
  const api = new Hono<AppEnv>()
    .route("/", acceptInviteRoute)
    .route("/", publicDashboardRoutes)
    .use(authenticate("user"))
    .route("/", adminUserRoutes)
    .route("/customers", adminCustomerRoutes)
    .route("/customer-groups", adminCustomerGroupRoutes)
    .route("/regions", adminRegionRoutes)
    // Before /products/:id, which would otherwise take "batch" for an id.
    .route("/products", adminProductBatchRoutes)
    .route("/products", adminProductRoutes)
    .route("/collections", adminCollectionRoutes)
    .route("/product-categories", adminCategoryRoutes)
    .route("/product-options", adminProductOptionRoutes)
    .route("/product-variants", adminVariantRoutes)
    .route("/product-tags", adminTagRoutes)
    .route("/product-types", adminTypeRoutes)
    .route("/", adminInventoryRoutes)
    .route("/", adminFulfillmentRoutes)
    .route("/shipping-options", adminShippingOptionRoutes)
    .route("/stock-locations", adminStockLocationRoutes)
    .route("/orders", adminOrderRoutes)
    .route("/returns", adminReturnRoutes)
    .route("/claims", adminClaimRoutes)
    .route("/exchanges", adminExchangeRoutes)
    .route("/payments", adminPaymentRoutes)
    .route("/refund-reasons", adminRefundReasonRoutes)
    .route("/sales-channels", adminSalesChannelRoutes)
    .route("/tax-regions", adminTaxRegionRoutes)
    .route("/tax-rates", adminTaxRateRoutes)
    .route("/api-keys", adminApiKeyRoutes)
    .route("/stores", adminStoreRoutes)
    .route("/currencies", adminCurrencyRoutes)
    .route("/price-preferences", adminPricePreferenceRoutes)
    .route("/", adminDashboardSettingsRoutes)
  // The project's and plugins' /admin routes, behind the same admin check.
  mountRoutes(api, custom, "/admin")
  return api
}
