import { and, asc, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { groupBy, type Row } from "../../core/query/graph"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
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
  productTags,
  productType,
  productVariant,
  productVariantOption,
} from "./schema"
import { live } from "../../core/columns"

export interface ProductFilters {
  id?: string[]
  handle?: string[]
  title?: string[]
  q?: string
  status?: ("draft" | "proposed" | "published" | "rejected")[]
  collection_id?: string[]
  type_id?: string[]
  tag_id?: string[]
  category_id?: string[]
  sales_channel_id?: string[]
  external_id?: string[]
  is_giftcard?: boolean
  /** products having any of these variants */
  variant_id?: string[]
}

/** What a storefront may see: published products in the request's sales channels. */
export function storeProductFilters(salesChannelIds: string[]): ProductFilters {
  return { status: ["published"], sales_channel_id: salesChannelIds }
}

/** The product's own options and the shared ones it links to. */
export function optionOfProduct(productId: string): SQL {
  const linked = sql`${productOption.id} in (select ${productOptionProduct.option_id} from ${productOptionProduct} where ${productOptionProduct.product_id} = ${productId})`
  return or(eq(productOption.product_id, productId), linked)!
}

/** Every live value of the product's options, with its option's title: how variants name their values. */
export function liveOptionValuesOf(db: Db, productId: string) {
  return db
    .select({
      option_id: productOption.id,
      title: productOption.title,
      value: productOptionValue.value,
      id: productOptionValue.id,
    })
    .from(productOptionValue)
    .innerJoin(productOption, eq(productOption.id, productOptionValue.option_id))
    .where(and(optionOfProduct(productId), live(productOption), live(productOptionValue)))
}

/** Medusa's refusal of a variant naming a value its product's option does not have. */
export const unknownOptionValue = (title: string, value: string) =>
  new MedusaError("invalid_data", `Option value ${value} does not exist for option ${title}`)

/** Categories a storefront may see: active and not internal. */
export const visibleCategory = and(
  eq(productCategory.is_active, true),
  eq(productCategory.is_internal, false),
  isNull(productCategory.deleted_at),
)

export class ProductService {
  constructor(private readonly db: Db) {}

  async list(filters: ProductFilters & DateFilters, ordering: Ordering, page: Page) {
    return listPage(this.db, product, this.where(filters), orderBy(product, ordering, product.id), page, filters)
  }

  async retrieve(id: string, filters: ProductFilters = {}) {
    const [found] = await this.db
      .select()
      .from(product)
      .where(and(eq(product.id, id), this.where(filters)))
    if (!found) throw new MedusaError("not_found", `Product with id: ${id} was not found`)
    return found
  }

  async listVariants(filters: VariantFilters & DateFilters, ordering: Ordering, page: Page) {
    const where = and(
      live(productVariant),
      filters.product_id ? inArray(productVariant.product_id, filters.product_id) : undefined,
      filters.id ? inArray(productVariant.id, filters.id) : undefined,
      filters.sku ? inArray(productVariant.sku, filters.sku) : undefined,
      filters.ean ? inArray(productVariant.ean, filters.ean) : undefined,
      filters.upc ? inArray(productVariant.upc, filters.upc) : undefined,
      filters.barcode ? inArray(productVariant.barcode, filters.barcode) : undefined,
      filters.manage_inventory !== undefined
        ? eq(productVariant.manage_inventory, filters.manage_inventory)
        : undefined,
      filters.allow_backorder !== undefined ? eq(productVariant.allow_backorder, filters.allow_backorder) : undefined,
      filters.q
        ? searchAny(
            [productVariant.title, productVariant.sku, productVariant.barcode, productVariant.ean, productVariant.upc],
            filters.q,
          )
        : undefined,
    )
    return listPage(this.db, productVariant, where, orderBy(productVariant, ordering, productVariant.id), page, filters)
  }

  /** The ids of the products' variants, deleted ones too (whatever still points at them). */
  async variantIdsOfProducts(productIds: string[]): Promise<string[]> {
    if (productIds.length === 0) return []
    const rows = await this.db
      .select({ id: productVariant.id })
      .from(productVariant)
      .where(inArray(productVariant.product_id, productIds))
    return rows.map((row) => row.id)
  }

  async retrieveVariant(productId: string, variantId: string) {
    const [found] = await this.db
      .select()
      .from(productVariant)
      .where(and(eq(productVariant.id, variantId), eq(productVariant.product_id, productId), live(productVariant)))
    if (!found) throw new MedusaError("not_found", `Variant with id: ${variantId} was not found`)
    return found
  }

  /** What a cart line snapshots of its variant: the variant, its product and its option values, in two statements. */
  async variantSnapshots(variantIds: string[]) {
    if (variantIds.length === 0) return new Map<string, VariantSnapshot>()
    const rows = await this.db
      .select({
        variant: productVariant,
        product,
        collection_title: productCollection.title,
        type_value: productType.value,
      })
      .from(productVariant)
      .innerJoin(product, eq(product.id, productVariant.product_id))
      .leftJoin(productCollection, eq(productCollection.id, product.collection_id))
      .leftJoin(productType, eq(productType.id, product.type_id))
      .where(and(inArray(productVariant.id, variantIds), live(productVariant), live(product)))
    const options = await this.db
      .select({
        variant_id: productVariantOption.variant_id,
        title: productOption.title,
        value: productOptionValue.value,
      })
      .from(productVariantOption)
      .innerJoin(productOptionValue, eq(productOptionValue.id, productVariantOption.option_value_id))
      .innerJoin(productOption, eq(productOption.id, productOptionValue.option_id))
      .where(inArray(productVariantOption.variant_id, variantIds))
    const channels = await this.db
      .select()
      .from(productSalesChannel)
      .where(
        inArray(
          productSalesChannel.product_id,
          rows.map((row) => row.product.id),
        ),
      )
    return new Map<string, VariantSnapshot>(
      rows.map((row) => [
        row.variant.id,
        {
          ...row,
          option_values: Object.fromEntries(
            options.filter((o) => o.variant_id === row.variant.id).map((o) => [o.title, o.value]),
          ),
          sales_channel_ids: channels.filter((c) => c.product_id === row.product.id).map((c) => c.sales_channel_id),
        },
      ]),
    )
  }

  /** Products of collections, for `collection.products`; only those `filters` admit. */
  async productsOfCollections(collectionIds: string[], filters: ProductFilters): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(product)
      .where(and(inArray(product.collection_id, collectionIds), this.where(filters)))
      .orderBy(asc(product.created_at), asc(product.id))
    return groupBy(rows, "collection_id")
  }

  /** Products of categories, for `category.products`; only those `filters` admit. */
  async productsOfCategories(categoryIds: string[], filters: ProductFilters): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select({ category_id: productCategoryProduct.product_category_id, product })
      .from(productCategoryProduct)
      .innerJoin(product, eq(product.id, productCategoryProduct.product_id))
      .where(and(inArray(productCategoryProduct.product_category_id, categoryIds), this.where(filters)))
      .orderBy(asc(product.created_at), asc(product.id))
    return groupBy(
      rows.map((row) => ({ ...row.product, category_id: row.category_id })),
      "category_id",
    )
  }

  /** A product with its options, variants, images, tags and links, in one transaction. */
  async create(input: CreateProductInput) {
    return this.db.transaction(async (tx) => {
      const productId = generateId("prod")
      const [created] = await tx
        .insert(product)
        .values({
          id: productId,
          title: input.title,
          handle: input.handle,
          subtitle: input.subtitle,
          description: input.description,
          status: input.status ?? "draft",
          thumbnail: input.thumbnail ?? input.images?.[0],
          collection_id: input.collection_id,
          type_id: input.type_id,
        })
        .returning()
      const valueIds = new Map<string, string>() // "title\u0000value" → option value id
      for (const option of input.options) {
        const optionId = generateId("opt")
        await tx.insert(productOption).values({ id: optionId, title: option.title, product_id: productId })
        const values = option.values.map((value) => ({ id: generateId("optval"), value, option_id: optionId }))
        await tx.insert(productOptionValue).values(values)
        for (const value of values) valueIds.set(`${option.title}\u0000${value.value}`, value.id)
      }
      const createdVariants = await new ProductService(tx as unknown as Db).addVariants(
        productId,
        input.variants,
        valueIds,
      )
      if (input.images?.length) {
        await tx
          .insert(productImage)
          .values(input.images.map((url, rank) => ({ id: generateId("img"), url, rank, product_id: productId })))
      }
      if (input.tag_ids?.length)
        await tx
          .insert(productTags)
          .values(input.tag_ids.map((product_tag_id) => ({ product_id: productId, product_tag_id })))
      if (input.category_ids?.length) {
        await tx
          .insert(productCategoryProduct)
          .values(input.category_ids.map((product_category_id) => ({ product_id: productId, product_category_id })))
      }
      if (input.sales_channel_ids?.length) {
        await tx
          .insert(productSalesChannel)
          .values(input.sales_channel_ids.map((sales_channel_id) => ({ product_id: productId, sales_channel_id })))
      }
      if (input.shipping_profile_id) {
        await tx
          .insert(productShippingProfile)
          .values({ product_id: productId, shipping_profile_id: input.shipping_profile_id })
      }
      return { product: created!, variants: createdVariants }
    })
  }

  /**
   * Adds variants to a product; each names a value of every option (`{ Size: "M" }`). Values are
   * looked up on the product unless given (a product being created passes its own).
   */
  async addVariants(productId: string, variants: CreateProductInput["variants"], knownValues?: Map<string, string>) {
    if (variants.length === 0) return []
    let valueIds = knownValues
    if (!valueIds)
      valueIds = new Map(
        (await liveOptionValuesOf(this.db, productId)).map((row) => [`${row.title}\u0000${row.value}`, row.id]),
      )
    const [{ rank } = { rank: 0 }] = await this.db
      .select({ rank: sql<number>`coalesce(max(${productVariant.variant_rank}) + 1, 0)::int` })
      .from(productVariant)
      .where(eq(productVariant.product_id, productId))
    const rows = variants.map((variant, i) => ({
      id: generateId("variant"),
      title: variant.title,
      sku: variant.sku,
      manage_inventory: variant.manage_inventory ?? true,
      allow_backorder: variant.allow_backorder ?? false,
      ...variantAttributesOf(variant),
      variant_rank: rank + i,
      product_id: productId,
    }))
    const created = await this.db.insert(productVariant).values(rows).returning()
    const links = variants.flatMap((variant, i) =>
      Object.entries(variant.options).map(([title, value]) => {
        const option_value_id = valueIds!.get(`${title}\u0000${value}`)
        if (!option_value_id) throw unknownOptionValue(title, value)
        return { variant_id: rows[i]!.id, option_value_id }
      }),
    )
    if (links.length) await this.db.insert(productVariantOption).values(links)
    return created
  }

  async updateVariant(
    productId: string,
    variantId: string,
    patch: Partial<
      Pick<typeof productVariant.$inferInsert, "title" | "sku" | "manage_inventory" | "allow_backorder" | "metadata">
    > &
      VariantAttributes,
  ) {
    const [updated] = await this.db
      .update(productVariant)
      .set({ ...patch, updated_at: sql`now()` })
      .where(and(eq(productVariant.id, variantId), eq(productVariant.product_id, productId), live(productVariant)))
      .returning()
    if (!updated) throw new MedusaError("not_found", `Variant with id: ${variantId} was not found`)
    return updated
  }

  async softDeleteVariant(productId: string, variantId: string) {
    const [deleted] = await this.db
      .update(productVariant)
      .set({ deleted_at: sql`now()` })
      .where(and(eq(productVariant.id, variantId), eq(productVariant.product_id, productId), live(productVariant)))
      .returning({ id: productVariant.id })
    if (!deleted) throw new MedusaError("not_found", `Variant with id: ${variantId} was not found`)
  }

  async update(
    id: string,
    patch: Partial<Omit<typeof product.$inferInsert, "id" | "created_at" | "updated_at" | "deleted_at">>,
  ) {
    const [updated] = await this.db
      .update(product)
      .set({ ...patch, updated_at: sql`now()` })
      .where(and(eq(product.id, id), live(product)))
      .returning()
    if (!updated) throw new MedusaError("not_found", `Product with id: ${id} was not found`)
    return updated
  }

  /**
   * A product's images become these, in this order: one of its own given by id keeps its id (its
   * variants' links with it) with the url and rank given; the rest are added; the ones left out go.
   */
  private async replaceImages(productId: string, images: { url: string; id?: string }[]) {
    const current = await this.db
      .select({ id: productImage.id, url: productImage.url, rank: productImage.rank })
      .from(productImage)
      .where(and(eq(productImage.product_id, productId), live(productImage)))
    const own = new Map(current.map((image) => [image.id, image]))
    const kept = images.flatMap((image, rank) =>
      image.id && own.has(image.id) ? [{ ...image, id: image.id, rank }] : [],
    )
    const keptIds = new Set(kept.map((image) => image.id))
    const gone = [...own.keys()].filter((id) => !keptIds.has(id))
    if (gone.length)
      await this.db.update(productImage).set({ deleted_at: sql`now()` }).where(inArray(productImage.id, gone))
    // Only an image whose url or place changed is written: saving the form unchanged writes none.
    for (const image of kept.filter(
      (image) => own.get(image.id)!.url !== image.url || own.get(image.id)!.rank !== image.rank,
    ))
      await this.db
        .update(productImage)
        .set({ url: image.url, rank: image.rank, updated_at: sql`now()` })
        .where(eq(productImage.id, image.id))
    const added = images.flatMap((image, rank) =>
      image.id && keptIds.has(image.id) ? [] : [{ id: generateId("img"), url: image.url, rank, product_id: productId }],
    )
    if (added.length) await this.db.insert(productImage).values(added)
  }

  /** Replaces each link that is given (undefined keeps it; a null profile removes it), as Medusa's product update does. */
  async replaceLinks(
    productId: string,
    links: {
      /** an image given with its id keeps it (and the variants it shows); the others are new */
      images?: { url: string; id?: string }[]
      tag_ids?: string[]
      category_ids?: string[]
      sales_channel_ids?: string[]
      shipping_profile_id?: string | null
    },
  ) {
    if (links.images) await this.replaceImages(productId, links.images)
    if (links.tag_ids) {
      await this.db.delete(productTags).where(eq(productTags.product_id, productId))
      if (links.tag_ids.length)
        await this.db
          .insert(productTags)
          .values(links.tag_ids.map((product_tag_id) => ({ product_id: productId, product_tag_id })))
    }
    if (links.category_ids) {
      await this.db.delete(productCategoryProduct).where(eq(productCategoryProduct.product_id, productId))
      if (links.category_ids.length) {
        await this.db.insert(productCategoryProduct).values(
          [...new Set(links.category_ids)].map((product_category_id) => ({
            product_id: productId,
            product_category_id,
          })),
        )
      }
    }
    if (links.sales_channel_ids) {
      await this.db.delete(productSalesChannel).where(eq(productSalesChannel.product_id, productId))
      if (links.sales_channel_ids.length) {
        await this.db.insert(productSalesChannel).values(
          [...new Set(links.sales_channel_ids)].map((sales_channel_id) => ({
            product_id: productId,
            sales_channel_id,
          })),
        )
      }
    }
    if (links.shipping_profile_id !== undefined) {
      await this.db.delete(productShippingProfile).where(eq(productShippingProfile.product_id, productId))
      if (links.shipping_profile_id)
        await this.db
          .insert(productShippingProfile)
          .values({ product_id: productId, shipping_profile_id: links.shipping_profile_id })
    }
  }

  /** Soft delete, as Medusa's: the product and its variants leave every list; its handle is free again. */
  async softDelete(id: string) {
    await this.update(id, {})
    await this.db
      .update(productVariant)
      .set({ deleted_at: sql`now()` })
      .where(and(eq(productVariant.product_id, id), live(productVariant)))
    await this.db.update(product).set({ deleted_at: sql`now()` }).where(eq(product.id, id))
  }

  private where(filters: ProductFilters): SQL | undefined {
    const conditions: (SQL | undefined)[] = [live(product)]
    if (filters.id) conditions.push(inArray(product.id, filters.id))
    if (filters.handle) conditions.push(inArray(product.handle, filters.handle))
    if (filters.title) conditions.push(inArray(product.title, filters.title))
    if (filters.status) conditions.push(inArray(product.status, filters.status))
    if (filters.collection_id) conditions.push(inArray(product.collection_id, filters.collection_id))
    if (filters.type_id) conditions.push(inArray(product.type_id, filters.type_id))
    if (filters.external_id) conditions.push(inArray(product.external_id, filters.external_id))
    if (filters.is_giftcard !== undefined) conditions.push(eq(product.is_giftcard, filters.is_giftcard))
    if (filters.q)
      conditions.push(searchAny([product.title, product.subtitle, product.description, product.handle], filters.q))
    if (filters.variant_id) {
      const having = this.db
        .select({ one: sql`1` })
        .from(productVariant)
        .where(
          and(
            eq(productVariant.product_id, product.id),
            inArray(productVariant.id, filters.variant_id),
            isNull(productVariant.deleted_at),
          ),
        )
      conditions.push(exists(having))
    }
    if (filters.tag_id) {
      const tagged = this.db
        .select({ one: sql`1` })
        .from(productTags)
        .where(and(eq(productTags.product_id, product.id), inArray(productTags.product_tag_id, filters.tag_id)))
      conditions.push(exists(tagged))
    }
    if (filters.category_id) {
      const inCategory = this.db
        .select({ one: sql`1` })
        .from(productCategoryProduct)
        .innerJoin(productCategory, eq(productCategory.id, productCategoryProduct.product_category_id))
        .where(
          and(
            eq(productCategoryProduct.product_id, product.id),
            inArray(productCategoryProduct.product_category_id, filters.category_id),
            visibleCategory,
          ),
        )
      conditions.push(exists(inCategory))
    }
    if (filters.sales_channel_id) {
      const inChannel = this.db
        .select({ one: sql`1` })
        .from(productSalesChannel)
        .where(
          and(
            eq(productSalesChannel.product_id, product.id),
            inArray(productSalesChannel.sales_channel_id, filters.sales_channel_id),
          ),
        )
      conditions.push(exists(inChannel))
    }
    return and(...conditions)
  }
}

export interface VariantFilters {
  product_id?: string[]
  id?: string[]
  sku?: string[]
  ean?: string[]
  upc?: string[]
  barcode?: string[]
  q?: string
  manage_inventory?: boolean
  allow_backorder?: boolean
}

export interface VariantSnapshot {
  variant: typeof productVariant.$inferSelect
  product: typeof product.$inferSelect
  collection_title: string | null
  type_value: string | null
  option_values: Record<string, string>
  sales_channel_ids: string[]
}

export interface CreateProductInput {
  title: string
  handle: string
  subtitle?: string
  description?: string
  status?: "draft" | "proposed" | "published" | "rejected"
  thumbnail?: string
  images?: string[]
  collection_id?: string
  type_id?: string
  tag_ids?: string[]
  category_ids?: string[]
  sales_channel_ids?: string[]
  shipping_profile_id?: string
  options: { title: string; values: string[] }[]
  variants: ({
    title: string
    sku?: string
    manage_inventory?: boolean
    allow_backorder?: boolean
    /** option title → value */
    options: Record<string, string>
  } & VariantAttributes)[]
}

const VARIANT_ATTRIBUTES = [
  "barcode",
  "ean",
  "upc",
  "hs_code",
  "mid_code",
  "origin_country",
  "material",
  "weight",
  "length",
  "height",
  "width",
  "thumbnail",
  "metadata",
] as const
/** A variant's codes, customs attributes and metadata: stored as given. */
export type VariantAttributes = Partial<Pick<typeof productVariant.$inferInsert, (typeof VARIANT_ATTRIBUTES)[number]>>
function variantAttributesOf(variant: VariantAttributes): VariantAttributes {
  return Object.fromEntries(VARIANT_ATTRIBUTES.filter((key) => variant[key] != null).map((key) => [key, variant[key]]))
}
