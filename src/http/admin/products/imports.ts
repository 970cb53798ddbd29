import { Hono } from "hono"
import { z } from "zod"
import { body, noBody, query } from "../../../core/input"
import { queryContext } from "../../../core/query/route"
import { requestedFor, shapeRows } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { exportProducts } from "../../../flows/product/exports"
import { confirmProductImport, previewProductImport } from "../../../flows/product/imports"
import { fileContext } from "../uploads/routes"
import { adminProductQuery } from "./query-config"
import { productListFilters } from "./routes"
import { listProductsQuery } from "./validators"

/** Medusa's AdminImportProducts: the uploaded CSV's key and what the upload said of it. */
const importBody = z.strictObject({
  file_key: z.string().min(1).max(300),
  originalname: z.string().min(1).max(255),
  extension: z.string().max(20),
  size: z.number().int().nonnegative(),
  mime_type: z.string().max(200),
})

/** What an exported row needs beyond the admin product's defaults: option titles and the shipping profile. */
const EXPORT_FIELDS = "+variants.options.option.title,+shipping_profile.id"

/** Medusa's product CSV routes: import (preview, then confirm) and export. */
export const adminProductImportRoutes = new Hono<AppEnv>()
  .post("/imports", body(importBody), async (c) => {
    const preview = await previewProductImport(c.var.scope, c.req.valid("json"), c.var.auth?.actor_id, fileContext(c))
    return c.json(preview, 202)
  })
  .post("/imports/:transaction_id/confirm", noBody, async (c) => {
    await confirmProductImport(c.var.scope, c.req.param("transaction_id"))
    return c.json({}, 202)
  })
  .post("/export", noBody, query(listProductsQuery), async (c) => {
    const { filters, ordering } = await productListFilters(c.var.scope, c.req.valid("query"), "asc")
    const products = c.var.scope.resolve("productService")
    const requested = requestedFor(adminProductQuery, EXPORT_FIELDS)
    const exported = await exportProducts(
      c.var.scope,
      async (page) => {
        const { rows } = await products.list(filters, ordering, page)
        return shapeRows(adminProductQuery, rows, requested, queryContext(c))
      },
      fileContext(c),
    )
    return c.json(exported, 202)
  })
