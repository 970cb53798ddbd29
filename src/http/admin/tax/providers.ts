import { Hono } from "hono"
import { z } from "zod"
import { query } from "../../../core/input"
import type { Row } from "../../../core/query/graph"
import { booleanString, listQuery, oneOrMany } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import { entityQuery } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"

/**
 * The tax providers this backend has: Medusa's built-in system provider only (no tax provider is
 * configurable here), which calculates with the tax regions' own rates.
 */
const TAX_PROVIDERS: readonly { id: string; is_enabled: boolean }[] = [{ id: "tp_system", is_enabled: true }]

const taxProviderQuery = entityQuery(["is_enabled"])

const listProvidersQuery = z.object({
  limit: listQuery.limit,
  offset: listQuery.offset,
  order: listQuery.order,
  fields: listQuery.fields,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  is_enabled: booleanString.optional(),
})

/** Medusa's GET /admin/tax-providers: `{ tax_providers: [{ id, is_enabled }], count, offset, limit }`. */
export const adminTaxProviderRoutes = new Hono<AppEnv>().get("/", query(listProvidersQuery), (c) => {
  const { limit = 20, offset = 0, q, id, is_enabled } = c.req.valid("query")
  const matching = TAX_PROVIDERS.filter(
    (provider) =>
      (!id || id.includes(provider.id)) &&
      (is_enabled === undefined || provider.is_enabled === is_enabled) &&
      (!q || provider.id.toLowerCase().includes(q.toLowerCase())),
  )
  return listResponse(
    c,
    "tax_providers",
    taxProviderQuery,
    { fields: c.req.valid("query").fields, limit, offset },
    async () => ({
      rows: matching.slice(offset, offset + limit).map((provider) => ({ ...provider }) as Row),
      count: matching.length,
    }),
  )
})
