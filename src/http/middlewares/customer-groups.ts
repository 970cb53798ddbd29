import type { MiddlewareHandler } from "hono"
import type { AppEnv } from "../../core/types"
import { authenticate } from "./authenticate"

const optionalCustomer = authenticate("customer", { allowUnauthenticated: true })

/**
 * On Store catalog reads: a logged-in customer's groups, read once, before the catalog cache (its
 * key holds them, since price lists may price groups apart) and the pricing context use them.
 */
export function customerGroups(): MiddlewareHandler<AppEnv> {
  return (c, next) =>
    optionalCustomer(c, async () => {
      const customerId = c.var.auth?.actor_type === "customer" ? c.var.auth.actor_id : undefined
      c.set(
        "customerGroupIds",
        customerId ? await c.var.scope.resolve("customerGroupService").groupIdsOf(customerId) : [],
      )
      await next()
    })
}
