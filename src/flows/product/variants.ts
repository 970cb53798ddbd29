import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent, emitEvents } from "../../infra/event-outbox-service"
import type { PriceInput } from "../../modules/pricing/service"
import { ProductEvents } from "../../modules/product/events"
import type { CreateVariantBody, UpdateVariantBody } from "./inputs"

// A product's variants: Medusa's createProductVariantsWorkflow, update…, delete… and batchProductVariantsWorkflow.

const products = (tx: Scope) => tx.resolve("productService")
const variantOptions = (tx: Scope) => tx.resolve("productVariantOptionService")
const pricing = (tx: Scope) => tx.resolve("pricingService")
const toPriceInputs = (prices: CreateVariantBody["prices"]): PriceInput[] =>
  prices.map((price) => ({ currency_code: price.currency_code, amount: String(price.amount), rules: price.rules }))

/** Step: the new variants' prices, an inventory item for each managed one (or the items given), in a few statements. */
export async function setUpVariants(
  tx: Scope,
  created: { id: string; sku: string | null; title: string; manage_inventory: boolean }[],
  inputs: CreateVariantBody[],
) {
  if (created.length === 0) return
  await variantOptions(tx).refuseDuplicates(created.map((variant) => variant.id))
  await pricing(tx).createVariantsPrices(
    created.map((variant, i) => ({ variantId: variant.id, prices: toPriceInputs(inputs[i]!.prices) })),
  )
  const inventory = tx.resolve("inventoryService")
  for (const [i, variant] of created.entries()) {
    const items = inputs[i]!.inventory_items ?? []
    if (items.length > 0) await inventory.linkItemsToVariant(variant.id, items)
  }
  await inventory.createItemsForVariants(
    created
      .filter((variant, i) => variant.manage_inventory && !inputs[i]!.inventory_items?.length)
      .map((variant) => ({ variantId: variant.id, sku: variant.sku, title: variant.title })),
  )
  await emitEvents(
    tx,
    ProductEvents.VARIANT_CREATED,
    created.map((variant) => ({ id: variant.id })),
  )
}

/** Step: new variants of a product, in one insert; their ids in the order given. */
export async function addVariants(tx: Scope, productId: string, bodies: CreateVariantBody[]): Promise<string[]> {
  if (bodies.length === 0) return []
  await products(tx).retrieve(productId)
  const created = await products(tx).addVariants(productId, bodies)
  await setUpVariants(tx, created, bodies)
  return created.map((variant) => variant.id)
}

/** Step: changes a variant; prices given replace all of its prices, options its option values. */
export async function changeVariant(tx: Scope, productId: string, variantId: string, body: UpdateVariantBody) {
  const { prices, options, id: _id, ...patch } = body
  const variant = await products(tx).updateVariant(productId, variantId, patch)
  if (options) {
    await variantOptions(tx).setOptions(productId, variant, options)
    await variantOptions(tx).refuseDuplicate(variantId)
  }
  if (prices) await pricing(tx).replaceVariantPrices(variantId, toPriceInputs(prices))
  await emitEvent(tx, ProductEvents.VARIANT_UPDATED, { id: variantId })
}

async function removeVariant(tx: Scope, productId: string, variantId: string) {
  await products(tx).softDeleteVariant(productId, variantId)
  await emitEvent(tx, ProductEvents.VARIANT_DELETED, { id: variantId })
}

/** POST /admin/products/:id/variants. */
export const createProductVariant = (scope: Scope, productId: string, body: CreateVariantBody) =>
  transaction(scope, async (tx) => (await addVariants(tx, productId, [body]))[0]!)

export const updateProductVariant = (scope: Scope, productId: string, variantId: string, body: UpdateVariantBody) =>
  transaction(scope, (tx) => changeVariant(tx, productId, variantId, body))

export const deleteProductVariant = (scope: Scope, productId: string, variantId: string) =>
  transaction(scope, (tx) => removeVariant(tx, productId, variantId))

/** POST /admin/products/:id/variants/batch: all of it in one transaction, or none. Answers the created ids. */
export function batchProductVariants(
  scope: Scope,
  productId: string,
  body: { create: CreateVariantBody[]; update: (UpdateVariantBody & { id: string })[]; delete: string[] },
): Promise<string[]> {
  return transaction(scope, async (tx) => {
    await products(tx).retrieve(productId)
    const ids = await addVariants(tx, productId, body.create)
    for (const { id, ...patch } of body.update) await changeVariant(tx, productId, id, patch)
    for (const id of body.delete) await removeVariant(tx, productId, id)
    return ids
  })
}
