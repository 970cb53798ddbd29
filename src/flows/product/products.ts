import type { Scope } from "../../core/container"
import { toHandle } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { ProductEvents } from "../../modules/product/events"
import type { CreateProductBody, UpdateProductBody } from "./inputs"
import { tagIdsOf } from "./tags-types"
import { setUpVariants } from "./variants"

// Medusa's createProductsWorkflow, updateProductsWorkflow, deleteProductsWorkflow and batchProductsWorkflow.

const products = (tx: Scope) => tx.resolve("productService")

/** The product's own columns of a create or update body: what is neither a link nor hook input. */
function productColumns(body: UpdateProductBody) {
  const {
    images: _images,
    tags: _tags,
    categories: _categories,
    sales_channels: _channels,
    shipping_profile_id: _profile,
    additional_data: _data,
    ...columns
  } = body
  const { weight, length, height, width, ...rest } = columns
  // Dimensions are numeric columns: their exact decimal text, never a float's rounding.
  const decimal = (value: number | null | undefined) => (value == null ? value : String(value))
  return { ...rest, weight: decimal(weight), length: decimal(length), height: decimal(height), width: decimal(width) }
}

/** Step: a new product with its options, variants, prices and links; its id. */
export async function insertProduct(tx: Scope, body: CreateProductBody): Promise<string> {
  const tagIds = await tagIdsOf(tx, body.tags ?? [])
  const { product, variants } = await products(tx).create({
    title: body.title,
    handle: body.handle ?? toHandle(body.title),
    subtitle: body.subtitle ?? undefined,
    description: body.description ?? undefined,
    status: body.status ?? "draft",
    thumbnail: body.thumbnail ?? undefined,
    images: body.images?.map((image) => image.url),
    collection_id: body.collection_id ?? undefined,
    type_id: body.type_id ?? undefined,
    tag_ids: tagIds,
    category_ids: body.categories?.map((category) => category.id),
    sales_channel_ids: body.sales_channels?.map((channel) => channel.id),
    shipping_profile_id: body.shipping_profile_id ?? undefined,
    options: body.options,
    variants: body.variants,
  })
  const { weight, length, height, width, hs_code, mid_code, origin_country, material, external_id, metadata } =
    productColumns(body)
  const attributes = Object.fromEntries(
    Object.entries({
      weight,
      length,
      height,
      width,
      hs_code,
      mid_code,
      origin_country,
      material,
      external_id,
      metadata,
    }).filter(([, value]) => value != null),
  )
  if (Object.keys(attributes).length > 0) await products(tx).update(product.id, attributes)
  await emitEvent(tx, ProductEvents.CREATED, { id: product.id })
  await setUpVariants(tx, variants, body.variants)
  return product.id
}

/** Step: changes a product's columns; links given (images, tags, categories, channels, profile) replace its current ones. */
export async function changeProduct(tx: Scope, id: string, body: UpdateProductBody) {
  await products(tx).update(id, productColumns(body))
  await products(tx).replaceLinks(id, {
    images: body.images,
    tag_ids: body.tags ? await tagIdsOf(tx, body.tags) : undefined,
    category_ids: body.categories?.map((category) => category.id),
    sales_channel_ids: body.sales_channels?.map((channel) => channel.id),
    shipping_profile_id: body.shipping_profile_id,
  })
  await emitEvent(tx, ProductEvents.UPDATED, { id })
}

async function removeProduct(tx: Scope, id: string) {
  await products(tx).softDelete(id)
  await emitEvent(tx, ProductEvents.DELETED, { id })
}

/** POST /admin/products: the new product's id. */
export const createProduct = (scope: Scope, body: CreateProductBody) =>
  transaction(scope, (tx) => insertProduct(tx, body))

export const updateProduct = (scope: Scope, id: string, body: UpdateProductBody) =>
  transaction(scope, (tx) => changeProduct(tx, id, body))

export const deleteProduct = (scope: Scope, id: string) => transaction(scope, (tx) => removeProduct(tx, id))

/** POST /admin/products/batch: all of a batch in one transaction, or none of it. Answers the created ids. */
export function batchProducts(
  scope: Scope,
  body: { create: CreateProductBody[]; update: (UpdateProductBody & { id: string })[]; delete: string[] },
): Promise<string[]> {
  return transaction(scope, async (tx) => {
    const ids: string[] = []
    for (const input of body.create) ids.push(await insertProduct(tx, input))
    for (const { id, ...patch } of body.update) await changeProduct(tx, id, patch)
    for (const id of body.delete) await removeProduct(tx, id)
    return ids
  })
}
