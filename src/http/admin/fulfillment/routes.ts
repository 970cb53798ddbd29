import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { MedusaError } from "../../../core/errors"
import { booleanString, listQuery, noQuery, oneOrMany, parseOrder, validateQuery } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import { selectJson } from "../../../core/query/select-json"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { productIdsOfShippingProfile } from "../../../modules/product/shipping-profile-links"
import { emitShippingOptionsDeleted } from "../../../modules/fulfillment/events"
import { serviceZoneBody, shippingProfileBody } from "./validators"

const fulfillment = (scope: Scope) => scope.resolve("fulfillmentService")
const sets = (scope: Scope) => scope.resolve("fulfillmentSetService")
const profiles = (scope: Scope) => scope.resolve("shippingProfileService")
const shippingProfileQuery = entityQuery(["name", "type", "metadata", "created_at", "updated_at", "deleted_at"])
const countryCodes = (geo?: { country_code: string }[]) => geo?.map((zone) => zone.country_code)

/** Medusa's /admin/fulfillment-sets (with their service zones) and /admin/shipping-profiles. */
const listProvidersQuery = z.object({
  ...listQuery,
  id: oneOrMany.optional(),
  stock_location_id: oneOrMany.optional(),
  is_enabled: booleanString.optional(),
  q: z.string().max(200).optional(),
})
/** What the manual provider offers when a shipping option is set up (Medusa's manual provider's options). */
const MANUAL_FULFILLMENT_OPTIONS = [{ id: "manual-fulfillment" }, { id: "manual-fulfillment-return", is_return: true }]

export const adminFulfillmentRoutes = new Hono<AppEnv>()
  .get("/fulfillment-providers", async (c) => {
    const { limit = 20, offset = 0, fields, order, ...filters } = validateQuery(c, listProvidersQuery)
    const ordering = parseOrder(order, ["id", "is_enabled"], { field: "id", direction: "asc" })
    const { rows, count } = await fulfillment(c.var.scope).listProviders(filters, ordering, { limit, offset })
    return c.json({ fulfillment_providers: rows.map((row) => selectJson(row, fields)), count, offset, limit })
  })
  .get("/fulfillment-providers/:id/options", async (c) => {
    validateQuery(c, noQuery)
    const { rows } = await fulfillment(c.var.scope).listProviders(
      { id: [c.req.param("id")] },
      { field: "id", direction: "asc" },
      { limit: 1, offset: 0 },
    )
    if (rows.length === 0)
      throw new MedusaError("not_found", `Fulfillment provider with id: ${c.req.param("id")} was not found`)
    const options = c.req.param("id").startsWith("manual") ? MANUAL_FULFILLMENT_OPTIONS : []
    return c.json({ fulfillment_options: options, count: options.length, offset: 0, limit: options.length })
  })
  .delete("/fulfillment-sets/:id", async (c) => {
    await transaction(c.var.scope, async (tx) =>
      emitShippingOptionsDeleted(tx, await sets(tx).deleteFulfillmentSet(c.req.param("id"))),
    )
    return c.json({ id: c.req.param("id"), object: "fulfillment_set", deleted: true })
  })
  .post("/fulfillment-sets/:id/service-zones", async (c) => {
    const body = await validateBody(
      c,
      serviceZoneBody.extend({ geo_zones: serviceZoneBody.shape.geo_zones.default([]) }),
    )
    await transaction(c.var.scope, (tx) =>
      fulfillment(tx).createServiceZone(c.req.param("id"), {
        name: body.name,
        country_codes: countryCodes(body.geo_zones)!,
      }),
    )
    return c.json({ fulfillment_set: await fulfillment(c.var.scope).retrieveFulfillmentSet(c.req.param("id")) })
  })
  .get("/fulfillment-sets/:id/service-zones/:zone_id", async (c) =>
    c.json({ service_zone: await sets(c.var.scope).retrieveServiceZone(c.req.param("id"), c.req.param("zone_id")) }),
  )
  .post("/fulfillment-sets/:id/service-zones/:zone_id", async (c) => {
    const body = await validateBody(c, serviceZoneBody.partial())
    await transaction(c.var.scope, (tx) =>
      sets(tx).updateServiceZone(c.req.param("id"), c.req.param("zone_id"), {
        name: body.name,
        country_codes: countryCodes(body.geo_zones),
      }),
    )
    return c.json({ fulfillment_set: await fulfillment(c.var.scope).retrieveFulfillmentSet(c.req.param("id")) })
  })
  .delete("/fulfillment-sets/:id/service-zones/:zone_id", async (c) => {
    await transaction(c.var.scope, async (tx) =>
      emitShippingOptionsDeleted(tx, await sets(tx).deleteServiceZone(c.req.param("id"), c.req.param("zone_id"))),
    )
    const parent = await fulfillment(c.var.scope).retrieveFulfillmentSet(c.req.param("id"))
    return c.json({ id: c.req.param("zone_id"), object: "service_zone", deleted: true, parent })
  })
  .get("/shipping-profiles", async (c) => {
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
        name: oneOrMany.optional(),
        type: oneOrMany.optional(),
      }),
    )
    return listResponse(c, "shipping_profiles", shippingProfileQuery, { fields, limit, offset }, () =>
      profiles(c.var.scope).list(filters, orderingFor(shippingProfileQuery, order), { limit, offset }),
    )
  })
  .post("/shipping-profiles", async (c) => {
    const body = await validateBody(
      c,
      shippingProfileBody.extend({ type: shippingProfileBody.shape.type.default("default") }),
    )
    const profile = await transaction(c.var.scope, (tx) => fulfillment(tx).createShippingProfile(body))
    return c.json({ shipping_profile: profile })
  })
  .get("/shipping-profiles/:id", async (c) =>
    c.json({ shipping_profile: await profiles(c.var.scope).retrieve(c.req.param("id")) }),
  )
  .post("/shipping-profiles/:id", async (c) => {
    const body = await validateBody(c, shippingProfileBody.partial())
    return c.json({
      shipping_profile: await transaction(c.var.scope, (tx) => profiles(tx).update(c.req.param("id"), body)),
    })
  })
  .delete("/shipping-profiles/:id", async (c) => {
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      const products = await productIdsOfShippingProfile(tx, id)
      if (products.length)
        throw new MedusaError(
          "invalid_data",
          `Cannot delete following shipping profiles because they are linked to products: ${products.join(", ")}`,
        )
      await profiles(tx).softDelete(id)
    })
    return c.json({ id, object: "shipping_profile", deleted: true })
  })
