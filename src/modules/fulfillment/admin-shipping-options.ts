import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../core/container"
import { validateBody } from "../../core/body"
import { listQuery, oneOrMany, validateQuery } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import type { PriceInput, PricingService } from "../pricing/service"
import type { RegionService } from "../region/service"
import type { FulfillmentService } from "./service"
import type { ShippingOptionService } from "./shipping-option-service"
import { shippingOptionBody, type shippingOptionPrices } from "./validators"

const options = (scope: Scope) => scope.resolve<ShippingOptionService>("shippingOptionService")
const pricing = (scope: Scope) => scope.resolve<PricingService>("pricingService")

/** A price for a region is in that region's currency with a region rule, as Medusa stores it. */
async function priceInputs(tx: Scope, prices: z.output<typeof shippingOptionPrices>): Promise<PriceInput[]> {
  const inputs: PriceInput[] = []
  for (const price of prices) {
    if ("currency_code" in price) inputs.push({ currency_code: price.currency_code, amount: String(price.amount) })
    else {
      const region = await tx.resolve<RegionService>("regionService").retrieve(price.region_id)
      inputs.push({ currency_code: region.currency_code, amount: String(price.amount), rules: { region_id: region.id } })
    }
  }
  return inputs
}

/** Options as the Admin API shows them: with rules, type and every price. */
async function optionsJson(scope: Scope, rows: Awaited<ReturnType<ShippingOptionService["retrieve"]>>[]) {
  const prices = await pricing(scope).pricesOfShippingOptions(rows.map((row) => row.id))
  return rows.map((row) => ({ ...row, prices: prices.get(row.id) ?? [] }))
}

async function optionJson(scope: Scope, id: string) {
  const [json] = await optionsJson(scope, [await options(scope).retrieve(id)])
  return { shipping_option: json }
}

/** Medusa's /admin/shipping-options. */
export const adminShippingOptionRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order: _o, fields: _f, ...filters } = validateQuery(
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
    const { rows, count } = await options(c.var.scope).list(filters, { limit, offset })
    return c.json({ shipping_options: await optionsJson(c.var.scope, rows), count, offset, limit })
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
      const option = await tx.resolve<FulfillmentService>("fulfillmentService").createShippingOption(body)
      await pricing(tx).createShippingOptionPrices(option.id, await priceInputs(tx, prices))
      await emitEvent(tx, "shipping-option.created", { id: option.id })
      return option.id
    })
    return c.json(await optionJson(c.var.scope, id))
  })
  .get("/:id", async (c) => c.json(await optionJson(c.var.scope, c.req.param("id"))))
  .post("/:id", async (c) => {
    const { prices, ...body } = await validateBody(c, shippingOptionBody.partial())
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      await options(tx).update(id, body)
      if (prices) await pricing(tx).replaceShippingOptionPrices(id, await priceInputs(tx, prices))
      await emitEvent(tx, "shipping-option.updated", { id })
    })
    return c.json(await optionJson(c.var.scope, id))
  })
  .delete("/:id", async (c) => {
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      await options(tx).softDelete(id)
      await emitEvent(tx, "shipping-option.deleted", { id })
    })
    return c.json({ id, object: "shipping_option", deleted: true })
  })
