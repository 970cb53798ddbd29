import { sql } from "drizzle-orm"
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns, linkColumns, physicalColumns } from "../../core/columns"

const live = sql`deleted_at is null`

export const productCollection = pgTable(
  "product_collection",
  {
    ...entityColumns(),
    title: text("title").notNull(),
    handle: text("handle").notNull(),
    external_id: text("external_id"),
  },
  (t) => [uniqueIndex("product_collection_handle_uq").on(t.handle).where(live)],
)

export const productType = pgTable("product_type", { ...entityColumns(), value: text("value").notNull() }, (t) => [
  uniqueIndex("product_type_value_uq").on(t.value).where(live),
])

export const productTag = pgTable("product_tag", { ...entityColumns(), value: text("value").notNull() }, (t) => [
  uniqueIndex("product_tag_value_uq").on(t.value).where(live),
])

export const productCategory = pgTable(
  "product_category",
  {
    ...entityColumns(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    handle: text("handle").notNull(),
    /** ids from the root down to this category, dot-separated: finds a subtree with one LIKE */
    mpath: text("mpath").notNull(),
    is_active: boolean("is_active").notNull().default(false),
    is_internal: boolean("is_internal").notNull().default(false),
    rank: integer("rank").notNull().default(0),
    parent_category_id: text("parent_category_id"),
  },
  (t) => [
    uniqueIndex("product_category_handle_uq").on(t.handle).where(live),
    index("product_category_parent_idx").on(t.parent_category_id),
    index("product_category_mpath_idx").on(t.mpath),
  ],
)

export const product = pgTable(
  "product",
  {
    ...entityColumns(),
    title: text("title").notNull(),
    handle: text("handle").notNull(),
    subtitle: text("subtitle"),
    description: text("description"),
    is_giftcard: boolean("is_giftcard").notNull().default(false),
    status: text("status", { enum: ["draft", "proposed", "published", "rejected"] })
      .notNull()
      .default("draft"),
    thumbnail: text("thumbnail"),
    weight: text("weight"),
    length: text("length"),
    height: text("height"),
    width: text("width"),
    origin_country: text("origin_country"),
    hs_code: text("hs_code"),
    mid_code: text("mid_code"),
    material: text("material"),
    discountable: boolean("discountable").notNull().default(true),
    external_id: text("external_id"),
    collection_id: text("collection_id").references(() => productCollection.id, { onDelete: "set null" }),
    type_id: text("type_id").references(() => productType.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("product_handle_uq").on(t.handle).where(live),
    index("product_collection_id_idx").on(t.collection_id),
    index("product_type_id_idx").on(t.type_id),
    index("product_status_idx").on(t.status).where(live),
  ],
)

/**
 * An option of one product (`product_id`, exclusive), or, since Medusa 2.16, a shared one made
 * through /admin/product-options (no `product_id`) that products link to (productOptionProduct).
 */
export const productOption = pgTable(
  "product_option",
  {
    ...entityColumns(),
    title: text("title").notNull(),
    product_id: text("product_id").references(() => product.id, { onDelete: "cascade" }),
    is_exclusive: boolean("is_exclusive").notNull().default(true),
  },
  (t) => [uniqueIndex("product_option_title_uq").on(t.product_id, t.title).where(live)],
)

/** A product using a shared option; all of the option's values are offered to its variants. */
export const productOptionProduct = pgTable(
  "product_option_product",
  {
    product_id: text("product_id")
      .notNull()
      .references(() => product.id, { onDelete: "cascade" }),
    option_id: text("option_id")
      .notNull()
      .references(() => productOption.id, { onDelete: "cascade" }),
    ...linkColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.product_id, t.option_id] }),
    index("product_option_product_option_idx").on(t.option_id),
  ],
)

export const productOptionValue = pgTable(
  "product_option_value",
  {
    ...entityColumns(),
    value: text("value").notNull(),
    option_id: text("option_id")
      .notNull()
      .references(() => productOption.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("product_option_value_uq").on(t.option_id, t.value).where(live)],
)

export const productVariant = pgTable(
  "product_variant",
  {
    ...entityColumns(),
    title: text("title").notNull(),
    sku: text("sku"),
    barcode: text("barcode"),
    ean: text("ean"),
    upc: text("upc"),
    allow_backorder: boolean("allow_backorder").notNull().default(false),
    manage_inventory: boolean("manage_inventory").notNull().default(true),
    ...physicalColumns(),
    variant_rank: integer("variant_rank").notNull().default(0),
    thumbnail: text("thumbnail"),
    product_id: text("product_id")
      .notNull()
      .references(() => product.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("product_variant_sku_uq").on(t.sku).where(sql`deleted_at is null and sku is not null`),
    index("product_variant_product_id_idx").on(t.product_id),
  ],
)

export const productVariantOption = pgTable(
  "product_variant_option",
  {
    variant_id: text("variant_id")
      .notNull()
      .references(() => productVariant.id, { onDelete: "cascade" }),
    option_value_id: text("option_value_id")
      .notNull()
      .references(() => productOptionValue.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.variant_id, t.option_value_id] })],
)

export const productImage = pgTable(
  "image",
  {
    ...entityColumns(),
    url: text("url").notNull(),
    rank: integer("rank").notNull().default(0),
    product_id: text("product_id")
      .notNull()
      .references(() => product.id, { onDelete: "cascade" }),
  },
  (t) => [index("image_product_id_idx").on(t.product_id)],
)

/** Medusa 2.11+'s variant images: which of the product's images show a variant (`variant.images`). */
export const productVariantProductImage = pgTable(
  "product_variant_product_image",
  {
    id: text("id").primaryKey(),
    variant_id: text("variant_id")
      .notNull()
      .references(() => productVariant.id, { onDelete: "cascade" }),
    image_id: text("image_id")
      .notNull()
      .references(() => productImage.id, { onDelete: "cascade" }),
    created_at: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updated_at: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    deleted_at: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("product_variant_product_image_uq").on(t.variant_id, t.image_id).where(live),
    index("product_variant_product_image_image_id_idx").on(t.image_id),
  ],
)

export const productTags = pgTable(
  "product_tags",
  {
    product_id: text("product_id")
      .notNull()
      .references(() => product.id, { onDelete: "cascade" }),
    product_tag_id: text("product_tag_id")
      .notNull()
      .references(() => productTag.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.product_id, t.product_tag_id] }),
    index("product_tags_tag_idx").on(t.product_tag_id),
  ],
)

export const productCategoryProduct = pgTable(
  "product_category_product",
  {
    product_id: text("product_id")
      .notNull()
      .references(() => product.id, { onDelete: "cascade" }),
    product_category_id: text("product_category_id")
      .notNull()
      .references(() => productCategory.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.product_id, t.product_category_id] }),
    index("product_category_product_cat_idx").on(t.product_category_id),
  ],
)

/** Which sales channels sell a product (Medusa's product ↔ sales channel link). */
export const productSalesChannel = pgTable(
  "product_sales_channel",
  {
    product_id: text("product_id")
      .notNull()
      .references(() => product.id, { onDelete: "cascade" }),
    sales_channel_id: text("sales_channel_id").notNull(),
    ...linkColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.product_id, t.sales_channel_id] }),
    index("product_sales_channel_sc_idx").on(t.sales_channel_id),
  ],
)

/** The shipping profile a product ships under (Medusa's product ↔ shipping profile link). */
export const productShippingProfile = pgTable("product_shipping_profile", {
  product_id: text("product_id")
    .primaryKey()
    .references(() => product.id, { onDelete: "cascade" }),
  shipping_profile_id: text("shipping_profile_id").notNull(),
  ...linkColumns(),
})

/**
 * A CSV import between its preview and its confirmation (Medusa's import-products-as-chunks transaction):
 * the validated products it will create and update, applied once on confirm.
 */
export const productImport = pgTable(
  "product_import",
  {
    ...entityColumns(),
    /** awaiting_confirmation, then completed */
    status: text("status").notNull(),
    filename: text("filename").notNull(),
    file_key: text("file_key").notNull(),
    /** `{ create: CreateProductBody[], update: ProductUpdate[] }`, validated when previewed */
    plan: jsonb("plan").notNull(),
    to_create: integer("to_create").notNull(),
    to_update: integer("to_update").notNull(),
    created_by: text("created_by"),
    expires_at: timestamp("expires_at", { withTimezone: true }).notNull(),
    completed_at: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("product_import_created_at_idx").on(t.created_at)],
)
