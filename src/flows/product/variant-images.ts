import { z } from "zod"
import type { Scope } from "../../core/container"
import { idList } from "../../core/query/params"
import { transaction } from "../../core/transaction"

// Medusa 2.11+'s variant images: batchImageVariantsWorkflow and batchVariantImagesWorkflow.

/** `{ add?, remove? }`: variant ids for an image, or image ids for a variant (Medusa's AdminBatch{ImageVariant,VariantImages}). */
export const variantImagesBody = z.object({ add: idList(), remove: idList() })
export type VariantImagesBody = z.output<typeof variantImagesBody>

/** Medusa answers the ids it was given: `{ added, removed }`. */
export interface VariantImagesResult {
  added: string[]
  removed: string[]
}

const links = (tx: Scope) => tx.resolve("productLinkService")

/**
 * POST /admin/products/:id/images/:image_id/variants/batch: the image shows the variants added,
 * no longer those removed (whose thumbnail it was is cleared, as Medusa does). One transaction; no event.
 */
export const batchImageVariants = (scope: Scope, productId: string, imageId: string, body: VariantImagesBody) =>
  transaction(scope, async (tx): Promise<VariantImagesResult> => {
    await tx.resolve("productService").retrieve(productId)
    const [image] = await links(tx).requireImagesOfProduct(productId, [imageId])
    await links(tx).requireVariantsOfProduct(productId, [...body.add, ...body.remove])
    const remove = [...new Set(body.remove)]
    await links(tx).linkVariantImages([...new Set(body.add)].map((variant_id) => ({ variant_id, image_id: imageId })))
    await links(tx).unlinkVariantImages(remove.map((variant_id) => ({ variant_id, image_id: imageId })))
    await links(tx).clearVariantThumbnails(remove, [image!.url])
    return { added: body.add, removed: body.remove }
  })

/**
 * POST /admin/products/:id/variants/:variant_id/images/batch: the variant shows the images added,
 * no longer those removed (its thumbnail cleared if it was one of them). One transaction; no event.
 */
export const batchVariantImages = (scope: Scope, productId: string, variantId: string, body: VariantImagesBody) =>
  transaction(scope, async (tx): Promise<VariantImagesResult> => {
    await tx.resolve("productService").retrieve(productId)
    await links(tx).requireVariantsOfProduct(productId, [variantId])
    const images = await links(tx).requireImagesOfProduct(productId, [...body.add, ...body.remove])
    const add = images.filter((image) => body.add.includes(image.id))
    const remove = images.filter((image) => body.remove.includes(image.id))
    await links(tx).linkVariantImages(add.map((image) => ({ variant_id: variantId, image_id: image.id })))
    await links(tx).unlinkVariantImages(remove.map((image) => ({ variant_id: variantId, image_id: image.id })))
    await links(tx).clearVariantThumbnails(
      [variantId],
      remove.map((image) => image.url),
    )
    return { added: body.add, removed: body.remove }
  })
