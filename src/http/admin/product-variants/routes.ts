import { Hono } from "hono"
import { query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import type { AppEnv } from "../../../core/types"
import { adminAllVariantsQuery, VARIANT_ORDER_FIELDS } from "../products/query-config"
import { listAllVariantsQuery } from "../products/validators"

/** Medusa's /admin/product-variants: the variants of every product, with a fixed number of statements a page. */
export const adminVariantRoutes = new Hono<AppEnv>().get("/", query(listAllVariantsQuery), async (c) => {
  const { limit = 50, offset = 0, order, fields, ...filters } = c.req.valid("query")
  const ordering = parseOrder(order, VARIANT_ORDER_FIELDS, { field: "created_at", direction: "desc" })
  return listResponse(c, "variants", adminAllVariantsQuery, { fields, limit, offset }, () =>
    c.var.scope.resolve("productService").listVariants(filters, ordering, { limit, offset }),
  )
})
