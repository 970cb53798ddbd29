import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import type { FulfillmentService } from "../../modules/fulfillment/service"
import type { ShippingProfileService } from "../../modules/fulfillment/shipping-profile-service"
import { productIdsOfShippingProfile } from "../../modules/product/shipping-profile-links"

const profiles = (tx: Scope) => tx.resolve("shippingProfileService")

/** Medusa's createShippingProfilesWorkflow; answers the profile. */
export const createShippingProfile = (
  scope: Scope,
  input: Parameters<FulfillmentService["createShippingProfile"]>[0],
) => transaction(scope, (tx) => tx.resolve("fulfillmentService").createShippingProfile(input))

/** Medusa's updateShippingProfilesWorkflow; answers the profile. */
export const updateShippingProfile = (
  scope: Scope,
  id: string,
  input: Parameters<ShippingProfileService["update"]>[1],
) => transaction(scope, (tx) => profiles(tx).update(id, input))

/** Medusa's deleteShippingProfileWorkflow: a profile products ship under cannot be deleted. */
export const deleteShippingProfile = (scope: Scope, id: string) =>
  transaction(scope, async (tx) => {
    const products = await productIdsOfShippingProfile(tx, id)
    if (products.length)
      throw new MedusaError(
        "invalid_data",
        `Cannot delete following shipping profiles because they are linked to products: ${products.join(", ")}`,
      )
    await profiles(tx).softDelete(id)
  })
