import { z } from "zod"
import { listQuery, oneOrMany, retrieveQuery } from "../../core/query/params"

export const storeListRegionsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
  currency_code: oneOrMany.optional(),
})

export const storeRetrieveRegionQuery = z.object(retrieveQuery)
