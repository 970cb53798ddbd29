import { Hono } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import type { QueryConfig } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { createRegion, deleteRegion, updateRegion } from "../../../flows/region/regions"
import { REGION_ORDER_FIELDS, regionGraph } from "../../../modules/region/query-config"
import { storeListRegionsQuery, storeRetrieveRegionQuery } from "../../../modules/region/validators"
import { metadata } from "../../../core/metadata"

const adminRegionQuery: QueryConfig = {
  graph: regionGraph,
  defaults: [
    "id",
    "name",
    "currency_code",
    "automatic_taxes",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
    "*countries",
    "*payment_providers",
  ],
  maxDepth: 3,
}

const countryCode = z.string().regex(/^[a-zA-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" })
const regionFields = {
  name: z.string().min(1).max(200),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { error: "must be an ISO 4217 code" }),
  countries: z.array(countryCode).max(300).optional(),
  payment_providers: z.array(z.string().min(1)).max(50).optional(),
  automatic_taxes: z.boolean().optional(),
  is_tax_inclusive: z.boolean().optional(),
  metadata,
}
const createRegionBody = z.strictObject(regionFields)
const updateRegionBody = z.strictObject({
  ...regionFields,
  name: regionFields.name.optional(),
  currency_code: regionFields.currency_code.optional(),
})

const regions = (scope: AppEnv["Variables"]["scope"]) => scope.resolve("regionService")

/** Medusa's /admin/regions: CRUD, countries, payment providers, tax-inclusive prices. */
export const adminRegionRoutes = new Hono<AppEnv>()
  .get("/", query(storeListRegionsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, REGION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    return listResponse(c, "regions", adminRegionQuery, { fields, limit, offset }, () =>
      regions(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createRegionBody), async (c) => {
    const id = await createRegion(c.var.scope, c.req.valid("json"))
    return retrieveResponse(c, "region", adminRegionQuery, undefined, () => regions(c.var.scope).retrieve(id))
  })
  .get("/:id", query(storeRetrieveRegionQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "region", adminRegionQuery, fields, () =>
      regions(c.var.scope).retrieve(c.req.param("id")),
    )
  })
  .post("/:id", body(updateRegionBody), async (c) => {
    await updateRegion(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return retrieveResponse(c, "region", adminRegionQuery, undefined, () =>
      regions(c.var.scope).retrieve(c.req.param("id")),
    )
  })
  .delete("/:id", async (c) => {
    await deleteRegion(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "region", deleted: true })
  })
