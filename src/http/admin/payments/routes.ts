import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import { booleanString, dateFilters, listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { capturePayment, refundPayment } from "../../../flows/payment/payments"
import { adminPaymentProviderQuery, adminPaymentQuery, withJsonAmounts } from "../../../modules/payment/query-config"

const payments = (c: Context<AppEnv>) => c.var.scope.resolve("paymentService")

/** `{ payment }` as it is now, shaped by `fields`. */
async function paymentResponse(c: Context<AppEnv>, id: string, fields: string | undefined) {
  return retrieveResponse(c, "payment", adminPaymentQuery, fields, async () =>
    withJsonAmounts(await payments(c).retrieve(id), "amount"),
  )
}

const fieldsQuery = z.object(retrieveQuery)
const listPaymentsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  payment_session_id: oneOrMany.optional(),
  ...dateFilters,
})
const listProvidersQuery = z.object({ ...listQuery, id: oneOrMany.optional(), is_enabled: booleanString.optional() })
// Medusa takes an amount; the payment is captured whole through its provider (no partial captures yet).
const captureBody = z.strictObject({ amount: z.number().positive().optional() })
const refundBody = z.strictObject({
  amount: z.number({ error: "must be a number" }).finite().positive({ error: "must be more than 0" }).optional(),
  refund_reason_id: z.string().min(1).nullish(),
  note: z.string().max(2000).nullish(),
})

/** Medusa's /admin/payments: list and read payments and providers, capture and refund. */
export const adminPaymentRoutes = new Hono<AppEnv>()
  .get("/", query(listPaymentsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "payments", adminPaymentQuery, { fields, limit, offset }, async () => {
      const { rows, count } = await payments(c).list(filters, orderingFor(adminPaymentQuery, order), { limit, offset })
      return { rows: rows.map((row) => withJsonAmounts(row, "amount")), count }
    })
  })
  // Before /:id, which would otherwise take "payment-providers" for an id.
  .get("/payment-providers", query(listProvidersQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "payment_providers", adminPaymentProviderQuery, { fields, limit, offset }, () =>
      payments(c).listProviders(
        filters,
        orderingFor(adminPaymentProviderQuery, order, { field: "id", direction: "asc" }),
        { limit, offset },
      ),
    )
  })
  .get("/:id", query(fieldsQuery), (c) => paymentResponse(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id/capture", body(captureBody), query(fieldsQuery), async (c) => {
    await capturePayment(c.var.scope, c.req.param("id"))
    return paymentResponse(c, c.req.param("id"), c.req.valid("query").fields)
  })
  .post("/:id/refund", body(refundBody), query(fieldsQuery), async (c) => {
    await refundPayment(c.var.scope, c.req.param("id"), { ...c.req.valid("json"), created_by: c.var.auth?.actor_id })
    return paymentResponse(c, c.req.param("id"), c.req.valid("query").fields)
  })
