import { Hono, type Context } from "hono"
import { z } from "zod"
import { validateBody } from "../../../core/body"
import {
  booleanString,
  dateFilters,
  listQuery,
  oneOrMany,
  retrieveQuery,
  validateQuery,
} from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { adminPaymentProviderQuery, adminPaymentQuery, withJsonAmounts } from "../../../modules/payment/query-config"

const payments = (c: Context<AppEnv>) => c.var.scope.resolve("paymentService")

/** `{ payment }` as it is now, shaped by `fields`. */
async function paymentResponse(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, z.object(retrieveQuery))
  return retrieveResponse(c, "payment", adminPaymentQuery, fields, async () =>
    withJsonAmounts(await payments(c).retrieve(id), "amount"),
  )
}

const refundBody = z.strictObject({
  amount: z.number({ error: "must be a number" }).finite().positive({ error: "must be more than 0" }).optional(),
  refund_reason_id: z.string().min(1).nullish(),
  note: z.string().max(2000).nullish(),
})

/** Medusa's /admin/payments: list and read payments and providers, capture and refund. */
export const adminPaymentRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(
      c,
      z.object({
        ...listQuery,
        q: z.string().optional(),
        id: oneOrMany.optional(),
        payment_session_id: oneOrMany.optional(),
        ...dateFilters,
      }),
    )
    return listResponse(c, "payments", adminPaymentQuery, { fields, limit, offset }, async () => {
      const { rows, count } = await payments(c).list(filters, orderingFor(adminPaymentQuery, order), { limit, offset })
      return { rows: rows.map((row) => withJsonAmounts(row, "amount")), count }
    })
  })
  // Before /:id, which would otherwise take "payment-providers" for an id.
  .get("/payment-providers", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(c, z.object({ ...listQuery, id: oneOrMany.optional(), is_enabled: booleanString.optional() }))
    return listResponse(c, "payment_providers", adminPaymentProviderQuery, { fields, limit, offset }, () =>
      payments(c).listProviders(
        filters,
        orderingFor(adminPaymentProviderQuery, order, { field: "id", direction: "asc" }),
        { limit, offset },
      ),
    )
  })
  .get("/:id", (c) => paymentResponse(c, c.req.param("id")))
  .post("/:id/capture", async (c) => {
    // Medusa takes an amount; the system provider captures the whole payment at once.
    await validateBody(c, z.strictObject({ amount: z.number().positive().optional() }))
    await transaction(c.var.scope, async (tx) => {
      const payment = await tx.resolve("paymentService").capture(c.req.param("id"))
      await emitEvent(tx, "payment.captured", { id: payment.id })
    })
    return paymentResponse(c, c.req.param("id"))
  })
  .post("/:id/refund", async (c) => {
    const { amount, ...body } = await validateBody(c, refundBody)
    await transaction(c.var.scope, async (tx) => {
      const refund = await tx.resolve("paymentService").refund(c.req.param("id"), {
        ...body,
        amount: amount === undefined ? undefined : String(amount),
        created_by: c.var.auth?.actor_id,
      })
      await emitEvent(tx, "payment.refunded", { id: refund.payment_id })
    })
    return paymentResponse(c, c.req.param("id"))
  })
