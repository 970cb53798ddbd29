/**
 * Shoppers each running Medusa's storefront checkout (create cart with a line, address,
 * shipping options, shipping method, payment collection, session, complete: 7 calls) over and
 * over for the duration.
 */
export interface CheckoutRun {
  completed: number
  failed: number
  p50: number
  p99: number
  orderIds: string[]
}

type Call = (method: string, path: string, body?: unknown) => Promise<{ body: Record<string, any>; statements: number }>

function caller(api: string, key: Record<string, string>): Call {
  const headers = { ...key, "content-type": "application/json" }
  return async (method, path, body) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    const statements = res.headers.get("x-sql-statements")
    if (statements === null) throw new Error(`${method} ${path}: no x-sql-statements header`)
    return { body: (await res.json()) as Record<string, any>, statements: Number(statements) }
  }
}

const ADDRESS = {
  first_name: "Bench",
  last_name: "Shopper",
  address_1: "Street 1",
  city: "Copenhagen",
  country_code: "dk",
  postal_code: "2200",
}

/** One checkout; returns the order id and the SQL statements of each call. */
async function checkoutOnce(call: Call, regionId: string, variantId: string, email = "bench@example.com") {
  const steps: { call: string; statements: number }[] = []
  const step = async (name: string, method: string, path: string, body?: unknown) => {
    const result = await call(method, path, body)
    steps.push({ call: name, statements: result.statements })
    return result.body
  }
  const { cart } = await step("create cart with a line", "POST", "/store/carts", {
    region_id: regionId,
    items: [{ variant_id: variantId, quantity: 1 }],
  })
  await step("email and address", "POST", `/store/carts/${cart.id}`, { email, shipping_address: ADDRESS })
  const { shipping_options } = await step("shipping options", "GET", `/store/shipping-options?cart_id=${cart.id}`)
  await step("shipping method", "POST", `/store/carts/${cart.id}/shipping-methods`, {
    option_id: shipping_options[0].id,
  })
  const { payment_collection } = await step("payment collection", "POST", "/store/payment-collections", {
    cart_id: cart.id,
  })
  await step("payment session", "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const result = await step("complete", "POST", `/store/carts/${cart.id}/complete`)
  if (result.type !== "order") throw new Error(`completion answered ${JSON.stringify(result.error)}`)
  return { orderId: result.order.id as string, steps }
}

export async function variantsOf(api: string, key: Record<string, string>): Promise<string[]> {
  const { body } = await caller(api, key)("GET", "/store/products?fields=id,*variants&limit=50")
  return body.products.flatMap((p: any) => p.variants.map((v: any) => v.id))
}

export async function sampleCheckout(api: string, key: Record<string, string>, regionId: string, variantId: string) {
  return checkoutOnce(caller(api, key), regionId, variantId)
}

/** `apis`: one URL per isolate; shopper i checks out through isolate i mod n, as Cloudflare spreads clients over isolates. */
export async function checkouts(options: {
  apis: string[]
  key: Record<string, string>
  regionId: string
  variants: string[]
  shoppers: number
  seconds: number
}): Promise<CheckoutRun> {
  const calls = options.apis.map((api) => caller(api, options.key))
  const timings: number[] = []
  const orderIds: string[] = []
  let failed = 0
  let n = 0
  const until = Date.now() + options.seconds * 1000
  // Each shopper is a different person (a guest checkout locks its email's customer until it commits).
  const shopper = async (_: unknown, index: number) => {
    while (Date.now() < until) {
      const started = performance.now()
      try {
        const { orderId } = await checkoutOnce(
          calls[index % calls.length]!,
          options.regionId,
          options.variants[n++ % options.variants.length]!,
          `shopper-${index}@example.com`,
        )
        orderIds.push(orderId)
        timings.push(performance.now() - started)
      } catch (error) {
        failed++
        if (failed <= 3) console.error(`checkout failed: ${(error as Error).message}`)
      }
    }
  }
  await Promise.all(Array.from({ length: options.shoppers }, shopper))
  timings.sort((a, b) => a - b)
  const at = (q: number) => Math.round(timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0)
  return { completed: timings.length, failed, p50: at(0.5), p99: at(0.99), orderIds }
}
