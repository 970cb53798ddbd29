import { Hono } from "hono"
import { z } from "zod"
import { MedusaError } from "./errors"
import { query as declaredQuery } from "./input"
import { dateFilters, listQuery, oneOrMany } from "./query/params"
import type { AppEnv } from "./types"

/**
 * A Medusa resource that this backend does not have yet, as Medusa answers for a store without
 * any: its list is empty (with Medusa's paging fields, the query still validated) and an id is not
 * found. The dashboard's pages list them (a customer's groups, an order's returns) and must not break.
 */
export function emptyResource(
  plural: string,
  label: string,
  options: { filters?: z.ZodRawShape; defaultLimit?: number } = {},
) {
  const query = z.object({
    ...listQuery,
    q: z.string().max(200).optional(),
    id: oneOrMany.optional(),
    ...dateFilters,
    ...options.filters,
  })
  return new Hono<AppEnv>()
    .get("/", declaredQuery(query), (c) => {
      const { limit = options.defaultLimit ?? 20, offset = 0 } = c.req.valid("query") as {
        limit?: number
        offset?: number
      }
      return c.json({ [plural]: [], count: 0, offset, limit })
    })
    .get("/:id", (c) => {
      throw new MedusaError("not_found", `${label} with id: ${c.req.param("id")} was not found`)
    })
}
