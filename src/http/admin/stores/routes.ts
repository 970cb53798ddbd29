import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { updateStore } from "../../../flows/store/store"
import { adminStoreQuery } from "../../../modules/store/query-config"
import { metadata } from "../../../core/metadata"

const stores = (scope: Scope) => scope.resolve("storeService")

const updateStoreBody = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  supported_currencies: z
    .array(
      z.strictObject({
        currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { error: "must be an ISO 4217 code" }),
        is_default: z.boolean().optional(),
        is_tax_inclusive: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(50)
    .refine((list) => list.filter((entry) => entry.is_default).length <= 1, {
      error: "only one currency can be the default",
    })
    .refine((list) => new Set(list.map((entry) => entry.currency_code.toLowerCase())).size === list.length, {
      error: "lists a currency twice",
    })
    .optional(),
  default_sales_channel_id: z.string().min(1).nullish(),
  default_region_id: z.string().min(1).nullish(),
  default_location_id: z.string().min(1).nullish(),
  metadata,
})
const listStoresQuery = z.object({
  ...listQuery,
  id: oneOrMany.optional(),
  name: oneOrMany.optional(),
  q: z.string().optional(),
})
const fieldsQuery = z.object(retrieveQuery)

/** Medusa's /admin/stores: the shop's name, currencies and defaults. */
export const adminStoreRoutes = new Hono<AppEnv>()
  .get("/", query(listStoresQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "stores", adminStoreQuery, { fields, limit, offset }, () =>
      stores(c.var.scope).list(filters, orderingFor(adminStoreQuery, order), { limit, offset }),
    )
  })
  .get("/:id", query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "store", adminStoreQuery, fields, () => stores(c.var.scope).retrieve(c.req.param("id")))
  })
  .post("/:id", body(updateStoreBody), query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    const id = c.req.param("id")
    await updateStore(c.var.scope, id, c.req.valid("json"))
    return retrieveResponse(c, "store", adminStoreQuery, fields, () => stores(c.var.scope).retrieve(id))
  })
