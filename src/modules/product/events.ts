/** Events of the product domain (payload `{ id }`). */
export const ProductEvents = {
  CREATED: "product.created",
  UPDATED: "product.updated",
  DELETED: "product.deleted",
  VARIANT_CREATED: "product-variant.created",
  VARIANT_UPDATED: "product-variant.updated",
  VARIANT_DELETED: "product-variant.deleted",
} as const
