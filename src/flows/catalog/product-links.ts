import type { Scope } from "../../core/container"
import { emitEvents } from "../../infra/event-outbox-service"
import { ProductEvents } from "../../modules/product/events"

/** `{ add, remove }` product ids, for a collection's or a category's products. */
export interface ProductLinks {
  add: string[]
  remove: string[]
}

/**
 * Step of Medusa's batchLinkProductsToCollection / …ToCategory: products put in or taken out, each
 * product then `product.updated` (as the product module's update emits). Unknown products: 404, nothing changed.
 */
export async function linkProductsTo(
  tx: Scope,
  target: { collection_id: string } | { category_id: string },
  body: ProductLinks,
) {
  const links = tx.resolve("productLinkService")
  const touched = await links.requireProducts([...body.add, ...body.remove])
  if ("collection_id" in target) await links.setCollection(target.collection_id, body.add, body.remove)
  else await links.setCategory(target.category_id, body.add, body.remove)
  await emitEvents(
    tx,
    ProductEvents.UPDATED,
    touched.map((id) => ({ id })),
  )
}
