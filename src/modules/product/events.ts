/** Events of the product domain (payload `{ id }`). */
export const ProductEvents = {
  CREATED: "product.created",
  UPDATED: "product.updated",
  DELETED: "product.deleted",
  VARIANT_CREATED: "product-variant.created",
  VARIANT_UPDATED: "product-variant.updated",
  VARIANT_DELETED: "product-variant.deleted",
  OPTION_CREATED: "product-option.created",
  OPTION_UPDATED: "product-option.updated",
  OPTION_DELETED: "product-option.deleted",
} as const
