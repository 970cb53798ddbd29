import { Hono, type Context } from "hono"
import type { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { parseOrder } from "../../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../../core/query/route"
import { requestedFor, shapeRows } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  adminProductOptionListQuery,
  adminVariantQuery,
  OPTION_ORDER_FIELDS,
  VARIANT_ORDER_FIELDS,
} from "./query-config"
import { type FieldsContext, listOptionsQuery, listProductsQuery, listVariantsQuery, retrieveQuery } from "./validators"
import {
  createProductBody,
  createVariantBody,
  optionBody,
  updateOptionBody,
  updateProductBody,
  updateVariantBody,
} from "../../../flows/product/inputs"
import { adminProductQuery } from "./query-config"
import { PRODUCT_ORDER_FIELDS } from "../../../modules/product/query-config"
import { createProduct, deleteProduct, updateProduct } from "../../../flows/product/products"
import { createProductOption, removeProductOption, updateProductOption } from "../../../flows/product/options"
import { createProductVariant, deleteProductVariant, updateProductVariant } from "../../../flows/product/variants"

const products = (scope: Scope) => scope.resolve("productService")

/** The product as the admin sees it by default: the `parent` of a deleted option or variant. */
export async function productJson(c: Context<AppEnv>, id: string) {
  const row = await products(c.var.scope).retrieve(id)
  const [json] = await shapeRows(adminProductQuery, [row], requestedFor(adminProductQuery, undefined), queryContext(c))
  return json
}

/** `{ product }` after a write, shaped by the request's `fields` as Medusa's routes re-read it. */
export function respondProduct(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "product", adminProductQuery, fields, () => products(c.var.scope).retrieve(id))
}

type ListProductsQuery = z.output<typeof listProductsQuery>

/** GET /admin/products' query as the product service filters and orders (a price list's products by their variants). */
export async function productListFilters(
  scope: Scope,
  { limit: _limit, offset: _offset, fields: _fields, order, price_list_id, ...filters }: ListProductsQuery,
  direction: "asc" | "desc",
) {
  const ordering = parseOrder(order, PRODUCT_ORDER_FIELDS, { field: "created_at", direction })
  const variant_id = price_list_id
    ? await scope.resolve("priceListService").variantIdsInLists(price_list_id)
    : undefined
  return { filters: { ...filters, variant_id }, ordering }
}

/** Medusa's /admin/products: the catalog, its variants and their prices, as a merchant manages them. */
export const adminProductRoutes = new Hono<AppEnv>()
  .get("/", query(listProductsQuery), async (c) => {
    const { limit = 50, offset = 0, fields } = c.req.valid("query")
    const { filters, ordering } = await productListFilters(c.var.scope, c.req.valid("query"), "desc")
    return listResponse(c, "products", adminProductQuery, { fields, limit, offset }, () =>
      products(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createProductBody), query(retrieveQuery), async (c) => {
    const id = await createProduct(c.var.scope, c.req.valid("json"))
    return respondProduct(c, id)
  })
  .get("/:id", query(retrieveQuery), (c) => respondProduct(c, c.req.param("id")))
  .post("/:id", body(updateProductBody), query(retrieveQuery), async (c) => {
    await updateProduct(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteProduct(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "product", deleted: true })
  })
  .get("/:id/options", query(listOptionsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, OPTION_ORDER_FIELDS, { field: "created_at", direction: "asc" })
    const options = c.var.scope.resolve("productOptionService")
    return listResponse(c, "product_options", adminProductOptionListQuery, { fields, limit, offset }, () =>
      options.list({ ...filters, product_id: c.req.param("id") }, ordering, { limit, offset }),
    )
  })
  .post("/:id/options", body(optionBody), query(retrieveQuery), async (c) => {
    await createProductOption(c.var.scope, c.req.valid("json"), c.req.param("id"))
    return respondProduct(c, c.req.param("id"))
  })
  .post("/:id/options/:option_id", body(updateOptionBody), query(retrieveQuery), async (c) => {
    await updateProductOption(c.var.scope, c.req.param("option_id"), c.req.valid("json"), c.req.param("id"))
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id/options/:option_id", async (c) => {
    await removeProductOption(c.var.scope, c.req.param("id"), c.req.param("option_id"))
    const parent = await productJson(c, c.req.param("id"))
    return c.json({ id: c.req.param("option_id"), object: "product_option", deleted: true, parent })
  })
  .get("/:id/variants", query(listVariantsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, VARIANT_ORDER_FIELDS, { field: "variant_rank", direction: "asc" })
    return listResponse(c, "variants", adminVariantQuery, { fields, limit, offset }, () =>
      products(c.var.scope).listVariants({ ...filters, product_id: [c.req.param("id")] }, ordering, { limit, offset }),
    )
  })
  .post("/:id/variants", body(createVariantBody), query(retrieveQuery), async (c) => {
    await createProductVariant(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondProduct(c, c.req.param("id"))
  })
  .get("/:id/variants/:variant_id", query(retrieveQuery), (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "variant", adminVariantQuery, fields, () =>
      products(c.var.scope).retrieveVariant(c.req.param("id"), c.req.param("variant_id")),
    )
  })
  .post("/:id/variants/:variant_id", body(updateVariantBody), query(retrieveQuery), async (c) => {
    await updateProductVariant(c.var.scope, c.req.param("id"), c.req.param("variant_id"), c.req.valid("json"))
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id/variants/:variant_id", async (c) => {
    await deleteProductVariant(c.var.scope, c.req.param("id"), c.req.param("variant_id"))
    const parent = await productJson(c, c.req.param("id"))
    return c.json({ id: c.req.param("variant_id"), object: "variant", deleted: true, parent })
  })
