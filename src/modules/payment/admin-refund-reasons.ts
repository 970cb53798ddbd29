import { Hono } from "hono"
import { z } from "zod"
import { MedusaError } from "../../core/errors"
import { dateFilters, listQuery, oneOrMany, validateQuery } from "../../core/query/params"
import type { AppEnv } from "../../core/types"

/**
 * Medusa's /admin/refund-reasons, read side: no refund reasons can be defined here yet, so the
 * list is empty (a refund's refund_reason_id stays optional) and a reason is not found.
 */
export const adminRefundReasonRoutes = new Hono<AppEnv>()
  .get("/", (c) => {
    const { limit = 20, offset = 0 } = validateQuery(c, z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), ...dateFilters }))
    return c.json({ refund_reasons: [], count: 0, offset, limit })
  })
  .get("/:id", (c) => {
    throw new MedusaError("not_found", `Refund reason with id: ${c.req.param("id")} was not found`)
  })
