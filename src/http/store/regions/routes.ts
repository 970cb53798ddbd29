import { Hono } from "hono"
import { query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { AppEnv } from "../../../core/types"
import { REGION_ORDER_FIELDS, storeRegionQuery } from "../../../modules/region/query-config"
import { storeListRegionsQuery, storeRetrieveRegionQuery } from "../../../modules/region/validators"

export const storeRegionRoutes = new Hono<AppEnv>()
  .get("/", query(storeListRegionsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, REGION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    const regions = c.var.scope.resolve("regionService")
    return listResponse(c, "regions", storeRegionQuery, { fields, limit, offset }, () =>
      regions.list(filters, ordering, { limit, offset }),
    )
  })
  .get("/:id", query(storeRetrieveRegionQuery), async (c) => {
    const { fields } = c.req.valid("query")
    const regions = c.var.scope.resolve("regionService")
    return retrieveResponse(c, "region", storeRegionQuery, fields, () => regions.retrieve(c.req.param("id")))
  })
