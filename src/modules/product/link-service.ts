import { and, eq, inArray, isNull, or, sql } from "drizzle-orm"
import { live } from "../../core/columns"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import {
  product,
  productCategoryProduct,
  productImage,
  productSalesChannel,
  productVariant,
  productVariantProductImage,
} from "./schema"

/** A 404 naming the ids among `wanted` that are not `found` (Medusa's "Variant with id: …" / "Variants with ids: …"). */
function refuseMissing(wanted: string[], found: { id: string }[], entity: string) {
  const missing = wanted.filter((id) => !found.some((row) => row.id === id))
  if (missing.length === 1) throw new MedusaError("not_found", `${entity} with id: ${missing[0]} was not found`)
  if (missing.length) throw new MedusaError("not_found", `${entity}s with ids: ${missing.join(", ")} were not found`)
}

/**
 * Which products a collection, a category or a sales channel holds:
 * `POST /admin/{collections,product-categories,sales-channels}/:id/products`; and which of a
 * product's images show which of its variants (`POST /admin/products/:id/{images,variants}/…/batch`).
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

  /** The product's live variants among `ids` (distinct), else a 404 naming those it does not have. */
  async requireVariantsOfProduct(productId: string, ids: string[]): Promise<string[]> {
    const wanted = [...new Set(ids)]
    if (wanted.length === 0) return []
    const found = await this.db
      .select({ id: productVariant.id })
      .from(productVariant)
      .where(and(inArray(productVariant.id, wanted), eq(productVariant.product_id, productId), live(productVariant)))
    refuseMissing(wanted, found, "Variant")
    return wanted
  }

  /** The product's live images among `ids` (distinct, with their urls), else a 404 naming those it does not have. */
  async requireImagesOfProduct(productId: string, ids: string[]): Promise<{ id: string; url: string }[]> {
    const wanted = [...new Set(ids)]
    if (wanted.length === 0) return []
    const found = await this.db
      .select({ id: productImage.id, url: productImage.url })
      .from(productImage)
      .where(and(inArray(productImage.id, wanted), eq(productImage.product_id, productId), live(productImage)))
    refuseMissing(wanted, found, "Image")
    return found
  }

  /**
   * Medusa's variant images (`product_variant_product_image`): links each pair, those already
   * linked left as they are (Medusa's `addImageToVariant`).
   */
  async linkVariantImages(pairs: { variant_id: string; image_id: string }[]) {
    if (pairs.length === 0) return
    await this.db
      .insert(productVariantProductImage)
      .values(pairs.map((pair) => ({ id: generateId("pvpi"), ...pair })))
      .onConflictDoNothing()
  }

  /** Unlinks each pair; a pair not linked is no change (Medusa's `removeImageFromVariant`). */
  async unlinkVariantImages(pairs: { variant_id: string; image_id: string }[]) {
    if (pairs.length === 0) return
    await this.db
      .delete(productVariantProductImage)
      .where(
        or(
          ...pairs.map((pair) =>
            and(
              eq(productVariantProductImage.variant_id, pair.variant_id),
              eq(productVariantProductImage.image_id, pair.image_id),
            ),
          ),
        ),
      )
  }

  /** Medusa's batch workflows' last step: a variant whose thumbnail was an image it lost has none. */
  async clearVariantThumbnails(variantIds: string[], urls: string[]) {
    if (variantIds.length === 0 || urls.length === 0) return
    await this.db
      .update(productVariant)
      .set({ thumbnail: null, updated_at: sql`now()` })
      .where(and(inArray(productVariant.id, variantIds), inArray(productVariant.thumbnail, urls)))
  }
}
