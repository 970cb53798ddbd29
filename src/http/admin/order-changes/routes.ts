import { emptyResource } from "../../../core/empty-resource"
import { oneOrMany } from "../../../core/query/params"

// Medusa's lists of an order's returns, claims and exchanges: none can be made in this backend yet.
const changeFilters = { order_id: oneOrMany.optional(), status: oneOrMany.optional() }

export const adminClaimRoutes = emptyResource("claims", "Claim", { filters: changeFilters })
export const adminExchangeRoutes = emptyResource("exchanges", "Exchange", { filters: changeFilters })
