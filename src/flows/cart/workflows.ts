import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { decimal } from "../../core/money"
import { emitEvent } from "../../infra/event-outbox-service"
import { cachedVariantPrices, cachedVariantSnapshots } from "../catalog/product-reads"
import type { VariantSnapshot } from "../../modules/product/service"
import { cachedLocationIds } from "../../modules/stock-location/catalog-reads"
import { variantLineColumns } from "../catalog/line-columns"
import { cachedRegion } from "../../modules/region/catalog-reads"
import { loadCartState, type CartState } from "./cart-view"
import { applyPromotions } from "./promotions"
import { shippingOptionsFor } from "./shipping"
import { CartEvents } from "../../modules/cart/events"
import { assertOpen } from "../../modules/cart/guards"

export { assertCartAccess, assertOpen } from "../../modules/cart/guards"
import type { AddressInput, Cart, CartLineItem } from "../../modules/cart/service"
import { releaseAfterCommit } from "../payment/release-sessions"

const carts = (scope: Scope) => scope.resolve("cartService")

export interface LineInput {
  variant_id: string
  quantity: number
  metadata?: Record<string, unknown> | null
}

/** The sales channel a new cart sells in: the one asked for (if the key has it), the key's only one, or the store's default. */
async function channelFor(scope: Scope, requested: string | undefined, keyChannels: string[]) {
  if (requested) {
    if (!keyChannels.includes(requested))
      throw new MedusaError("invalid_data", "Requested sales channel is not part of the publishable key")
    return requested
  }
  if (keyChannels.length === 1) return keyChannels[0]!
  if (keyChannels.length > 1) {
    throw new MedusaError(
      "invalid_data",
      "Cannot assign sales channel to cart. The Publishable API Key has multiple sales channels: specify sales_channel_id.",
    )
  }
  const store = await scope.resolve("storeService").retrieveDefault()
  if (!store?.default_sales_channel_id)
    throw new MedusaError("invalid_data", "Publishable key needs to have a sales channel configured")
  return store.default_sales_channel_id
}

export async function createCart(
  scope: Scope,
  input: {
    region_id?: string
    currency_code?: string
    email?: string
    sales_channel_id?: string
    items?: LineInput[]
    shipping_address?: AddressInput | null
    billing_address?: AddressInput | null
    metadata?: Record<string, unknown> | null
    locale?: string
  },
  context: { salesChannelIds: string[]; customerId?: string },
): Promise<string> {
  const regionId = input.region_id ?? (await scope.resolve("storeService").retrieveDefault())?.default_region_id
  if (!regionId)
    throw new MedusaError("invalid_data", "No regions found: set region_id or give the store a default region")
  const region = (await cachedRegion(scope, regionId))?.region
  if (!region) throw new MedusaError("not_found", `Region with id: ${regionId} was not found`)
  if (input.currency_code && input.currency_code.toLowerCase() !== region.currency_code) {
    throw new MedusaError(
      "invalid_data",
      `currency_code ${input.currency_code} does not match the region's currency ${region.currency_code}`,
    )
  }
  const service = carts(scope)
  const shipping = input.shipping_address ? await service.createAddress(input.shipping_address) : null
  const billing = input.billing_address ? await service.createAddress(input.billing_address) : null
  const customer = context.customerId ? await scope.resolve("customerService").retrieve(context.customerId) : undefined
  const cart = await service.create({
    region_id: region.id,
    currency_code: region.currency_code,
    email: input.email ?? customer?.email,
    sales_channel_id: await channelFor(scope, input.sales_channel_id, context.salesChannelIds),
    customer_id: context.customerId,
    shipping_address_id: shipping?.id,
    billing_address_id: billing?.id,
    metadata: input.metadata,
    locale: input.locale,
  })
  if (input.items?.length) await addLines(scope, cart, input.items, [])
  await emitEvent(scope, CartEvents.CREATED, { id: cart.id })
  return cart.id
}

/**
 * Adds lines, merging into a line of the same variant and metadata. Each variant must be
 * published in the cart's channel, priced in its region, and (when stock is managed and no
 * backorder allowed) available in the quantity the line will have.
 */
export async function addLines(scope: Scope, cart: Cart, lines: LineInput[], existingLines?: CartLineItem[]) {
  assertOpen(cart)
  const service = carts(scope)
  const existing = existingLines ?? (await service.items(cart.id))
  const ids = [...new Set(lines.map((line) => line.variant_id))]
  const snapshots = await cachedVariantSnapshots(scope, ids)
  const missing = ids.filter((id) => !snapshots.has(id))
  if (missing.length) throw new MedusaError("invalid_data", `Variants with IDs ${missing.join(", ")} do not exist`)
  const unsold = ids.filter((id) => {
    const snapshot = snapshots.get(id)!
    return snapshot.product.status !== "published" || !snapshot.sales_channel_ids.includes(cart.sales_channel_id ?? "")
  })
  if (unsold.length)
    throw new MedusaError(
      "invalid_data",
      `Sales channel ${cart.sales_channel_id} is not associated with variants: ${unsold.join(", ")}`,
    )
  const prices = await cartPrices(scope, cart, ids)
  const unpriced = ids.filter((id) => !prices.has(id))
  if (unpriced.length)
    throw new MedusaError("invalid_data", `Variants with IDs ${unpriced.join(", ")} do not have a price`)

  const wanted = new Map<string, number>()
  const plan = lines.map((line) => {
    const same = existing.find(
      (item) => item.variant_id === line.variant_id && sameMetadata(item.metadata, line.metadata),
    )
    const total = (same?.quantity ?? 0) + line.quantity
    wanted.set(line.variant_id, (wanted.get(line.variant_id) ?? 0) + line.quantity + (same?.quantity ?? 0))
    return { line, same, total }
  })
  await assertAvailable(
    scope,
    cart,
    [...wanted].map(([variant_id, quantity]) => ({ variant_id, quantity })),
    snapshots,
  )

  for (const { line, same, total } of plan) {
    if (same) {
      await service.updateItem(same.id, { quantity: total })
      continue
    }
    const snapshot = snapshots.get(line.variant_id)!
    const price = prices.get(line.variant_id)!
    await service.addItem(cart.id, {
      ...variantLineColumns(snapshot),
      quantity: line.quantity,
      is_tax_inclusive: price.is_calculated_price_tax_inclusive,
      unit_price: price.amount,
      metadata: line.metadata ?? null,
    })
  }
}

function sameMetadata(a: unknown, b: unknown) {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {})
}

/** Stock check when a cart line grows: managed, non-backorder variants need the units at the channel's locations. */
async function assertAvailable(
  scope: Scope,
  cart: Cart,
  wanted: { variant_id: string; quantity: number }[],
  snapshots: Map<string, VariantSnapshot>,
) {
  const tracked = wanted.filter(({ variant_id }) => {
    const variant = snapshots.get(variant_id)?.variant
    return variant?.manage_inventory && !variant.allow_backorder
  })
  if (tracked.length === 0) return
  const locations = await cachedLocationIds(scope, [cart.sales_channel_id ?? ""])
  const available = await scope.resolve("inventoryService").availability(
    tracked.map((t) => t.variant_id),
    locations,
  )
  const short = tracked.filter(({ variant_id, quantity }) => (available.get(variant_id) ?? 0) < quantity)
  if (short.length) {
    throw new MedusaError(
      "not_allowed",
      `Variant ${short.map((s) => s.variant_id).join(", ")} does not have the required inventory`,
      "insufficient_inventory",
    )
  }
}

/** `lines`: the cart's lines as the caller loaded them with the cart locked. */
export async function updateLine(
  scope: Scope,
  cart: Cart,
  lines: CartLineItem[],
  lineId: string,
  input: { quantity: number; metadata?: Record<string, unknown> | null },
) {
  assertOpen(cart)
  const service = carts(scope)
  const item = lines.find((line) => line.id === lineId)
  if (!item) throw new MedusaError("not_found", `Line item with id: ${lineId} was not found`)
  if (input.quantity === 0) return service.deleteItem(item.id)
  if (input.quantity > item.quantity && item.variant_id) {
    const snapshots = await cachedVariantSnapshots(scope, [item.variant_id])
    await assertAvailable(scope, cart, [{ variant_id: item.variant_id, quantity: input.quantity }], snapshots)
  }
  await service.updateItem(item.id, {
    quantity: input.quantity,
    ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
  })
}

export async function removeLine(scope: Scope, cart: Cart, lines: CartLineItem[], lineId: string) {
  assertOpen(cart)
  const service = carts(scope)
  const item = lines.find((line) => line.id === lineId)
  if (!item) throw new MedusaError("not_found", `Line item with id: ${lineId} was not found`)
  await service.deleteItem(item.id)
}

export async function updateCart(
  scope: Scope,
  cart: Cart,
  input: {
    region_id?: string
    email?: string
    sales_channel_id?: string
    shipping_address?: AddressInput | null
    billing_address?: AddressInput | null
    metadata?: Record<string, unknown> | null
    locale?: string
  },
  keyChannels: string[],
) {
  assertOpen(cart)
  const service = carts(scope)
  const patch: Partial<Cart> = {}
  if (input.email !== undefined) patch.email = input.email
  if (input.metadata !== undefined) patch.metadata = input.metadata
  if (input.locale !== undefined) patch.locale = input.locale
  if (input.sales_channel_id !== undefined)
    patch.sales_channel_id = await channelFor(scope, input.sales_channel_id, keyChannels)
  if (input.shipping_address !== undefined) {
    patch.shipping_address_id = input.shipping_address ? (await service.createAddress(input.shipping_address)).id : null
  }
  if (input.billing_address !== undefined) {
    patch.billing_address_id = input.billing_address ? (await service.createAddress(input.billing_address)).id : null
  }
  const regionChanged = input.region_id !== undefined && input.region_id !== cart.region_id
  if (regionChanged) {
    const regions = scope.resolve("regionService")
    const region = await regions.retrieve(input.region_id!)
    patch.region_id = region.id
    patch.currency_code = region.currency_code
    // A shipping address outside the new region no longer applies.
    const addressId = patch.shipping_address_id ?? cart.shipping_address_id
    const address = addressId ? (await service.addresses([addressId])).get(addressId) : undefined
    const countries = (await regions.countriesOf([region.id])).get(region.id) ?? []
    if (address && !countries.some((country) => country.iso_2 === address.country_code))
      patch.shipping_address_id = null
  }
  const updated = await service.update(cart.id, patch)
  if (regionChanged) {
    await repriceLines(scope, updated)
    await emitEvent(scope, CartEvents.REGION_UPDATED, { id: cart.id })
  }
}

/** The cart's prices for these variants: its region and currency, and its customer's groups when a price list names groups. */
function cartPrices(scope: Scope, cart: Cart, variantIds: string[]) {
  const customerId = cart.customer_id
  const groupsOf = customerId ? () => scope.resolve("customerGroupService").groupIdsOf(customerId) : undefined
  return cachedVariantPrices(
    scope,
    variantIds,
    { currency_code: cart.currency_code, region_id: cart.region_id ?? undefined },
    groupsOf,
  )
}

/** New region, currency or customer: every line takes its price there; a variant without one makes the change fail. */
async function repriceLines(scope: Scope, cart: Cart) {
  const service = carts(scope)
  const items = await service.items(cart.id)
  const ids = items.map((item) => item.variant_id).filter((id): id is string => !!id)
  const prices = await cartPrices(scope, cart, ids)
  const unpriced = ids.filter((id) => !prices.has(id))
  if (unpriced.length)
    throw new MedusaError("invalid_data", `Variants with IDs ${unpriced.join(", ")} do not have a price`)
  for (const item of items) {
    const price = prices.get(item.variant_id!)!
    if (decimal(item.unit_price).eq(price.amount) && item.is_tax_inclusive === price.is_calculated_price_tax_inclusive)
      continue
    await service.updateItem(item.id, {
      unit_price: price.amount,
      is_tax_inclusive: price.is_calculated_price_tax_inclusive,
    })
  }
}

/**
 * After any change: shipping methods no longer valid for the cart are dropped, promotions are
 * computed again, the payment
 * collection follows the new total (dropping its sessions when it moved), and `cart.updated` is written.
 */
export async function refreshCart(scope: Scope, cartId: string): Promise<CartState> {
  let state = await loadCartState(scope, cartId)
  if (state.shippingMethods.length > 0) {
    const valid = await eligibleOptionIds(scope, state)
    const invalid = state.shippingMethods.filter(
      (method) => !method.shipping_option_id || !valid.has(method.shipping_option_id),
    )
    if (invalid.length > 0) {
      await carts(scope).deleteShippingMethods(invalid.map((method) => method.id))
      state = await loadCartState(scope, cartId)
    }
  }
  // Promotions follow every change: automatic ones apply, codes that no longer give anything fall off.
  state = await applyPromotions(scope, state)
  if (state.cart.payment_collection_id) {
    const { dropped } = await scope
      .resolve("paymentService")
      .refreshAmount(state.cart.payment_collection_id, state.totals.total!)
    await releaseAfterCommit(scope, dropped)
  }
  await emitEvent(scope, CartEvents.UPDATED, { id: cartId })
  return state
}

/** The options the cart can still ship with: offered where it ships to, and priced in its currency. */
async function eligibleOptionIds(scope: Scope, state: CartState) {
  return new Set((await shippingOptionsFor(scope, state)).map((option) => option.id))
}

/** A guest cart becomes the logged-in customer's (Medusa's POST /store/carts/:id/customer). */
export async function transferCart(scope: Scope, cart: Cart, customerId: string) {
  assertOpen(cart)
  const customer = await scope.resolve("customerService").retrieve(customerId)
  const updated = await carts(scope).update(cart.id, { customer_id: customer.id, email: customer.email })
  // The customer's groups may have price lists of their own.
  await repriceLines(scope, updated)
  await emitEvent(scope, CartEvents.CUSTOMER_TRANSFERRED, { id: cart.id, customer_id: customer.id })
}
