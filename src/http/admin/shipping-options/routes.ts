import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import type { Row } from "../../../core/query/graph"
import { listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../../core/query/route"
import { orderingFor, requestedFor, shapeRows } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  batchShippingOptionRules,
  createShippingOption,
  deleteShippingOption,
  updateShippingOption,
} from "../../../flows/fulfillment/shipping-options"
import { adminShippingOptionQuery, adminShippingOptionRuleQuery } from "./query-config"
import { shippingOptionBody } from "../fulfillment/validators"

const options = (scope: Scope) => scope.resolve("shippingOptionService")
const fieldsQuery = z.object(retrieveQuery)
/** A route's context with `fields` declared (the retrieve query). */
// biome-ignore lint/suspicious/noExplicitAny: any path, since the helper serves every route of the resource
type FieldsContext = Context<AppEnv, any, { out: { query: z.output<typeof fieldsQuery> } }>

/** `{ shipping_option }` as it is now, shaped by `fields`. */
function optionResponse(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "shipping_option", adminShippingOptionQuery, fields, () =>
    options(c.var.scope).retrieve(id),
  )
}

const listOptionsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  service_zone_id: oneOrMany.optional(),
  shipping_profile_id: oneOrMany.optional(),
  provider_id: oneOrMany.optional(),
})
/** An existing type picked by id (Medusa 2.10+, what the dashboard sends): the alternative to an inline `type`. */
const typeId = z.string().min(1).optional()
const notBoth = (input: { type?: unknown; type_id?: unknown }) =>
  !(input.type !== undefined && input.type_id !== undefined)
const notBothIssue = { error: "give either type_id or type, not both", path: ["type_id"] }

const createOptionBody = shippingOptionBody
  .extend({
    price_type: shippingOptionBody.shape.price_type.default("flat"),
    type: shippingOptionBody.shape.type.optional(),
    type_id: typeId,
    prices: shippingOptionBody.shape.prices.default([]),
    rules: shippingOptionBody.shape.rules.default([]),
  })
  .refine(notBoth, notBothIssue)
  .refine((input) => input.type !== undefined || input.type_id !== undefined, {
    error: "type_id (or an inline type) is required",
    path: ["type_id"],
  })
/** An edit: any part of the option; the dashboard's edit form sends the option's rules back with their ids. */
const updateOptionBody = shippingOptionBody
  .partial()
  .extend({
    type_id: typeId,
    rules: z
      .array(shippingOptionBody.shape.rules.element.extend({ id: z.string().min(1).optional() }))
      .max(20)
      .optional(),
  })
  .refine(notBoth, notBothIssue)

const rule = z.strictObject({
  attribute: z.string().min(1).max(200),
  operator: z.enum(["in", "eq", "ne", "gt", "gte", "lt", "lte", "nin"]),
  value: z.union([z.string(), z.array(z.string()).max(100)]),
})

/** POST /admin/shipping-options/:id/rules/batch (Medusa's BatchMethodRequest). */
const rulesBatchBody = z.strictObject({
  create: z.array(rule).max(50).default([]),
  update: z
    .array(rule.extend({ id: z.string().min(1) }))
    .max(50)
    .default([]),
  delete: z.array(z.string().min(1)).max(50).default([]),
})

/** Medusa's /admin/shipping-options. */
export const adminShippingOptionRoutes = new Hono<AppEnv>()
  .get("/", query(listOptionsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "shipping_options", adminShippingOptionQuery, { fields, limit, offset }, () =>
      options(c.var.scope).list(filters, orderingFor(adminShippingOptionQuery, order), { limit, offset }),
    )
  })
  .post("/", body(createOptionBody), query(fieldsQuery), async (c) =>
    optionResponse(c, await createShippingOption(c.var.scope, c.req.valid("json"))),
  )
  .get("/:id", query(fieldsQuery), (c) => optionResponse(c, c.req.param("id")))
  .post("/:id", body(updateOptionBody), query(fieldsQuery), async (c) => {
    await updateShippingOption(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return optionResponse(c, c.req.param("id"))
  })
  .post("/:id/rules/batch", body(rulesBatchBody), query(fieldsQuery), async (c) => {
    const requested = requestedFor(adminShippingOptionRuleQuery, c.req.valid("query").fields)
    const result = await batchShippingOptionRules(c.var.scope, c.req.param("id"), c.req.valid("json"))
    const rules = await options(c.var.scope).rulesByIds([...result.created, ...result.updated])
    const shape = (ids: string[]) =>
      shapeRows(
        adminShippingOptionRuleQuery,
        rules.filter((r) => ids.includes(r.id)) as Row[],
        requested,
        queryContext(c),
      )
    return c.json({
      created: await shape(result.created),
      updated: await shape(result.updated),
      deleted: { ids: result.deleted, object: "shipping_option_rule", deleted: true },
    })
  })
  .delete("/:id", async (c) => {
    await deleteShippingOption(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "shipping_option", deleted: true })
  })

/**
 * Medusa's GET /admin/orders/:id/shipping-options: the options an exchange or claim can ship
 * (or take back) the order's units with, drawn as the admin list draws them. Every option is
 * offered: the dashboard keeps the return ones for inbound and the others for outbound.
 */
export const adminOrderShippingOptionRoutes = new Hono<AppEnv>().get(
  "/:id/shipping-options",
  query(z.object({ fields: z.string().optional() })),
  async (c) => {
    await c.var.scope.resolve("orderService").retrieve(c.req.param("id"))
    const page = { limit: 100, offset: 0 }
    // Medusa's order shipping options carry their location and rules without asking.
    const fields =
      c.req.valid("query").fields ??
      "*rules,*service_zone,*service_zone.fulfillment_set,*service_zone.fulfillment_set.location"
    return listResponse(c, "shipping_options", adminShippingOptionQuery, { fields, ...page }, () =>
      options(c.var.scope).list({}, orderingFor(adminShippingOptionQuery, undefined), page),
    )
  },
)
