import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { toJsonNumber } from "../../core/money"
import { cachedLocationIds } from "../../modules/stock-location/catalog-reads"
import type { CartState } from "./cart-view"
import { assertOpen } from "../../modules/cart/guards"

/**
 * The shipping options a cart can use, priced in its currency and region, in Medusa's shape.
 * An option without a price for the cart is left out. Options, zones and prices are catalog
 * data: read through the catalog cache, per channel, country, currency and region.
 */
export async function shippingOptionsFor(scope: Scope, state: CartState, optionIds?: string[]) {
  const { sales_channel_id, currency_code, region_id } = state.cart
  const key = `cart-shipping:${sales_channel_id}:${state.shippingAddress?.country_code ?? ""}:${currency_code}:${region_id}:${optionIds?.join(",") ?? "*"}`
  return scope
    .resolve("catalogCache")
    .read(key, ["shipping", "prices", "regions"], () => loadShippingOptions(scope, state, optionIds))
}

async function loadShippingOptions(scope: Scope, state: CartState, optionIds?: string[]) {
  const locations = await cachedLocationIds(scope, [state.cart.sales_channel_id ?? ""])
  const rows = await scope.resolve("fulfillmentService").optionsForCart({
    locationIds: locations,
    countryCode: state.shippingAddress?.country_code,
    optionIds,
  })
  const prices = await scope.resolve("pricingService").calculateShippingOptionPrices(
    rows.map((row) => row.option.id),
    { currency_code: state.cart.currency_code, region_id: state.cart.region_id ?? undefined },
  )
  return rows
    .filter((row) => prices.has(row.option.id))
    .map(({ option, zone, set, location_id, type }) => {
      const { amount, ...calculated_price } = prices.get(option.id)!
      return {
        id: option.id,
        name: option.name,
        price_type: option.price_type,
        service_zone_id: option.service_zone_id,
        shipping_profile_id: option.shipping_profile_id,
        provider_id: option.provider_id,
        data: option.data,
        metadata: option.metadata,
        type: type ? { id: type.id, label: type.label, description: type.description, code: type.code } : null,
        provider: { id: option.provider_id, is_enabled: true },
        amount: toJsonNumber(amount),
        is_tax_inclusive: calculated_price.is_calculated_price_tax_inclusive,
        calculated_price,
        prices: [
          {
            id: calculated_price.calculated_price.id,
            amount: toJsonNumber(amount),
            currency_code: calculated_price.currency_code,
          },
        ],
        insufficient_inventory: false,
        service_zone: {
          id: zone.id,
          name: zone.name,
          fulfillment_set_id: set.id,
          fulfillment_set: { id: set.id, name: set.name, type: set.type, location: { id: location_id } },
        },
        /** exact amount, for the shipping method */
        exact_amount: amount,
      }
    })
}

/** Adds the option as the cart's shipping method for its profile; the option must be one the cart can use. */
export async function addShippingMethod(
  scope: Scope,
  state: CartState,
  input: { option_id: string; data?: Record<string, unknown> },
) {
  assertOpen(state.cart)
  const [option] = await shippingOptionsFor(scope, state, [input.option_id])
  if (!option)
    throw new MedusaError(
      "invalid_data",
      `Shipping Options are invalid for cart. ${input.option_id} cannot be used for cart ${state.cart.id}.`,
    )
  await scope.resolve("cartService").setShippingMethod(state.cart.id, {
    name: option.name,
    amount: option.exact_amount,
    is_tax_inclusive: option.is_tax_inclusive,
    shipping_option_id: option.id,
    shipping_profile_id: option.shipping_profile_id,
    data: input.data ?? option.data ?? null,
  })
}
