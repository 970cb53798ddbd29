import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, query } from "../../core/input"
import { listQuery, oneOrMany, parseOrder, retrieveQuery } from "../../core/query/params"
import { listResponse, retrieveResponse } from "../../core/query/route"
import { entityQuery } from "../../core/query/shape"
import type { AppEnv } from "../../core/types"
import {
  createPricePreference,
  deletePricePreference,
  updatePricePreference,
} from "../../flows/pricing/price-preference"

const ATTRIBUTES = ["currency_code", "region_id"] as const
const preferences = (scope: AppEnv["Variables"]["scope"]) => scope.resolve("pricePreferenceService")
const pricePreferenceQuery = entityQuery([
  "attribute",
  "value",
  "is_tax_inclusive",
  "created_at",
  "updated_at",
  "deleted_at",
])

const listPreferencesQuery = z.object({
  ...listQuery,
  id: oneOrMany.optional(),
  attribute: oneOrMany.pipe(z.array(z.enum(ATTRIBUTES))).optional(),
  value: oneOrMany.optional(),
})
const preferenceBody = z.strictObject({
  attribute: z.enum(ATTRIBUTES),
  value: z.string().min(1).max(200),
  is_tax_inclusive: z.boolean().optional(),
})
const respond = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "price_preference", pricePreferenceQuery, fields, () => preferences(c.var.scope).retrieve(id))

/** Medusa's /admin/price-preferences: whether a currency's or a region's prices include tax. */
export const adminPricePreferenceRoutes = new Hono<AppEnv>()
  .get("/", query(listPreferencesQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["id", "attribute", "value", "created_at", "updated_at"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "price_preferences", pricePreferenceQuery, { fields, limit, offset }, () =>
      preferences(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(preferenceBody), async (c) => {
    const created = await createPricePreference(c.var.scope, c.req.valid("json"))
    return respond(c, created.id)
  })
  .get("/:id", query(z.object(retrieveQuery)), async (c) => respond(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(preferenceBody.partial()), async (c) => {
    const updated = await updatePricePreference(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respond(c, updated.id)
  })
  .delete("/:id", async (c) => {
    await deletePricePreference(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "price_preference", deleted: true })
  })
