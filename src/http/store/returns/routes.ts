import { Hono } from "hono"
import { z } from "zod"
import { body } from "../../../core/input"
import type { AppEnv } from "../../../core/types"
import { returnJson } from "../../../flows/order/return-view"
import { createStoreReturn } from "../../../flows/order/returns"
import { authenticate } from "../../middlewares/authenticate"
import { assertOrderAccess } from "../orders/routes"

const createReturnBody = z.object({
  order_id: z.string().min(1),
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        quantity: z
          .number()
          .int({ error: "quantity must be a whole number" })
          .min(1, { error: "quantity must be at least 1" }),
        reason_id: z.string().min(1).nullish(),
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1, { error: "items must name at least one item" })
    .max(200),
  // Medusa's clients may send a price; the option's own price is charged whatever it says.
  return_shipping: z.object({ option_id: z.string().min(1), price: z.number().optional() }),
  location_id: z.string().min(1).optional(),
  note: z.string().max(2000).optional(),
})

/** Medusa's POST /store/returns: the customer (or a guest holding the order's id) returns delivered units. */
export const storeReturnRoutes = new Hono<AppEnv>()
  .use(authenticate("customer", { allowUnauthenticated: true }))
  .post("/", body(createReturnBody), async (c) => {
    const input = c.req.valid("json")
    await assertOrderAccess(c, await c.var.scope.resolve("orderService").retrieve(input.order_id))
    const created = await createStoreReturn(c.var.scope, input)
    return c.json({ return: await returnJson(c.var.scope, created.id) })
  })
