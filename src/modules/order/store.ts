import { Hono } from "hono"
import { z } from "zod"
import { validateQuery } from "../../core/query/params"
import { selectJson } from "../../core/query/select-json"
import type { AppEnv } from "../../core/types"
import { orderJson } from "./order-view"

/** GET /store/orders/:id: readable by whoever holds the (unguessable) id, as in Medusa. */
export const storeOrderRoutes = new Hono<AppEnv>().get("/:id", async (c) => {
  const { fields } = validateQuery(c, z.object({ fields: z.string().optional() }))
  return c.json({ order: selectJson(await orderJson(c.var.scope, c.req.param("id")), fields) })
})
