import { Hono } from "hono"
import { z } from "zod"
import { body } from "../../../core/input"
import { withJsonAmounts } from "../../../modules/payment/query-config"
import type { AppEnv } from "../../../core/types"
import type { PaymentCollection } from "../../../modules/payment/service"
import { createOrderPaymentCollection, markPaymentCollectionPaid } from "../../../flows/order/payment-difference"

const createBody = z.object({
  order_id: z.string().min(1),
  amount: z.number().positive({ error: "amount must be more than 0" }).max(1e12).optional(),
})
const markPaidBody = z.object({ order_id: z.string().min(1) })

const collectionJson = (collection: PaymentCollection) =>
  withJsonAmounts(collection, "amount", "authorized_amount", "captured_amount", "refunded_amount")

/** Medusa's /admin/payment-collections: a collection for what an order still owes, and marking it paid. */
export const adminPaymentCollectionRoutes = new Hono<AppEnv>()
  .post("/", body(createBody), async (c) => {
    const { order_id, amount } = c.req.valid("json")
    return c.json({
      payment_collection: collectionJson(await createOrderPaymentCollection(c.var.scope, order_id, amount)),
    })
  })
  .post("/:id/mark-as-paid", body(markPaidBody), async (c) => {
    const collection = await markPaymentCollectionPaid(c.var.scope, c.req.param("id"), c.req.valid("json").order_id)
    return c.json({ payment_collection: collectionJson(collection) })
  })
