import { Hono, type Context } from "hono"
import { z } from "zod"
import { validateBody } from "../../../core/body"
import type { Scope } from "../../../core/container"
import {
  booleanString,
  listQuery,
  oneOrMany,
  parseOrder,
  retrieveQuery,
  validateQuery,
} from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import {
  adminTaxRateQuery,
  adminTaxRegionQuery,
  TAX_RATE_ORDER_FIELDS,
  TAX_REGION_ORDER_FIELDS,
} from "../../../modules/tax/query-config"
import { metadata } from "../../../core/metadata"

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

const taxes = (scope: Scope) => scope.resolve("taxAdminService")
// A rate without a percentage counts as 0 %, as Medusa treats a null rate.
const withRate = <T extends { rate?: string }>(input: T) => ({ ...input, rate: input.rate ?? "0" })

function respondRegion(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, z.object(retrieveQuery))
  return retrieveResponse(c, "tax_region", adminTaxRegionQuery, fields, () => taxes(c.var.scope).retrieveRegion(id))
}

function respondRate(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, z.object(retrieveQuery))
  return retrieveResponse(c, "tax_rate", adminTaxRateQuery, fields, () => taxes(c.var.scope).retrieveRate(id))
}

/** Medusa's /admin/tax-regions: where taxes apply, a country or a province in it. */
export const adminTaxRegionRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listRegionsQuery)
    const ordering = parseOrder(order, TAX_REGION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "tax_regions", adminTaxRegionQuery, { fields, limit, offset }, () =>
      taxes(c.var.scope).listRegions(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const { default_tax_rate, ...body } = await validateBody(c, createRegionBody)
    const region = await transaction(c.var.scope, (tx) =>
      taxes(tx).createRegion({ ...body, default_tax_rate: default_tax_rate && withRate(default_tax_rate) }),
    )
    return respondRegion(c, region.id)
  })
  .get("/:id", (c) => respondRegion(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateRegionBody)
    await transaction(c.var.scope, (tx) => taxes(tx).updateRegion(c.req.param("id"), body))
    return respondRegion(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, (tx) => taxes(tx).softDeleteRegion(c.req.param("id")))
    return c.json({ id: c.req.param("id"), object: "tax_region", deleted: true })
  })

/** Medusa's /admin/tax-rates: a cart's next calculation uses what is stored here. */
export const adminTaxRateRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listRatesQuery)
    const ordering = parseOrder(order, TAX_RATE_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "tax_rates", adminTaxRateQuery, { fields, limit, offset }, () =>
      taxes(c.var.scope).listRates(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, createRateBody)
    const id = await transaction(c.var.scope, (tx) => taxes(tx).createRate(withRate(body)))
    return respondRate(c, id)
  })
  .get("/:id", (c) => respondRate(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateRateBody)
    await transaction(c.var.scope, (tx) => taxes(tx).updateRate(c.req.param("id"), body))
    return respondRate(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, (tx) => taxes(tx).softDeleteRate(c.req.param("id")))
    return c.json({ id: c.req.param("id"), object: "tax_rate", deleted: true })
  })
