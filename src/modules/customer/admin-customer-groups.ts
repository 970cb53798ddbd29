import { Hono } from "hono"
import { z } from "zod"
import { MedusaError } from "../../core/errors"
import { dateFilters, listQuery, oneOrMany, validateQuery } from "../../core/query/params"
import type { AppEnv } from "../../core/types"

/**
 * A stand-in for Medusa's /admin/customer-groups until customer groups exist here: the list is
 * empty (so the dashboard's customer pages, which list a customer's groups, work), a group is
 * not found.
 */
export const adminCustomerGroupRoutes = new Hono<AppEnv>()
  .get("/", (c) => {
    const { limit = 50, offset = 0 } = validateQuery(
      c,
      z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), name: oneOrMany.optional(), customers: z.unknown().optional(), ...dateFilters }),
    )
    return c.json({ customer_groups: [], count: 0, offset, limit })
  })
  .get("/:id", (c) => {
    throw new MedusaError("not_found", `Customer group with id: ${c.req.param("id")} was not found`)
  })
