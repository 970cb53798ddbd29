import { bundleRoutes } from "./bundle-routes"

export const adminClaimRoutes = bundleRoutes("claim")
export const adminExchangeRoutes = bundleRoutes("exchange")
