import { and, asc, eq, inArray, or } from "drizzle-orm"
import { live } from "../../core/columns"
import { groupBy, type Row } from "../../core/query/graph"
import type { Db } from "../../infra/db"
import {
  product,
  productCategory,
  productCategoryProduct,
  productCollection,
  productImage,
  productOption,
  productOptionProduct,
  productOptionValue,
  productSalesChannel,
  productShippingProfile,
  productTag,
  productTags,
  productType,
  productVariant,
  productVariantOption,
  productVariantProductImage,
} from "./schema"
import { visibleCategory } from "./service"

/**
 * The product graph's batch loaders (`fields=*variants,*options.values,…`): each answers for
 * many parents in one statement, grouped by the parent's id.
 */
export class ProductRelationLoaders {
  constructor(private readonly db: Db) {}

  async variantsOf(productIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(productVariant)
      .where(and(inArray(productVariant.product_id, productIds), live(productVariant)))
      .orderBy(asc(productVariant.variant_rank), asc(productVariant.created_at), asc(productVariant.id))
    return groupBy(rows, "product_id")
  }

  /** A product's options: its own, and the shared ones it links to (keyed by `for_product_id`). */
  async optionsOf(productIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ option: productOption, linked_to: productOptionProduct.product_id })
      .from(productOption)
      .leftJoin(productOptionProduct, eq(productOptionProduct.option_id, productOption.id))
      .where(
        and(
          or(inArray(productOption.product_id, productIds), inArray(productOptionProduct.product_id, productIds)),
          live(productOption),
        ),
      )
      .orderBy(asc(productOption.created_at), asc(productOption.id))
    const wanted = new Set(productIds)
    const options = rows
      .map((row) => ({ ...row.option, for_product_id: row.option.product_id ?? row.linked_to }))
      .filter((row) => wanted.has(row.for_product_id!))
    return groupBy(options, "for_product_id")
  }

  async optionsById(optionIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db.select().from(productOption).where(inArray(productOption.id, optionIds))
    return groupBy(rows, "id")
  }

  async valuesOfOptions(optionIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(productOptionValue)
      .where(and(inArray(productOptionValue.option_id, optionIds), live(productOptionValue)))
      .orderBy(asc(productOptionValue.created_at), asc(productOptionValue.id))
    return groupBy(rows, "option_id")
  }

  /** A variant's option values (Medusa's `variant.options`). */
  async optionValuesOfVariants(variantIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ variant_id: productVariantOption.variant_id, value: productOptionValue })
      .from(productVariantOption)
      .innerJoin(productOptionValue, eq(productOptionValue.id, productVariantOption.option_value_id))
      .where(inArray(productVariantOption.variant_id, variantIds))
      .orderBy(asc(productOptionValue.created_at), asc(productOptionValue.id))
    return groupBy(
      rows.map((row) => ({ ...row.value, variant_id: row.variant_id })),
      "variant_id",
    )
  }

  async productsById(productIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db.select().from(product).where(inArray(product.id, productIds))
    return groupBy(rows, "id")
  }

  async imagesOf(productIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(productImage)
      .where(and(inArray(productImage.product_id, productIds), live(productImage)))
      .orderBy(asc(productImage.rank), asc(productImage.id))
    return groupBy(rows, "product_id")
  }

  /** The product ↔ sales channel and product ↔ shipping profile links; the linked rows are their modules'. */
  async salesChannelLinksOf(productIds: string[]) {
    return this.db.select().from(productSalesChannel).where(inArray(productSalesChannel.product_id, productIds))
  }

  async shippingProfileLinksOf(productIds: string[]) {
    return this.db.select().from(productShippingProfile).where(inArray(productShippingProfile.product_id, productIds))
  }

  /** A variant's images (Medusa's `variant.images`): the product's images linked to it, by rank. */
  async imagesOfVariants(variantIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ variant_id: productVariantProductImage.variant_id, image: productImage })
      .from(productVariantProductImage)
      .innerJoin(productImage, and(eq(productImage.id, productVariantProductImage.image_id), live(productImage)))
      .where(and(inArray(productVariantProductImage.variant_id, variantIds), live(productVariantProductImage)))
      .orderBy(asc(productImage.rank), asc(productImage.id))
    return groupBy(
      rows.map((row) => ({ ...row.image, variant_id: row.variant_id })),
      "variant_id",
    )
  }

  /** An image's variants (Medusa's `image.variants`): the live variants linked to it. */
  async variantsOfImages(imageIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ image_id: productVariantProductImage.image_id, variant: productVariant })
      .from(productVariantProductImage)
      .innerJoin(
        productVariant,
        and(eq(productVariant.id, productVariantProductImage.variant_id), live(productVariant)),
      )
      .where(and(inArray(productVariantProductImage.image_id, imageIds), live(productVariantProductImage)))
      .orderBy(asc(productVariant.variant_rank), asc(productVariant.id))
    return groupBy(
      rows.map((row) => ({ ...row.variant, image_id: row.image_id })),
      "image_id",
    )
  }

  async tagsOf(productIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ product_id: productTags.product_id, tag: productTag })
      .from(productTags)
      .innerJoin(productTag, and(eq(productTag.id, productTags.product_tag_id), live(productTag)))
      .where(inArray(productTags.product_id, productIds))
      .orderBy(asc(productTag.value))
    return groupBy(
      rows.map((row) => ({ ...row.tag, product_id: row.product_id })),
      "product_id",
    )
  }

  async typesById(typeIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(productType)
      .where(and(inArray(productType.id, typeIds), live(productType)))
    return groupBy(rows, "id")
  }

  async collectionsById(collectionIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(productCollection)
      .where(and(inArray(productCollection.id, collectionIds), live(productCollection)))
    return groupBy(rows, "id")
  }

  /** A product's categories; a storefront sees only active, public ones. */
  async categoriesOf(productIds: string[], visibleOnly: boolean): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ product_id: productCategoryProduct.product_id, category: productCategory })
      .from(productCategoryProduct)
      .innerJoin(productCategory, eq(productCategory.id, productCategoryProduct.product_category_id))
      .where(
        and(
          inArray(productCategoryProduct.product_id, productIds),
          visibleOnly ? visibleCategory : live(productCategory),
        ),
      )
      .orderBy(asc(productCategory.rank), asc(productCategory.id))
    return groupBy(
      rows.map((row) => ({ ...row.category, product_id: row.product_id })),
      "product_id",
    )
  }
}
