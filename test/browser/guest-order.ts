// A guest's cart and checkout over the Store API: an order and a customer for the dashboard, a cart for a promotion code.
import type { Stack } from "./stack"

type Json = Record<string, any>

/** The Store API with the stack's publishable key; throws on an answer >= 400. */
export function storeApi(stack: Stack) {
  return async (method: string, path: string, body?: unknown): Promise<Json> => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { "x-publishable-api-key": stack.publishableKey, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await response.json()) as Json
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`)
    return json
  }
}

/** A guest's cart in the Danish region with two of the first product's first variant. */
export async function guestCart(stack: Stack): Promise<Json> {
  const call = storeApi(stack)
  const { regions } = await call("GET", "/store/regions")
  const region = regions.find((candidate: Json) => candidate.countries.some((country: Json) => country.iso_2 === "dk"))
  const { products } = await call("GET", `/store/products?region_id=${region.id}&limit=1`)
  const { cart } = await call("POST", "/store/carts", {
    region_id: region.id,
    items: [{ variant_id: products[0].variants[0].id, quantity: 2 }],
  })
  return cart
}

export async function placeGuestOrder(stack: Stack, email: string): Promise<Json> {
  const call = storeApi(stack)
  const cart = await guestCart(stack)
  const address = {
    first_name: "Grace",
    last_name: "Hopper",
    address_1: "Strandgade 1",
    city: "Copenhagen",
    country_code: "dk",
    postal_code: "1401",
  }
  await call("POST", `/store/carts/${cart.id}`, { email, shipping_address: address, billing_address: address })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
  await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const completed = await call("POST", `/store/carts/${cart.id}/complete`)
  if (completed.type !== "order") throw new Error(`the cart did not complete: ${JSON.stringify(completed.error)}`)
  return completed.order
}
