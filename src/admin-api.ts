import { Hono } from "hono"
import { authenticate } from "./http/middlewares/authenticate"
import { mountRoutes, type ApiRoute } from "./core/extensions"
import type { AppEnv } from "./core/types"
import { adminApiKeyRoutes } from "./http/admin/api-keys/routes"
import { adminCustomerRoutes } from "./http/admin/customers/routes"
import { adminCustomerGroupRoutes } from "./http/admin/customer-groups/routes"
import { adminSalesChannelRoutes } from "./http/admin/sales-channels/routes"
import { adminFulfillmentRoutes } from "./http/admin/fulfillment/routes"
import { adminShippingOptionRoutes } from "./http/admin/shipping-options/routes"
import { adminShippingOptionTypeRoutes } from "./http/admin/shipping-option-types/routes"
import { adminInventoryExportRoutes } from "./http/admin/inventory/export"
import { adminInventoryRoutes } from "./http/admin/inventory/routes"
import { adminOrderRoutes } from "./http/admin/orders/routes"
import { adminOrderExportRoutes } from "./http/admin/orders/export"
import { adminDraftOrderRoutes } from "./http/admin/draft-orders/routes"
import { adminClaimRoutes, adminExchangeRoutes } from "./http/admin/order-changes/routes"
import { adminReturnRoutes } from "./http/admin/returns/routes"
import { adminOrderEditRoutes } from "./http/admin/order-edits/routes"
import { adminPaymentCollectionRoutes } from "./http/admin/payment-collections/routes"
import { adminPaymentRoutes } from "./http/admin/payments/routes"
import { adminNotificationRoutes } from "./http/admin/notifications/routes"
import { adminRefundReasonRoutes } from "./http/admin/refund-reasons/routes"
import { adminWorkflowExecutionRoutes } from "./http/admin/workflow-executions"
import { adminReturnReasonRoutes } from "./http/admin/return-reasons/routes"
import { adminProductRoutes } from "./http/admin/products/routes"
import { adminProductBatchRoutes } from "./http/admin/products/batch"
import { adminProductImportRoutes } from "./http/admin/products/imports"
import { adminVariantImageRoutes } from "./http/admin/products/variant-images"
import { adminProductOptionRoutes } from "./http/admin/product-options/routes"
import { adminVariantRoutes } from "./http/admin/product-variants/routes"
import { adminCategoryRoutes, adminCollectionRoutes } from "./http/admin/catalog/routes"
import { adminTagRoutes, adminTypeRoutes } from "./http/admin/product-tags-types/routes"
import { adminRegionRoutes } from "./http/admin/regions/routes"
import { adminStoreRoutes } from "./http/admin/stores/routes"
import { adminStockLocationRoutes } from "./http/admin/stock-locations/routes"
import { adminTaxRateRoutes, adminTaxRegionRoutes } from "./http/admin/tax/routes"
import { adminTaxProviderRoutes } from "./http/admin/tax/providers"
import { adminCurrencyRoutes } from "./http/admin/currencies"
import { adminPricePreferenceRoutes } from "./http/admin/price-preferences"
import { adminPriceListRoutes } from "./http/admin/price-lists/routes"
import { adminDashboardSettingsRoutes, publicDashboardRoutes } from "./http/admin/dashboard-settings"
import { acceptInviteRoute, adminUserRoutes } from "./http/admin/users/routes"
import { adminPromotionRoutes } from "./http/admin/promotions/routes"
import { adminCampaignRoutes } from "./http/admin/campaigns/routes"
import { adminUploadRoutes } from "./http/admin/uploads/routes"

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
    .route("/products", adminProductImportRoutes)
    .route("/products", adminVariantImageRoutes)
    .route("/products", adminProductRoutes)
    .route("/collections", adminCollectionRoutes)
    .route("/product-categories", adminCategoryRoutes)
    .route("/product-options", adminProductOptionRoutes)
    .route("/product-variants", adminVariantRoutes)
    .route("/product-tags", adminTagRoutes)
    .route("/product-types", adminTypeRoutes)
    .route("/", adminInventoryExportRoutes)
    .route("/", adminInventoryRoutes)
    .route("/", adminFulfillmentRoutes)
    .route("/shipping-options", adminShippingOptionRoutes)
    .route("/shipping-option-types", adminShippingOptionTypeRoutes)
    .route("/stock-locations", adminStockLocationRoutes)
    .route("/orders", adminOrderExportRoutes)
    .route("/orders", adminOrderRoutes)
    .route("/draft-orders", adminDraftOrderRoutes)
    .route("/returns", adminReturnRoutes)
    .route("/order-edits", adminOrderEditRoutes)
    .route("/payment-collections", adminPaymentCollectionRoutes)
    .route("/claims", adminClaimRoutes)
    .route("/exchanges", adminExchangeRoutes)
    .route("/payments", adminPaymentRoutes)
    .route("/notifications", adminNotificationRoutes)
    .route("/refund-reasons", adminRefundReasonRoutes)
    .route("/workflows-executions", adminWorkflowExecutionRoutes)
    .route("/return-reasons", adminReturnReasonRoutes)
    .route("/sales-channels", adminSalesChannelRoutes)
    .route("/tax-regions", adminTaxRegionRoutes)
    .route("/tax-rates", adminTaxRateRoutes)
    .route("/tax-providers", adminTaxProviderRoutes)
    .route("/api-keys", adminApiKeyRoutes)
    .route("/stores", adminStoreRoutes)
    .route("/currencies", adminCurrencyRoutes)
    .route("/price-preferences", adminPricePreferenceRoutes)
    .route("/price-lists", adminPriceListRoutes)
    .route("/promotions", adminPromotionRoutes)
    .route("/campaigns", adminCampaignRoutes)
    .route("/uploads", adminUploadRoutes)
    .route("/", adminDashboardSettingsRoutes)
  // The project's and plugins' /admin routes, behind the same admin check.
  mountRoutes(api, custom, "/admin")
  return api
}
