import type { ResolvedConfig, RuntimeEnv } from "../config"
import type { AuthContext } from "./auth/jwt"
import type { Scope } from "./container"

/** Hono's environment for every route: Worker bindings and what middleware sets per request. */
export interface AppEnv {
  Bindings: RuntimeEnv
  Variables: {
    requestId: string
    config: ResolvedConfig
    /** the request's service container: `c.var.scope.resolve("storeService")` */
    scope: Scope
    /** the store request's publishable key, once checked */
    publishableKey?: { id: string; sales_channel_ids: string[] }
    /** the authenticated customer or user, once checked */
    auth?: AuthContext
    /** the logged-in customer's groups on Store catalog reads (price lists may name them) */
    customerGroupIds?: string[]
  }
}
