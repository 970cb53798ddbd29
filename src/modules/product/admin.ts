import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../core/container"
import { validateBody } from "../../core/body"
import { listQuery, oneOrMany, parseOrder, validateQuery, toHandle } from "../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../core/query/route"
import { requestedFor, shapeRows } from "../../core/query/shape"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import type { InventoryService } from "../inventory/service"
import type { PricingService } from "../pricing/service"
import { ProductEvents } from "./events"
import { adminProductQuery, PRODUCT_ORDER_FIELDS } from "./query-config"
import type { CreateProductInput, ProductService } from "./service"

const STATUSES = ["draft", "proposed", "published", "rejected"] as const
const text = (max = 1000) => z.string().max(max)
const priceBody = z.strictObject({
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { error: "must be an ISO 4217 code" }),
  amount: z.number({ error: "must be a number" }).finite().nonnegative({ error: "must be 0 or more" }),
  rules: z.strictObject({ region_id: z.string().min(1) }).optional(),
})
const variantFields = {
  title: text(200).min(1),
  sku: text(200).min(1).optional(),
  manage_inventory: z.boolean().optional(),
  allow_backorder: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}
const createVariantBody = z.strictObject({
  ...variantFields,
  options: z.record(z.string(), z.string()).default({}),
  prices: z.array(priceBody).max(100).default([]),
})
const updateVariantBody = z.strictObject({ ...variantFields, title: variantFields.title.optional(), prices: z.array(priceBody).max(100).optional() })
const productFields = {
  title: text(500).min(1),
  handle: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be lowercase letters, digits and dashes" }).optional(),
  subtitle: text().nullish(),
  description: text(20_000).nullish(),
  status: z.enum(STATUSES).optional(),
  thumbnail: z.url().nullish(),
  discountable: z.boolean().optional(),
  collection_id: z.string().nullish(),
  type_id: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}
const createProductBody = z.strictObject({
  ...productFields,
  images: z.array(z.strictObject({ url: z.url() })).max(50).optional(),
  tags: z.array(z.strictObject({ value: text(200).min(1) })).max(50).optional(),
  categories: z.array(z.strictObject({ id: z.string().min(1) })).max(50).optional(),
  sales_channels: z.array(z.strictObject({ id: z.string().min(1) })).max(50).optional(),
  shipping_profile_id: z.string().optional(),
  options: z.array(z.strictObject({ title: text(200).min(1), values: z.array(text(200).min(1)).min(1).max(100) })).max(10).default([]),
  variants: z.array(createVariantBody).max(100).default([]),
})
const updateProductBody = z.strictObject({ ...productFields, title: productFields.title.optional() })
const listProductsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  handle: oneOrMany.optional(),
  status: z.union([z.enum(STATUSES), z.array(z.enum(STATUSES))]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
  collection_id: oneOrMany.optional(),
  category_id: oneOrMany.optional(),
  sales_channel_id: oneOrMany.optional(),
})

type VariantInput = z.output<typeof createVariantBody>
const products = (scope: Scope) => scope.resolve<ProductService>("productService")

/** Each new variant's prices, and an inventory item when its stock is managed. */
async function setUpVariants(tx: Scope, created: { id: string; sku: string | null; title: string; manage_inventory: boolean }[], inputs: VariantInput[]) {
  for (const [i, variant] of created.entries()) {
    const prices = inputs[i]!.prices.map((price) => ({ currency_code: price.currency_code, amount: String(price.amount), rules: price.rules }))
    await tx.resolve<PricingService>("pricingService").createVariantPrices(variant.id, prices)
    if (variant.manage_inventory) await tx.resolve<InventoryService>("inventoryService").createItemForVariant(variant.id, { sku: variant.sku, title: variant.title })
  }
}

/** The product as the admin sees it by default: the `parent` of a deleted option or variant. */
async function productJson(c: Context<AppEnv>, id: string) {
  const row = await products(c.var.scope).retrieve(id)
  const [json] = await shapeRows(adminProductQuery, [row], requestedFor(adminProductQuery, undefined), queryContext(c))
  return json
}

const respondProduct = (c: Context<AppEnv>, id: string) =>
  retrieveResponse(c, "product", adminProductQuery, undefined, () => products(c.var.scope).retrieve(id))

/** Medusa's /admin/products: the catalog, its variants and their prices, as a merchant manages them. */
export const adminProductRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = validateQuery(c, listProductsQuery)
    const ordering = parseOrder(order, PRODUCT_ORDER_FIELDS, { field: "created_at", direction: "desc" })
    const requested = requestedFor(adminProductQuery, fields)
    return listResponse(c, "products", adminProductQuery, { fields: requested, limit, offset }, () => products(c.var.scope).list(filters, ordering, { limit, offset }))
  })
  .post("/", async (c) => {
    const body = await validateBody(c, createProductBody)
    const id = await transaction(c.var.scope, async (tx) => {
      const tags = await Promise.all((body.tags ?? []).map((tag) => products(tx).upsertTag(tag.value)))
      const input: CreateProductInput = {
        title: body.title,
        handle: body.handle ?? toHandle(body.title),
        subtitle: body.subtitle ?? undefined,
        description: body.description ?? undefined,
        status: body.status ?? "draft",
        thumbnail: body.thumbnail ?? undefined,
        images: body.images?.map((image) => image.url),
        collection_id: body.collection_id ?? undefined,
        type_id: body.type_id ?? undefined,
        tag_ids: tags.map((tag) => tag.id),
        category_ids: body.categories?.map((category) => category.id),
        sales_channel_ids: body.sales_channels?.map((channel) => channel.id),
        shipping_profile_id: body.shipping_profile_id,
        options: body.options,
        variants: body.variants,
      }
      const { product, variants } = await products(tx).create(input)
      await setUpVariants(tx, variants, body.variants)
      await emitEvent(tx, ProductEvents.CREATED, { id: product.id })
      return product.id
    })
    return respondProduct(c, id)
  })
  .get("/:id", async (c) => {
    const { fields } = validateQuery(c, z.object({ fields: z.string().optional() }))
    return retrieveResponse(c, "product", adminProductQuery, fields, () => products(c.var.scope).retrieve(c.req.param("id")))
  })
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateProductBody)
    await transaction(c.var.scope, async (tx) => {
      await products(tx).update(c.req.param("id"), body)
      await emitEvent(tx, ProductEvents.UPDATED, { id: c.req.param("id") })
    })
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await products(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, ProductEvents.DELETED, { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "product", deleted: true })
  })
  .post("/:id/options", async (c) => {
    const body = await validateBody(c, z.strictObject({ title: text(200).min(1), values: z.array(text(200).min(1)).min(1).max(100) }))
    await transaction(c.var.scope, async (tx) => {
      await products(tx).addOption(c.req.param("id"), body)
      await emitEvent(tx, ProductEvents.UPDATED, { id: c.req.param("id") })
    })
    return respondProduct(c, c.req.param("id"))
  })
  .post("/:id/options/:option_id", async (c) => {
    const body = await validateBody(c, z.strictObject({ title: text(200).min(1).optional(), values: z.array(text(200).min(1)).max(100).optional() }))
    await transaction(c.var.scope, async (tx) => {
      await products(tx).updateOption(c.req.param("id"), c.req.param("option_id"), body)
      await emitEvent(tx, ProductEvents.UPDATED, { id: c.req.param("id") })
    })
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id/options/:option_id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await products(tx).softDeleteOption(c.req.param("id"), c.req.param("option_id"))
      await emitEvent(tx, ProductEvents.UPDATED, { id: c.req.param("id") })
    })
    const parent = await productJson(c, c.req.param("id"))
    return c.json({ id: c.req.param("option_id"), object: "product_option", deleted: true, parent })
  })
  .post("/:id/variants", async (c) => {
    const body = await validateBody(c, createVariantBody)
    await transaction(c.var.scope, async (tx) => {
      await products(tx).retrieve(c.req.param("id"))
      const created = await products(tx).addVariants(c.req.param("id"), [body])
      await setUpVariants(tx, created, [body])
      await emitEvent(tx, ProductEvents.VARIANT_CREATED, { id: created[0]!.id })
    })
    return respondProduct(c, c.req.param("id"))
  })
  .post("/:id/variants/:variant_id", async (c) => {
    const { prices, ...patch } = await validateBody(c, updateVariantBody)
    await transaction(c.var.scope, async (tx) => {
      await products(tx).updateVariant(c.req.param("id"), c.req.param("variant_id"), patch)
      if (prices) {
        await tx.resolve<PricingService>("pricingService").replaceVariantPrices(
          c.req.param("variant_id"),
          prices.map((price) => ({ currency_code: price.currency_code, amount: String(price.amount), rules: price.rules })),
        )
      }
      await emitEvent(tx, ProductEvents.VARIANT_UPDATED, { id: c.req.param("variant_id") })
    })
    return respondProduct(c, c.req.param("id"))
  })
  .delete("/:id/variants/:variant_id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await products(tx).softDeleteVariant(c.req.param("id"), c.req.param("variant_id"))
      await emitEvent(tx, ProductEvents.VARIANT_DELETED, { id: c.req.param("variant_id") })
    })
    const parent = await productJson(c, c.req.param("id"))
    return c.json({ id: c.req.param("variant_id"), object: "variant", deleted: true, parent })
  })
