import { expect } from "vitest"
import type { TestWorker } from "./worker"

type Json = Record<string, any>

export const address = (country: string) => ({
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "Street 1",
  address_2: "",
  city: "City",
  country_code: country,
  postal_code: "1010",
  phone: null,
})

/** Store API calls with a publishable key, and a cart made ready to complete. */
export function shopper(
  worker: TestWorker,
  key: string,
  defaults: { region: string; country: string; shippingOption: string },
) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await worker.fetch(path, {
      method,
      headers: { "x-publishable-api-key": key, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Json }
  }
  const post = (path: string, body?: unknown, headers?: Record<string, string>) => call("POST", path, body, headers)

  /** Lines, email, address, shipping method and payment session: what completion needs. */
  const readyCart = async (
    lines: { variant_id: string; quantity: number }[],
    country = defaults.country,
    region = defaults.region,
  ) => {
    const created = await post("/store/carts", { region_id: region, items: lines })
    expect(created.status).toBe(200)
    const id = created.body.cart.id as string
    expect(
      (
        await post(`/store/carts/${id}`, {
          email: "ada@example.com",
          shipping_address: address(country),
          billing_address: address(country),
        })
      ).status,
    ).toBe(200)
    expect((await post(`/store/carts/${id}/shipping-methods`, { option_id: defaults.shippingOption })).status).toBe(200)
    const collection = await post("/store/payment-collections", { cart_id: id })
    expect(collection.status).toBe(200)
    expect(
      (
        await post(`/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`, {
          provider_id: "pp_system_default",
        })
      ).status,
    ).toBe(200)
    return id
  }
  return { call, post, readyCart }
}
