import { Hono, type Context } from "hono"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { parseOrder, validateQuery } from "../../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../../core/query/route"
import { requestedFor, shapeRows } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import {
  adminProductOptionListQuery,
  adminVariantQuery,
  OPTION_ORDER_FIELDS,
  VARIANT_ORDER_FIELDS,
} from "./query-config"
import { listOptionsQuery, listProductsQuery, listVariantsQuery, retrieveQuery } from "./validators"
import {
  createProductBody,
  createVariantBody,
  optionBody,
  updateOptionBody,
  updateProductBody,
  updateVariantBody,
} from "../../../flows/product/inputs"
import { ProductEvents } from "../../../modules/product/events"
import { adminProductQuery } from "./query-config"
import { PRODUCT_ORDER_FIELDS } from "../../../modules/product/query-config"
import {
  createOption,
  createProduct,
  createVariants,
  deleteProduct,
  deleteVariant,
  updateOption,
  updateProduct,
  updateVariant,
} from "../../../flows/product/workflows"

const products = (scope: Scope) => scope.resolve("productService")

/** The product as the admin sees it by default: the `parent` of a deleted option or variant. */
export async function productJson(c: Context<AppEnv>, id: string) {
  const row = await products(c.var.scope).retrieve(id)
  const [json] = await shapeRows(adminProductQuery, [row], requestedFor(adminProductQuery, undefined), queryContext(c))
  return json
}

/** `{ product }` after a write, shaped by the request's `fields` as Medusa's routes re-read it. */
export function respondProduct(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, retrieveQuery)
  return retrieveResponse(c, "product", adminProductQuery, fields, () => products(c.var.scope).retrieve(id))
}

/** Medusa's /admin/products: the catalog, its variants and their prices, as a merchant manages them. */
export const adminProductRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = validateQuery(c, listProductsQuery)
    const ordering = parseOrder(order, PRODUCT_ORDER_FIELDS, { field: "created_at", direction: "desc" })
    return listResponse(c, "products", adminProductQuery, { fields, limit, offset }, () =>
      products(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, createProductBody)
    const id = await transaction(c.var.scope, (tx) => createProduct(tx, body))
    return respondProduct(c, id)
  })
  .get("/:id", (c) => respondProduct(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateProductBody)
    await transaction(c.var.scope, (tx) => updateProduct(tx, c.req.param("id"), body))
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, (tx) => deleteProduct(tx, c.req.param("id")))
    return c.json({ id: c.req.param("id"), object: "product", deleted: true })
  })
  .get("/:id/options", async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = validateQuery(c, listOptionsQuery)
    const ordering = parseOrder(order, OPTION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    const options = c.var.scope.resolve("productOptionService")
    return listResponse(c, "product_options", adminProductOptionListQuery, { fields, limit, offset }, () =>
      options.list({ ...filters, product_id: c.req.param("id") }, ordering, { limit, offset }),
    )
  })
  .post("/:id/options", async (c) => {
    const body = await validateBody(c, optionBody)
    await transaction(c.var.scope, (tx) => createOption(tx, body, c.req.param("id")))
    return respondProduct(c, c.req.param("id"))
  })
  .post("/:id/options/:option_id", async (c) => {
    const body = await validateBody(c, updateOptionBody)
    await transaction(c.var.scope, (tx) => updateOption(tx, c.req.param("option_id"), body, c.req.param("id")))
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id/options/:option_id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await tx.resolve("productOptionService").removeFromProduct(c.req.param("id"), c.req.param("option_id"))
      await emitEvent(tx, ProductEvents.UPDATED, { id: c.req.param("id") })
    })
    const parent = await productJson(c, c.req.param("id"))
    return c.json({ id: c.req.param("option_id"), object: "product_option", deleted: true, parent })
  })
  .get("/:id/variants", async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = validateQuery(c, listVariantsQuery)
    const ordering = parseOrder(order, VARIANT_ORDER_FIELDS, { field: "variant_rank", direction: "asc" })
    return listResponse(c, "variants", adminVariantQuery, { fields, limit, offset }, () =>
      products(c.var.scope).listVariants({ ...filters, product_id: [c.req.param("id")] }, ordering, { limit, offset }),
    )
  })
  .post("/:id/variants", async (c) => {
    const body = await validateBody(c, createVariantBody)
    await transaction(c.var.scope, (tx) => createVariants(tx, c.req.param("id"), [body]))
    return respondProduct(c, c.req.param("id"))
  })
  .get("/:id/variants/:variant_id", (c) => {
    const { fields } = validateQuery(c, retrieveQuery)
    return retrieveResponse(c, "variant", adminVariantQuery, fields, () =>
      products(c.var.scope).retrieveVariant(c.req.param("id"), c.req.param("variant_id")),
    )
  })
  .post("/:id/variants/:variant_id", async (c) => {
    const body = await validateBody(c, updateVariantBody)
    await transaction(c.var.scope, (tx) => updateVariant(tx, c.req.param("id"), c.req.param("variant_id"), body))
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id/variants/:variant_id", async (c) => {
    await transaction(c.var.scope, (tx) => deleteVariant(tx, c.req.param("id"), c.req.param("variant_id")))
    const parent = await productJson(c, c.req.param("id"))
    return c.json({ id: c.req.param("variant_id"), object: "variant", deleted: true, parent })
  })
