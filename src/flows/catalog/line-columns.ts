import type { VariantSnapshot } from "../../modules/product/service"

/** What a cart or order line copies from its variant and product when it is made. */
export function variantLineColumns(snapshot: VariantSnapshot) {
  return {
    title: snapshot.product.title,
    subtitle: snapshot.variant.title,
    thumbnail: snapshot.variant.thumbnail ?? snapshot.product.thumbnail,
    variant_id: snapshot.variant.id,
    product_id: snapshot.product.id,
    product_title: snapshot.product.title,
    product_description: snapshot.product.description,
    product_subtitle: snapshot.product.subtitle,
    product_handle: snapshot.product.handle,
    product_collection: snapshot.collection_title,
    product_type: snapshot.type_value,
    variant_sku: snapshot.variant.sku,
    variant_barcode: snapshot.variant.barcode,
    variant_title: snapshot.variant.title,
    variant_option_values: snapshot.option_values,
    is_discountable: snapshot.product.discountable,
  }
}
