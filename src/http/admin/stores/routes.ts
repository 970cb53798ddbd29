import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { listQuery, oneOrMany, retrieveQuery, validateQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
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

/** Checks that each default the body names exists (each lookup answers not_found otherwise). */
async function checkDefaults(tx: Scope, body: z.output<typeof updateStoreBody>) {
  if (body.default_region_id) await tx.resolve("regionService").retrieve(body.default_region_id)
  if (body.default_sales_channel_id) await tx.resolve("salesChannelService").retrieve(body.default_sales_channel_id)
  if (body.default_location_id) await tx.resolve("stockLocationService").retrieve(body.default_location_id)
}

/** Medusa's /admin/stores: the shop's name, currencies and defaults. */
export const adminStoreRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(
      c,
      z.object({ ...listQuery, id: oneOrMany.optional(), name: oneOrMany.optional(), q: z.string().optional() }),
    )
    return listResponse(c, "stores", adminStoreQuery, { fields, limit, offset }, () =>
      stores(c.var.scope).list(filters, orderingFor(adminStoreQuery, order), { limit, offset }),
    )
  })
  .get("/:id", async (c) => {
    const { fields } = validateQuery(c, z.object(retrieveQuery))
    return retrieveResponse(c, "store", adminStoreQuery, fields, () => stores(c.var.scope).retrieve(c.req.param("id")))
  })
  .post("/:id", async (c) => {
    const { supported_currencies, ...body } = await validateBody(c, updateStoreBody)
    const { fields } = validateQuery(c, z.object(retrieveQuery))
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      await stores(tx).retrieve(id)
      await checkDefaults(tx, body)
      await stores(tx).updateDefaults(id, body)
      if (supported_currencies) {
        await stores(tx).setCurrencies(id, supported_currencies)
        for (const currency of supported_currencies) {
          if (currency.is_tax_inclusive !== undefined) {
            await tx
              .resolve("pricingService")
              .setPreference("currency_code", currency.currency_code.toLowerCase(), currency.is_tax_inclusive)
          }
        }
      }
      await emitEvent(tx, "store.updated", { id })
    })
    return retrieveResponse(c, "store", adminStoreQuery, fields, () => stores(c.var.scope).retrieve(id))
  })
