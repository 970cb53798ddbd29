import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { MedusaError } from "../../../core/errors"
import { body, query } from "../../../core/input"
import { booleanString, listQuery, noQuery, oneOrMany, parseOrder } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import { selectJson } from "../../../core/query/select-json"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  createServiceZone,
  deleteFulfillmentSet,
  deleteServiceZone,
  updateServiceZone,
} from "../../../flows/fulfillment/fulfillment-sets"
import {
  createShippingProfile,
  deleteShippingProfile,
  updateShippingProfile,
} from "../../../flows/fulfillment/shipping-profiles"
import { serviceZoneBody, shippingProfileBody } from "./validators"

const fulfillment = (scope: Scope) => scope.resolve("fulfillmentService")
const sets = (scope: Scope) => scope.resolve("fulfillmentSetService")
const profiles = (scope: Scope) => scope.resolve("shippingProfileService")
const shippingProfileQuery = entityQuery(["name", "type", "metadata", "created_at", "updated_at", "deleted_at"])

const listProvidersQuery = z.object({
  ...listQuery,
  id: oneOrMany.optional(),
  stock_location_id: oneOrMany.optional(),
  is_enabled: booleanString.optional(),
  q: z.string().max(200).optional(),
})
const listProfilesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
  type: oneOrMany.optional(),
})
const createZoneBody = serviceZoneBody.extend({ geo_zones: serviceZoneBody.shape.geo_zones.default([]) })
const createProfileBody = shippingProfileBody.extend({ type: shippingProfileBody.shape.type.default("default") })
/** What the manual provider offers when a shipping option is set up (Medusa's manual provider's options). */
const MANUAL_FULFILLMENT_OPTIONS = [{ id: "manual-fulfillment" }, { id: "manual-fulfillment-return", is_return: true }]

/** Medusa's /admin/fulfillment-sets (with their service zones) and /admin/shipping-profiles. */
export const adminFulfillmentRoutes = new Hono<AppEnv>()
  .get("/fulfillment-providers", query(listProvidersQuery), async (c) => {
    const { limit = 20, offset = 0, fields, order, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["id", "is_enabled"], { field: "id", direction: "asc" })
    const { rows, count } = await fulfillment(c.var.scope).listProviders(filters, ordering, { limit, offset })
    return c.json({ fulfillment_providers: rows.map((row) => selectJson(row, fields)), count, offset, limit })
  })
  .get("/fulfillment-providers/:id/options", query(noQuery), async (c) => {
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
    await deleteFulfillmentSet(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "fulfillment_set", deleted: true })
  })
  .post("/fulfillment-sets/:id/service-zones", body(createZoneBody), async (c) => {
    await createServiceZone(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return c.json({ fulfillment_set: await fulfillment(c.var.scope).retrieveFulfillmentSet(c.req.param("id")) })
  })
  .get("/fulfillment-sets/:id/service-zones/:zone_id", async (c) =>
    c.json({ service_zone: await sets(c.var.scope).retrieveServiceZone(c.req.param("id"), c.req.param("zone_id")) }),
  )
  .post("/fulfillment-sets/:id/service-zones/:zone_id", body(serviceZoneBody.partial()), async (c) => {
    await updateServiceZone(c.var.scope, c.req.param("id"), c.req.param("zone_id"), c.req.valid("json"))
    return c.json({ fulfillment_set: await fulfillment(c.var.scope).retrieveFulfillmentSet(c.req.param("id")) })
  })
  .delete("/fulfillment-sets/:id/service-zones/:zone_id", async (c) => {
    await deleteServiceZone(c.var.scope, c.req.param("id"), c.req.param("zone_id"))
    const parent = await fulfillment(c.var.scope).retrieveFulfillmentSet(c.req.param("id"))
    return c.json({ id: c.req.param("zone_id"), object: "service_zone", deleted: true, parent })
  })
  .get("/shipping-profiles", query(listProfilesQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "shipping_profiles", shippingProfileQuery, { fields, limit, offset }, () =>
      profiles(c.var.scope).list(filters, orderingFor(shippingProfileQuery, order), { limit, offset }),
    )
  })
  .post("/shipping-profiles", body(createProfileBody), async (c) =>
    c.json({ shipping_profile: await createShippingProfile(c.var.scope, c.req.valid("json")) }),
  )
  .get("/shipping-profiles/:id", async (c) =>
    c.json({ shipping_profile: await profiles(c.var.scope).retrieve(c.req.param("id")) }),
  )
  .post("/shipping-profiles/:id", body(shippingProfileBody.partial()), async (c) =>
    c.json({ shipping_profile: await updateShippingProfile(c.var.scope, c.req.param("id"), c.req.valid("json")) }),
  )
  .delete("/shipping-profiles/:id", async (c) => {
    await deleteShippingProfile(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "shipping_profile", deleted: true })
  })
