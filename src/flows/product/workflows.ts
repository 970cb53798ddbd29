import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { toHandle } from "../../core/query/params"
import { emitEvent, emitEvents } from "../../infra/event-outbox-service"
import type { PriceInput } from "../../modules/pricing/service"
import type {
  CreateProductBody,
  CreateVariantBody,
  LinkOptionsBody,
  UpdateProductBody,
  UpdateVariantBody,
} from "./inputs"
import { ProductEvents } from "../../modules/product/events"
import type { OptionInput } from "../../modules/product/option-service"

// The admin's product commands, each run inside the caller's transaction (`tx`), events included.

const products = (tx: Scope) => tx.resolve("productService")
const variantOptions = (tx: Scope) => tx.resolve("productVariantOptionService")
const pricing = (tx: Scope) => tx.resolve("pricingService")
const toPriceInputs = (prices: CreateVariantBody["prices"]): PriceInput[] =>
  prices.map((price) => ({ currency_code: price.currency_code, amount: String(price.amount), rules: price.rules }))

/** Each new variant's prices, and an inventory item when its stock is managed. */
async function setUpVariants(
  tx: Scope,
  created: { id: string; sku: string | null; title: string; manage_inventory: boolean }[],
  inputs: CreateVariantBody[],
) {
  for (const [i, variant] of created.entries()) {
    await variantOptions(tx).refuseDuplicate(variant.id)
    await pricing(tx).createVariantPrices(variant.id, toPriceInputs(inputs[i]!.prices))
    if (variant.manage_inventory)
      await tx.resolve("inventoryService").createItemForVariant(variant.id, { sku: variant.sku, title: variant.title })
    await emitEvent(tx, ProductEvents.VARIANT_CREATED, { id: variant.id })
  }
}

/** Tags given as `{ id }` (must exist) or `{ value }` (reused by value, or made). */
async function tagIdsOf(tx: Scope, tags: NonNullable<CreateProductBody["tags"]>): Promise<string[]> {
  const tagIds: string[] = []
  for (const tag of tags)
    tagIds.push(
      "id" in tag ? (await valueService(tx, "tag").retrieve(tag.id)).id : await upsertTagOrType(tx, "tag", tag.value),
    )
  return [...new Set(tagIds)]
}

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

export async function createProduct(tx: Scope, body: CreateProductBody): Promise<string> {
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

/** Changes a product's columns; links given (images, tags, categories, channels, profile) replace its current ones. */
export async function updateProduct(tx: Scope, id: string, body: UpdateProductBody) {
  await products(tx).update(id, productColumns(body))
  await products(tx).replaceLinks(id, {
    images: body.images?.map((image) => image.url),
    tag_ids: body.tags ? await tagIdsOf(tx, body.tags) : undefined,
    category_ids: body.categories?.map((category) => category.id),
    sales_channel_ids: body.sales_channels?.map((channel) => channel.id),
    shipping_profile_id: body.shipping_profile_id,
  })
  await emitEvent(tx, ProductEvents.UPDATED, { id })
}

export async function deleteProduct(tx: Scope, id: string) {
  await products(tx).softDelete(id)
  await emitEvent(tx, ProductEvents.DELETED, { id })
}

/** New variants of a product, in one insert; their ids in the order given. */
export async function createVariants(tx: Scope, productId: string, bodies: CreateVariantBody[]): Promise<string[]> {
  if (bodies.length === 0) return []
  await products(tx).retrieve(productId)
  const created = await products(tx).addVariants(productId, bodies)
  await setUpVariants(tx, created, bodies)
  return created.map((variant) => variant.id)
}

/** Changes a variant; prices given replace all of its prices, options its option values. */
export async function updateVariant(tx: Scope, productId: string, variantId: string, body: UpdateVariantBody) {
  const { prices, options, ...patch } = body
  const variant = await products(tx).updateVariant(productId, variantId, patch)
  if (options) {
    await variantOptions(tx).setOptions(productId, variant, options)
    await variantOptions(tx).refuseDuplicate(variantId)
  }
  if (prices) await pricing(tx).replaceVariantPrices(variantId, toPriceInputs(prices))
  await emitEvent(tx, ProductEvents.VARIANT_UPDATED, { id: variantId })
}

export async function deleteVariant(tx: Scope, productId: string, variantId: string) {
  await products(tx).softDeleteVariant(productId, variantId)
  await emitEvent(tx, ProductEvents.VARIANT_DELETED, { id: variantId })
}

const valueService = (tx: Scope, kind: "tag" | "type") =>
  tx.resolve(kind === "tag" ? "productTagService" : "productTypeService")

/** POST /admin/product-tags (or -types): a new one, refused when the value exists. */
export async function createTagOrType(
  tx: Scope,
  kind: "tag" | "type",
  value: string,
  metadata?: Record<string, unknown> | null,
): Promise<string> {
  const id = await valueService(tx, kind).create(value, metadata)
  await emitEvent(tx, `product-${kind}.created`, { id })
  return id
}

/** The tag (or type) with this value, created, with its event, when missing: a product's `tags: [{ value }]`. */
export async function upsertTagOrType(tx: Scope, kind: "tag" | "type", value: string): Promise<string> {
  const { id, created } = await valueService(tx, kind).upsert(value)
  if (created) await emitEvent(tx, `product-${kind}.created`, { id })
  return id
}

const options = (tx: Scope) => tx.resolve("productOptionService")

/** A new option: the product's own (POST /admin/products/:id/options) or a shared one (/admin/product-options). */
export async function createOption(tx: Scope, input: OptionInput, productId?: string): Promise<string> {
  if (productId) await products(tx).retrieve(productId)
  const id = await options(tx).create(input, productId)
  await emitEvent(tx, ProductEvents.OPTION_CREATED, { id })
  if (productId) await emitEvent(tx, ProductEvents.UPDATED, { id: productId })
  return id
}

/** Changes an option; through a product's route, only one the product has. */
export async function updateOption(tx: Scope, optionId: string, input: Partial<OptionInput>, productId?: string) {
  if (productId) await options(tx).ofProduct(productId, optionId)
  await options(tx).update(optionId, input)
  await emitEvent(tx, ProductEvents.OPTION_UPDATED, { id: optionId })
  if (productId) await emitEvent(tx, ProductEvents.UPDATED, { id: productId })
}

/** Medusa 2.21's POST /admin/products/:id/options/batch: link shared options or create own ones, and take some off. */
export async function linkOptions(tx: Scope, productId: string, body: LinkOptionsBody) {
  await products(tx).retrieve(productId)
  for (const entry of body.add) {
    if (typeof entry === "string" || "value_ids" in entry) {
      await options(tx).link(productId, typeof entry === "string" ? entry : entry.id)
      continue
    }
    // A new option is the product's own unless it is explicitly made shareable.
    const shared = entry.is_exclusive === false
    const id = await options(tx).create(entry, shared ? undefined : productId)
    if (shared) await options(tx).link(productId, id)
    await emitEvent(tx, ProductEvents.OPTION_CREATED, { id })
  }
  for (const change of body.update) await changeOptionValues(tx, productId, change)
  for (const optionId of body.remove) await options(tx).removeFromProduct(productId, optionId)
  await emitEvent(tx, ProductEvents.UPDATED, { id: productId })
}

const links = (tx: Scope) => tx.resolve("productLinkService")

/**
 * Medusa's batchLinkProductsToCollection / …ToCategory: products put in or taken out, each
 * product then `product.updated` (as the product module's update emits). Unknown products: 404, nothing changed.
 */
export async function linkProductsTo(
  tx: Scope,
  target: { collection_id: string } | { category_id: string },
  body: { add: string[]; remove: string[] },
) {
  const touched = await links(tx).requireProducts([...body.add, ...body.remove])
  if ("collection_id" in target) await links(tx).setCollection(target.collection_id, body.add, body.remove)
  else await links(tx).setCategory(target.category_id, body.add, body.remove)
  await emitEvents(
    tx,
    ProductEvents.UPDATED,
    touched.map((id) => ({ id })),
  )
}

/**
 * One `update` entry of options/batch. Here a product offers every value of its options, so a
 * value added (by id or as a new `{ value }`) is offered to all its users, and only a product's
 * own option can lose a value (deleted, unless a variant has it).
 */
async function changeOptionValues(tx: Scope, productId: string, change: LinkOptionsBody["update"][number]) {
  const option = await options(tx)
    .ofProduct(productId, change.product_option_id)
    .catch((error: unknown) => {
      if (!(error instanceof MedusaError && error.type === "not_found")) throw error
      throw new MedusaError(
        "invalid_data",
        `Some product options are not linked to products: [${productId}:${change.product_option_id}]`,
      )
    })
  const values = tx.resolve("productOptionValueService")
  for (const id of change.add.filter((entry) => typeof entry === "string")) await values.retrieve(option.id, id)
  const fresh = change.add.flatMap((entry) => (typeof entry === "string" ? [] : [entry.value]))
  if (fresh.length) await options(tx).update(option.id, { values: fresh })
  if (change.remove.length && option.product_id !== productId) {
    throw new MedusaError(
      "invalid_data",
      `Product option ${option.id} is shared: its values cannot be taken from one product`,
    )
  }
  for (const id of change.remove) await values.softDelete(option.id, id)
  if (fresh.length || change.remove.length) await emitEvent(tx, ProductEvents.OPTION_UPDATED, { id: option.id })
}
