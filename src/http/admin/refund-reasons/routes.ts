import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { createRefundReason, deleteRefundReason, updateRefundReason } from "../../../flows/payment/refund-reasons"
import { refundReasonQuery } from "../../../modules/payment/refund-reason-service"
import { createRefundReasonBody, listRefundReasonsQuery, updateRefundReasonBody } from "./validators"

const reasons = (scope: Scope) => scope.resolve("refundReasonService")
const fieldsQuery = z.object(retrieveQuery)

const respondReason = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "refund_reason", refundReasonQuery, fields, () => reasons(c.var.scope).retrieve(id))

/**
 * Medusa's /admin/refund-reasons: why money is given back, offered when an admin refunds a payment.
 * A code is unique among live reasons; a deleted reason leaves the refunds made with it as they were.
 */
export const adminRefundReasonRoutes = new Hono<AppEnv>()
  .get("/", query(listRefundReasonsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = orderingFor(refundReasonQuery, order)
    return listResponse(c, "refund_reasons", refundReasonQuery, { fields, limit, offset }, () =>
      reasons(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createRefundReasonBody), query(fieldsQuery), async (c) => {
    const created = await createRefundReason(c.var.scope, c.req.valid("json"))
    return respondReason(c, created.id, c.req.valid("query").fields)
  })
  .get("/:id", query(fieldsQuery), (c) => respondReason(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(updateRefundReasonBody), query(fieldsQuery), async (c) => {
    const updated = await updateRefundReason(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondReason(c, updated.id, c.req.valid("query").fields)
  })
  .delete("/:id", async (c) => {
    const deleted = await deleteRefundReason(c.var.scope, c.req.param("id"))
    return c.json({ id: deleted.id, object: "refund_reason", deleted: true })
  })
