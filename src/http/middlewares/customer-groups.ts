import type { MiddlewareHandler } from "hono"
import type { AppEnv } from "../../core/types"
import { authenticate } from "./authenticate"

const optionalCustomer = authenticate("customer", { allowUnauthenticated: true })

/**
 * On Store catalog reads: a logged-in customer's groups, read once, before the catalog cache (its
 * key holds them) and the pricing context use them. Only while an active price list names groups:
 * otherwise groups change no price, and a customer's read costs what a guest's does.
 */
export function customerGroups(): MiddlewareHandler<AppEnv> {
  return (c, next) =>
    optionalCustomer(c, async () => {
      const customerId = c.var.auth?.actor_type === "customer" ? c.var.auth.actor_id : undefined
      const scope = c.var.scope
      const priced =
        customerId &&
        (await scope
          .resolve("catalogCache")
          .read("price-lists-name-groups", ["prices"], () =>
            scope.resolve("priceListService").anyNamesCustomerGroups(),
          ))
      c.set("customerGroupIds", priced ? await scope.resolve("customerGroupService").groupIdsOf(customerId) : [])
      await next()
    })
}
