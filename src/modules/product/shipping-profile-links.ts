import { and, eq, isNull } from "drizzle-orm"
import type { Scope } from "../../core/container"
import { product, productShippingProfile } from "./schema"

/** Live products shipping under a profile: a profile in use cannot be deleted. */
export async function productIdsOfShippingProfile(scope: Scope, profileId: string): Promise<string[]> {
  const rows = await scope
    .resolve("manager")
    .select({ id: productShippingProfile.product_id })
    .from(productShippingProfile)
    .innerJoin(product, and(eq(product.id, productShippingProfile.product_id), isNull(product.deleted_at)))
    .where(eq(productShippingProfile.shipping_profile_id, profileId))
  return rows.map((row) => row.id)
}
