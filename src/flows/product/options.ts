import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { ProductEvents } from "../../modules/product/events"
import type { OptionInput } from "../../modules/product/option-service"
import type { LinkOptionsBody } from "./inputs"
import { announced } from "../command"

// Product options: a product's own (/admin/products/:id/options) and Medusa 2.21's shared ones (/admin/product-options).

const products = (tx: Scope) => tx.resolve("productService")
const options = (tx: Scope) => tx.resolve("productOptionService")
const values = (tx: Scope) => tx.resolve("productOptionValueService")

/** A new option: the product's own (with `productId`) or a shared one; its id. */
export const createProductOption = (scope: Scope, input: OptionInput, productId?: string) =>
  transaction(scope, async (tx) => {
    if (productId) await products(tx).retrieve(productId)
    const id = await options(tx).create(input, productId)
    await emitEvent(tx, ProductEvents.OPTION_CREATED, { id })
    if (productId) await emitEvent(tx, ProductEvents.UPDATED, { id: productId })
    return id
  })

/** Changes an option; through a product's route (`productId`), only one the product has. */
export const updateProductOption = (scope: Scope, optionId: string, input: Partial<OptionInput>, productId?: string) =>
  transaction(scope, async (tx) => {
    if (productId) await options(tx).ofProduct(productId, optionId)
    await options(tx).update(optionId, input)
    await emitEvent(tx, ProductEvents.OPTION_UPDATED, { id: optionId })
    if (productId) await emitEvent(tx, ProductEvents.UPDATED, { id: productId })
  })

/** DELETE /admin/products/:id/options/:option_id: the product no longer has the option. */
export const removeProductOption = (scope: Scope, productId: string, optionId: string) =>
  announced(scope, ProductEvents.UPDATED, async (tx) => {
    await options(tx).removeFromProduct(productId, optionId)
    return productId
  })

/** DELETE /admin/product-options/:id. */
export const deleteProductOption = (scope: Scope, id: string) =>
  announced(scope, ProductEvents.OPTION_DELETED, async (tx) => {
    await options(tx).softDelete(id)
    return id
  })

// An option's values (2.16+; update and delete 2.17+). As in Medusa's workflows, no events.

export const updateProductOptionValue = (
  scope: Scope,
  optionId: string,
  valueId: string,
  input: { value?: string; metadata?: Record<string, unknown> | null },
) => transaction(scope, (tx) => values(tx).update(optionId, valueId, input))

export const deleteProductOptionValue = (scope: Scope, optionId: string, valueId: string) =>
  transaction(scope, (tx) => values(tx).softDelete(optionId, valueId))

/** Medusa 2.21's POST /admin/products/:id/options/batch: link shared options or create own ones, and take some off. */
export const linkProductOptions = (scope: Scope, productId: string, body: LinkOptionsBody) =>
  transaction(scope, async (tx) => {
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
  })

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
  for (const id of change.add.filter((entry) => typeof entry === "string")) await values(tx).retrieve(option.id, id)
  const fresh = change.add.flatMap((entry) => (typeof entry === "string" ? [] : [entry.value]))
  if (fresh.length) await options(tx).update(option.id, { values: fresh })
  if (change.remove.length && option.product_id !== productId) {
    throw new MedusaError(
      "invalid_data",
      `Product option ${option.id} is shared: its values cannot be taken from one product`,
    )
  }
  for (const id of change.remove) await values(tx).softDelete(option.id, id)
  if (fresh.length || change.remove.length) await emitEvent(tx, ProductEvents.OPTION_UPDATED, { id: option.id })
}
