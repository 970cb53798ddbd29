import { Hono } from "hono"
import { MedusaError } from "../../../core/errors"
import { query as declareQuery } from "../../../core/input"
import { queryContext, retrieveResponse } from "../../../core/query/route"
import { requestedFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { storeSalesChannels } from "../../middlewares/publishable-key"
import { regionPricingContext } from "../../../modules/product/pricing-context"
import { storeVariantQuery } from "../../../modules/product/query-config"
import { storeProductFilters } from "../../../modules/product/service"
import { storeRetrieveVariantQuery } from "../../../modules/product/validators"

/** Medusa adds `calculated_price.*` to a variant when a region is given and prices were not asked for. */
function withVariantPrices(fields: string | undefined, regionId: string | undefined) {
  if (!regionId || /(^|,)\s*[+*]?\s*\*?calculated_price/.test(fields ?? "")) return fields
  return fields ? `${fields},+calculated_price.*` : "+calculated_price.*"
}

/** GET /store/product-variants/:id (Medusa 2.11+): a variant of a published product in the key's sales channels. */
export const storeVariantRoutes = new Hono<AppEnv>().get("/:id", declareQuery(storeRetrieveVariantQuery), async (c) => {
  const query = c.req.valid("query")
  const id = c.req.param("id")
  const channels = storeSalesChannels(c.var.publishableKey?.sales_channel_ids ?? [], query.sales_channel_id)
  const requested = requestedFor(storeVariantQuery, withVariantPrices(query.fields, query.region_id))
  const wantsPrice = requested.relations.has("calculated_price") || requested.fields.has("calculated_price")
  const pricing = wantsPrice ? await regionPricingContext(c, query) : undefined
  const products = c.var.scope.resolve("productService")
  const notFound = () => new MedusaError("not_found", `Product variant with id: ${id} was not found`)
  return retrieveResponse(
    c,
    "variant",
    storeVariantQuery,
    requested,
    async () => {
      const { rows } = await products.listVariants(
        { id: [id] },
        { field: "id", direction: "asc" },
        { limit: 1, offset: 0 },
      )
      const variant = rows[0]
      if (!variant) throw notFound()
      await products.retrieve(variant.product_id, storeProductFilters(channels)).catch(() => {
        throw notFound()
      })
      return variant
    },
    queryContext(c, { salesChannelIds: channels, pricing }),
  )
})
