import { Hono } from "hono"
import { z } from "zod"
import { MedusaError } from "../../core/errors"
import { dateFilters, listQuery, oneOrMany, validateQuery } from "../../core/query/params"
import type { AppEnv } from "../../core/types"

const listChangesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  order_id: oneOrMany.optional(),
  status: oneOrMany.optional(),
  ...dateFilters,
})

/**
 * Medusa's lists of an order's returns, claims and exchanges. None can be made in this backend
 * yet, so each list is empty (with Medusa's paging fields) and each id is not found.
 */
function emptyChangeRoutes(key: string, label: string) {
  return new Hono<AppEnv>()
    .get("/", (c) => {
      const { limit = 20, offset = 0 } = validateQuery(c, listChangesQuery)
      return c.json({ [key]: [], count: 0, offset, limit })
    })
    .get("/:id", (c) => {
      throw new MedusaError("not_found", `${label} with id: ${c.req.param("id")} was not found`)
    })
}

export const adminReturnRoutes = emptyChangeRoutes("returns", "Return")
export const adminClaimRoutes = emptyChangeRoutes("claims", "Claim")
export const adminExchangeRoutes = emptyChangeRoutes("exchanges", "Exchange")
