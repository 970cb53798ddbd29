import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { createReturnReason, deleteReturnReason, updateReturnReason } from "../../../flows/order/return-reasons"
import { returnReasonQuery } from "../../../modules/order/return-reason-service"
import { createReturnReasonBody, listReturnReasonsQuery, updateReturnReasonBody } from "./validators"

const reasons = (scope: Scope) => scope.resolve("returnReasonService")
const fieldsQuery = z.object(retrieveQuery)

const respondReason = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "return_reason", returnReasonQuery, fields, () => reasons(c.var.scope).retrieve(id))

/** Medusa's /admin/return-reasons: why items come back, offered when a return is requested. A value is unique. */
export const adminReturnReasonRoutes = new Hono<AppEnv>()
  .get("/", query(listReturnReasonsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = orderingFor(returnReasonQuery, order)
    return listResponse(c, "return_reasons", returnReasonQuery, { fields, limit, offset }, () =>
      reasons(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createReturnReasonBody), query(fieldsQuery), async (c) => {
    const created = await createReturnReason(c.var.scope, c.req.valid("json"))
    return respondReason(c, created.id, c.req.valid("query").fields)
  })
  .get("/:id", query(fieldsQuery), (c) => respondReason(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(updateReturnReasonBody), query(fieldsQuery), async (c) => {
    const updated = await updateReturnReason(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondReason(c, updated.id, c.req.valid("query").fields)
  })
  .delete("/:id", async (c) => {
    const deleted = await deleteReturnReason(c.var.scope, c.req.param("id"))
    return c.json({ id: deleted.id, object: "return_reason", deleted: true })
  })
