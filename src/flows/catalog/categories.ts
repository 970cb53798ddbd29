import type { Scope } from "../../core/container"
import { toHandle } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import type { ProductCategoryService } from "../../modules/product/category-service"
import { ProductEvents } from "../../modules/product/events"
import { announced } from "../command"
import { linkProductsTo, type ProductLinks } from "./product-links"

// Medusa's createProductCategoriesWorkflow, update…, delete… and batchLinkProductsToCategory.

const categories = (tx: Scope) => tx.resolve("adminProductCategoryService")

type CategoryInput = Omit<Parameters<ProductCategoryService["create"]>[0], "handle"> & {
  handle?: string
  metadata?: Record<string, unknown> | null
}

/** A new category, inactive unless told, its handle made from its name when none is given; its id. */
export const createProductCategory = (scope: Scope, input: CategoryInput) =>
  announced(scope, ProductEvents.CATEGORY_CREATED, async (tx) => {
    const category = await categories(tx).create({
      ...input,
      handle: input.handle ?? toHandle(input.name),
      is_active: input.is_active ?? false,
    })
    return category.id
  })

export const updateProductCategory = (
  scope: Scope,
  id: string,
  input: Parameters<ProductCategoryService["update"]>[1],
) =>
  announced(scope, ProductEvents.CATEGORY_UPDATED, async (tx) => {
    await categories(tx).update(id, input)
    return id
  })

export const deleteProductCategory = (scope: Scope, id: string) =>
  announced(scope, ProductEvents.CATEGORY_DELETED, async (tx) => {
    await categories(tx).softDelete(id)
    return id
  })

/** POST /admin/product-categories/:id/products: the category must exist. */
export const linkProductsToCategory = (scope: Scope, id: string, links: ProductLinks) =>
  transaction(scope, async (tx) => {
    await categories(tx).retrieve(id)
    await linkProductsTo(tx, { category_id: id }, links)
  })
