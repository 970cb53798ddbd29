import { and, eq, inArray, isNull, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import type { Db } from "../../infra/db"
import { product, productCategoryProduct, productSalesChannel } from "./schema"

/**
 * Which products a collection, a category or a sales channel holds:
 * `POST /admin/{collections,product-categories,sales-channels}/:id/products`.
 */
export class ProductLinkService {
  constructor(private readonly db: Db) {}

  /** The distinct ids, all of them live products, else a 404 naming those that are not. */
  async requireProducts(ids: string[]): Promise<string[]> {
    const wanted = [...new Set(ids)]
    if (wanted.length === 0) return []
    const found = await this.db
      .select({ id: product.id })
      .from(product)
      .where(and(inArray(product.id, wanted), isNull(product.deleted_at)))
    const missing = wanted.filter((id) => !found.some((row) => row.id === id))
    if (missing.length) throw new MedusaError("not_found", `Products with ids: ${missing.join(", ")} were not found`)
    return wanted
  }

  /** Puts products in the collection (out of any other) and takes others out of it. */
  async setCollection(collectionId: string, add: string[], remove: string[]) {
    if (add.length)
      await this.db
        .update(product)
        .set({ collection_id: collectionId, updated_at: sql`now()` })
        .where(inArray(product.id, add))
    if (remove.length) {
      await this.db
        .update(product)
        .set({ collection_id: null, updated_at: sql`now()` })
        .where(and(inArray(product.id, remove), eq(product.collection_id, collectionId)))
    }
  }

  async setCategory(categoryId: string, add: string[], remove: string[]) {
    if (add.length) {
      await this.db
        .insert(productCategoryProduct)
        .values(add.map((product_id) => ({ product_id, product_category_id: categoryId })))
        .onConflictDoNothing()
    }
    if (remove.length) {
      await this.db
        .delete(productCategoryProduct)
        .where(
          and(
            eq(productCategoryProduct.product_category_id, categoryId),
            inArray(productCategoryProduct.product_id, remove),
          ),
        )
    }
  }

  /** Puts products in a sales channel (Medusa's product ↔ sales channel link) and takes others out. */
  async setSalesChannel(channelId: string, add: string[], remove: string[]) {
    const adding = await this.requireProducts(add)
    if (adding.length)
      await this.db
        .insert(productSalesChannel)
        .values(adding.map((product_id) => ({ product_id, sales_channel_id: channelId })))
        .onConflictDoNothing()
    if (remove.length) {
      await this.db
        .delete(productSalesChannel)
        .where(
          and(eq(productSalesChannel.sales_channel_id, channelId), inArray(productSalesChannel.product_id, remove)),
        )
    }
  }
}
