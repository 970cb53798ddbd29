import type { Scope } from "../../core/container"
import { toHandle } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import { ProductEvents } from "../../modules/product/events"
import { announced } from "../command"
import { linkProductsTo, type ProductLinks } from "./product-links"

// Medusa's createCollectionsWorkflow, updateCollectionsWorkflow, deleteCollectionsWorkflow, batchLinkProductsToCollection.

const collections = (tx: Scope) => tx.resolve("productCollectionService")

interface CollectionInput {
  title: string
  handle?: string
  metadata?: Record<string, unknown> | null
}

/** A new collection, its handle made from its title when none is given; its id. */
export const createProductCollection = (scope: Scope, input: CollectionInput) =>
  announced(scope, ProductEvents.COLLECTION_CREATED, async (tx) => {
    const collection = await collections(tx).create({
      title: input.title,
      handle: input.handle ?? toHandle(input.title),
    })
    if (input.metadata !== undefined) await collections(tx).update(collection.id, { metadata: input.metadata })
    return collection.id
  })

export const updateProductCollection = (scope: Scope, id: string, input: Partial<CollectionInput>) =>
  announced(scope, ProductEvents.COLLECTION_UPDATED, async (tx) => {
    await collections(tx).update(id, input)
    return id
  })

export const deleteProductCollection = (scope: Scope, id: string) =>
  announced(scope, ProductEvents.COLLECTION_DELETED, async (tx) => {
    await collections(tx).softDelete(id)
    return id
  })

/** POST /admin/collections/:id/products: the collection must exist. */
export const linkProductsToCollection = (scope: Scope, id: string, links: ProductLinks) =>
  transaction(scope, async (tx) => {
    await collections(tx).retrieve(id)
    await linkProductsTo(tx, { collection_id: id }, links)
  })
