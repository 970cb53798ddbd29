import { Hono, type Context } from "hono"
import { query as declareQuery } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../../core/query/route"
import { requestedFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { storeSalesChannels } from "../../middlewares/publishable-key"
import { pricingContextFor, withPricesForRegion } from "../../../modules/product/pricing-context"
import { PRODUCT_ORDER_FIELDS, storeProductQuery } from "../../../modules/product/query-config"
import { storeProductFilters } from "../../../modules/product/service"
import { storeListProductsQuery, storeRetrieveProductQuery } from "../../../modules/product/validators"

async function storeContext(
  c: Context<AppEnv>,
  query: { fields?: string; region_id?: string; country_code?: string; province?: string; sales_channel_id?: string[] },
) {
  const channels = storeSalesChannels(c.var.publishableKey?.sales_channel_ids ?? [], query.sales_channel_id)
  const requested = requestedFor(storeProductQuery, withPricesForRegion(query.fields, query))
  const pricing = await pricingContextFor(c, query, requested)
  return { channels, requested, ctx: queryContext(c, { salesChannelIds: channels, pricing }) }
}

export const storeProductRoutes = new Hono<AppEnv>()
  .get("/", declareQuery(storeListProductsQuery), async (c) => {
    const query = c.req.valid("query")
    const {
      limit = 50,
      offset = 0,
      order,
      fields,
      region_id,
      country_code,
      province,
      cart_id,
      sales_channel_id,
      ...filters
    } = query
    const ordering = parseOrder(order, PRODUCT_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    const { channels, requested, ctx } = await storeContext(c, query)
    const products = c.var.scope.resolve("productService")
    return listResponse(
      c,
      "products",
      storeProductQuery,
      { fields: requested, limit, offset },
      () => products.list({ ...filters, ...storeProductFilters(channels) }, ordering, { limit, offset }),
      ctx,
    )
  })
  .get("/:id", declareQuery(storeRetrieveProductQuery), async (c) => {
    const query = c.req.valid("query")
    const { channels, requested, ctx } = await storeContext(c, query)
    const products = c.var.scope.resolve("productService")
    return retrieveResponse(
      c,
      "product",
      storeProductQuery,
      requested,
      () => products.retrieve(c.req.param("id"), storeProductFilters(channels)),
      ctx,
    )
  })
