import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import type { Scope } from "../../../core/container"
import { booleanString, listQuery, oneOrMany, parseOrder, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { AppEnv } from "../../../core/types"
import {
  adminTaxRateQuery,
  adminTaxRegionQuery,
  TAX_RATE_ORDER_FIELDS,
  TAX_REGION_ORDER_FIELDS,
} from "../../../modules/tax/query-config"
import { metadata } from "../../../core/metadata"
import { createTaxRate, deleteTaxRate, updateTaxRate } from "../../../flows/tax/tax-rates"
import { createTaxRegion, deleteTaxRegion, updateTaxRegion } from "../../../flows/tax/tax-regions"

// A JSON number is read as the decimal it was written as (25.5 → "25.5"), then kept exact.
const rate = z
  .number({ error: "must be a number" })
  .finite()
  .nonnegative({ error: "must be 0 or more" })
  .transform((value) => String(value))
const rateFields = {
  rate: rate.optional(),
  code: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  is_combinable: z.boolean().optional(),
  metadata,
}
const createRateBody = z.strictObject({
  ...rateFields,
  tax_region_id: z.string().min(1),
  is_default: z.boolean().optional(),
})
const updateRateBody = z.strictObject({
  ...rateFields,
  code: rateFields.code.optional(),
  name: rateFields.name.optional(),
  is_default: z.boolean().optional(),
})
const createRegionBody = z.strictObject({
  country_code: z.string().regex(/^[a-zA-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" }),
  province_code: z.string().min(1).max(10).nullish(),
  parent_id: z.string().min(1).nullish(),
  provider_id: z.string().min(1).nullish(),
  metadata,
  default_tax_rate: z.strictObject(rateFields).optional(),
})
const updateRegionBody = z.strictObject({
  province_code: createRegionBody.shape.province_code,
  provider_id: createRegionBody.shape.provider_id,
  metadata,
})
const listRegionsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  country_code: oneOrMany.optional(),
  province_code: oneOrMany.optional(),
  parent_id: oneOrMany.optional(),
})
const listRatesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  tax_region_id: oneOrMany.optional(),
  is_default: booleanString.optional(),
})
const fieldsQuery = z.object(retrieveQuery)

const taxes = (scope: Scope) => scope.resolve("taxAdminService")
/** A route's context with `fields` declared (the retrieve query). */
// biome-ignore lint/suspicious/noExplicitAny: any path, since the helpers serve every route of the resource
type FieldsContext = Context<AppEnv, any, { out: { query: z.output<typeof fieldsQuery> } }>

function respondRegion(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "tax_region", adminTaxRegionQuery, fields, () => taxes(c.var.scope).retrieveRegion(id))
}

function respondRate(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "tax_rate", adminTaxRateQuery, fields, () => taxes(c.var.scope).retrieveRate(id))
}

/** Medusa's /admin/tax-regions: where taxes apply, a country or a province in it. */
export const adminTaxRegionRoutes = new Hono<AppEnv>()
  .get("/", query(listRegionsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, TAX_REGION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "tax_regions", adminTaxRegionQuery, { fields, limit, offset }, () =>
      taxes(c.var.scope).listRegions(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createRegionBody), query(fieldsQuery), async (c) => {
    const region = await createTaxRegion(c.var.scope, c.req.valid("json"))
    return respondRegion(c, region.id)
  })
  .get("/:id", query(fieldsQuery), (c) => respondRegion(c, c.req.param("id")))
  .post("/:id", body(updateRegionBody), query(fieldsQuery), async (c) => {
    await updateTaxRegion(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondRegion(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteTaxRegion(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "tax_region", deleted: true })
  })

/** Medusa's /admin/tax-rates: a cart's next calculation uses what is stored here. */
export const adminTaxRateRoutes = new Hono<AppEnv>()
  .get("/", query(listRatesQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, TAX_RATE_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "tax_rates", adminTaxRateQuery, { fields, limit, offset }, () =>
      taxes(c.var.scope).listRates(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createRateBody), query(fieldsQuery), async (c) => {
    const id = await createTaxRate(c.var.scope, c.req.valid("json"))
    return respondRate(c, id)
  })
  .get("/:id", query(fieldsQuery), (c) => respondRate(c, c.req.param("id")))
  .post("/:id", body(updateRateBody), query(fieldsQuery), async (c) => {
    await updateTaxRate(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondRate(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteTaxRate(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "tax_rate", deleted: true })
  })
