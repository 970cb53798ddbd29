import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import type { Row } from "../../../core/query/graph"
import { listQuery, oneOrMany, retrieveQuery, validateQuery } from "../../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../../core/query/route"
import { orderingFor, requestedFor, shapeRows } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import type { PriceInput } from "../../../modules/pricing/service"
import { emitShippingOptionsDeleted } from "../../../modules/fulfillment/events"
import { adminShippingOptionQuery, adminShippingOptionRuleQuery } from "./query-config"
import { shippingOptionBody, type shippingOptionPrices } from "../fulfillment/validators"

const options = (scope: Scope) => scope.resolve("shippingOptionService")
const pricing = (scope: Scope) => scope.resolve("pricingService")

/** A price for a region is in that region's currency with a region rule, as Medusa stores it. */
async function priceInputs(tx: Scope, prices: z.output<typeof shippingOptionPrices>): Promise<PriceInput[]> {
  const inputs: PriceInput[] = []
  for (const price of prices) {
    if ("currency_code" in price) inputs.push({ currency_code: price.currency_code, amount: String(price.amount) })
    else {
      const region = await tx.resolve("regionService").retrieve(price.region_id)
      inputs.push({
        currency_code: region.currency_code,
        amount: String(price.amount),
        rules: { region_id: region.id },
      })
    }
  }
  return inputs
}

/** `{ shipping_option }` as it is now, shaped by `fields`. */
function optionResponse(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, z.object(retrieveQuery))
  return retrieveResponse(c, "shipping_option", adminShippingOptionQuery, fields, () =>
    options(c.var.scope).retrieve(id),
  )
}

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
        service_zone_id: oneOrMany.optional(),
        shipping_profile_id: oneOrMany.optional(),
        provider_id: oneOrMany.optional(),
      }),
    )
    return listResponse(c, "shipping_options", adminShippingOptionQuery, { fields, limit, offset }, () =>
      options(c.var.scope).list(filters, orderingFor(adminShippingOptionQuery, order), { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const { prices, ...body } = await validateBody(
      c,
      shippingOptionBody.extend({
        price_type: shippingOptionBody.shape.price_type.default("flat"),
        prices: shippingOptionBody.shape.prices.default([]),
        rules: shippingOptionBody.shape.rules.default([]),
      }),
    )
    const id = await transaction(c.var.scope, async (tx) => {
      await options(tx).assertReferences(body)
      const option = await tx.resolve("fulfillmentService").createShippingOption(body)
      await pricing(tx).createShippingOptionPrices(option.id, await priceInputs(tx, prices))
      await emitEvent(tx, "shipping-option.created", { id: option.id })
      return option.id
    })
    return optionResponse(c, id)
  })
  .get("/:id", (c) => optionResponse(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const { prices, ...body } = await validateBody(c, shippingOptionBody.partial())
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      await options(tx).update(id, body)
      if (prices) await pricing(tx).replaceShippingOptionPrices(id, await priceInputs(tx, prices))
      await emitEvent(tx, "shipping-option.updated", { id })
    })
    return optionResponse(c, id)
  })
  .post("/:id/rules/batch", async (c) => {
    const body = await validateBody(c, rulesBatchBody)
    const requested = requestedFor(adminShippingOptionRuleQuery, validateQuery(c, z.object(retrieveQuery)).fields)
    const result = await transaction(c.var.scope, (tx) => options(tx).batchRules(c.req.param("id"), body))
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
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      await options(tx).softDelete(id)
      await emitShippingOptionsDeleted(tx, [id])
    })
    return c.json({ id, object: "shipping_option", deleted: true })
  })
