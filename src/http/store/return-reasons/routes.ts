import { Hono } from "hono"
import { z } from "zod"
import { query } from "../../../core/input"
import { listQuery, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { returnReasonQuery } from "../../../modules/order/return-reason-service"

const listQuerySchema = z.object(listQuery)
const fieldsQuery = z.object(retrieveQuery)

/** Medusa's /store/return-reasons: the reasons a customer picks from when sending items back. */
export const storeReturnReasonRoutes = new Hono<AppEnv>()
  .get("/", query(listQuerySchema), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...dates } = c.req.valid("query")
    const ordering = orderingFor(returnReasonQuery, order)
    const reasons = c.var.scope.resolve("returnReasonService")
    return listResponse(c, "return_reasons", returnReasonQuery, { fields, limit, offset }, () =>
      reasons.list(dates, ordering, { limit, offset }),
    )
  })
  .get("/:id", query(fieldsQuery), async (c) => {
    const reasons = c.var.scope.resolve("returnReasonService")
    return retrieveResponse(c, "return_reason", returnReasonQuery, c.req.valid("query").fields, () =>
      reasons.retrieve(c.req.param("id")),
    )
  })
