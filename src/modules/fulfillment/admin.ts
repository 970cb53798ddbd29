import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../core/container"
import { validateBody } from "../../core/body"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import type { PricingService } from "../pricing/service"
import type { RegionService } from "../region/service"
import type { StockLocationService } from "../stock-location/service"
import type { FulfillmentService } from "./service"

const fulfillment = (scope: Scope) => scope.resolve<FulfillmentService>("fulfillmentService")
const locations = (scope: Scope) => scope.resolve<StockLocationService>("stockLocationService")
const countryCode = z.string().regex(/^[a-zA-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" })
const amount = z.number({ error: "must be a number" }).finite().nonnegative({ error: "must be 0 or more" })

async function locationJson(scope: Scope, id: string) {
  return { stock_location: { ...(await locations(scope).retrieve(id)), fulfillment_sets: await fulfillment(scope).setsOfLocation(id) } }
}

const addressBody = z.strictObject({
  address_1: z.string().min(1).max(500),
  address_2: z.string().max(500).nullish(),
  city: z.string().max(200).nullish(),
  country_code: countryCode,
  postal_code: z.string().max(50).nullish(),
  province: z.string().max(200).nullish(),
  phone: z.string().max(50).nullish(),
  company: z.string().max(200).nullish(),
})

const shippingOptionBody = z
  .strictObject({
    name: z.string().min(1).max(200),
    service_zone_id: z.string().min(1),
    shipping_profile_id: z.string().min(1),
    provider_id: z.string().min(1),
    price_type: z.enum(["flat", "calculated"]).default("flat"),
    type: z.strictObject({ label: z.string().min(1), description: z.string().optional(), code: z.string().min(1) }),
    prices: z
      .array(
        z.union([
          z.strictObject({ currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { error: "must be an ISO 4217 code" }), amount }),
          z.strictObject({ region_id: z.string().min(1), amount }),
        ]),
      )
      .max(50)
      .default([]),
    rules: z
      .array(z.strictObject({ attribute: z.string().min(1), operator: z.enum(["eq", "in", "ne"]), value: z.union([z.string(), z.array(z.string())]) }))
      .max(20)
      .default([]),
    data: z.record(z.string(), z.unknown()).optional(),
  })

/**
 * Where and how orders ship, set up through the Admin API: locations with their providers and
 * shipping fulfillment sets, service zones by country, shipping profiles and priced options.
 */
export const adminFulfillmentRoutes = new Hono<AppEnv>()
  .post("/stock-locations", async (c) => {
    const body = await validateBody(c, z.strictObject({ name: z.string().min(1).max(200), address: addressBody.optional() }))
    const id = await transaction(c.var.scope, async (tx) => {
      const location = await locations(tx).create({ name: body.name, address: body.address })
      await emitEvent(tx, "stock-location.created", { id: location.id })
      return location.id
    })
    return c.json(await locationJson(c.var.scope, id))
  })
  .post("/stock-locations/:id/fulfillment-providers", async (c) => {
    const { add } = await validateBody(c, z.strictObject({ add: z.array(z.string().min(1)).max(20).default([]), remove: z.array(z.string()).max(0).optional() }))
    await transaction(c.var.scope, async (tx) => {
      await locations(tx).retrieve(c.req.param("id"))
      for (const provider of add) await fulfillment(tx).enableProviderAt(provider, c.req.param("id"))
    })
    return c.json(await locationJson(c.var.scope, c.req.param("id")))
  })
  .post("/stock-locations/:id/fulfillment-sets", async (c) => {
    const body = await validateBody(c, z.strictObject({ name: z.string().min(1).max(200), type: z.enum(["shipping", "pickup"]) }))
    await transaction(c.var.scope, async (tx) => {
      await locations(tx).retrieve(c.req.param("id"))
      await fulfillment(tx).createFulfillmentSet(c.req.param("id"), body)
    })
    return c.json(await locationJson(c.var.scope, c.req.param("id")))
  })
  .post("/fulfillment-sets/:id/service-zones", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({ name: z.string().min(1).max(200), geo_zones: z.array(z.strictObject({ type: z.literal("country"), country_code: countryCode })).max(300).default([]) }),
    )
    const zone = await transaction(c.var.scope, (tx) =>
      fulfillment(tx).createServiceZone(c.req.param("id"), { name: body.name, country_codes: body.geo_zones.map((geo) => geo.country_code) }),
    )
    return c.json({ fulfillment_set: { id: c.req.param("id"), service_zones: [zone] } })
  })
  .get("/shipping-profiles", async (c) => {
    const profiles = await fulfillment(c.var.scope).listShippingProfiles()
    return c.json({ shipping_profiles: profiles, count: profiles.length, offset: 0, limit: profiles.length })
  })
  .post("/shipping-profiles", async (c) => {
    const body = await validateBody(c, z.strictObject({ name: z.string().min(1).max(200), type: z.string().min(1).max(50).default("default") }))
    const profile = await transaction(c.var.scope, (tx) => fulfillment(tx).createShippingProfile(body))
    return c.json({ shipping_profile: profile })
  })
  .post("/shipping-options", async (c) => {
    const { prices, ...body } = await validateBody(c, shippingOptionBody)
    const id = await transaction(c.var.scope, async (tx) => {
      const option = await fulfillment(tx).createShippingOption(body)
      // A price for a region is in that region's currency with a region rule, as Medusa stores it.
      const priced = []
      for (const price of prices) {
        if ("currency_code" in price) priced.push({ currency_code: price.currency_code, amount: String(price.amount) })
        else {
          const region = await tx.resolve<RegionService>("regionService").retrieve(price.region_id)
          priced.push({ currency_code: region.currency_code, amount: String(price.amount), rules: { region_id: region.id } })
        }
      }
      await tx.resolve<PricingService>("pricingService").createShippingOptionPrices(option.id, priced)
      await emitEvent(tx, "shipping-option.created", { id: option.id })
      return option.id
    })
    return c.json({ shipping_option: await fulfillment(c.var.scope).retrieveShippingOption(id) })
  })
  .get("/shipping-options/:id", async (c) => c.json({ shipping_option: await fulfillment(c.var.scope).retrieveShippingOption(c.req.param("id")) }))
