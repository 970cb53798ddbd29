import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { adminToken, expectRefused } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { shopper } from "./helpers/shopper"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>
const run = Date.now().toString(36)
let worker: TestWorker
let fx: CheckoutFixture
let db: pg.Client
let admin: string

async function asAdmin(method: string, path: string, body?: unknown) {
  const res = await worker.fetch(path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Json }
}

/** The event rows of one name whose payload field equals the value. */
async function events(name: string, field: string, value: string) {
  return (await db.query("select data from event_outbox where name = $1 and data->>$2 = $3 order by created_at", [name, field, value])).rows.map((r) => r.data)
}

beforeAll(async () => {
  fx = await createCheckoutFixture({ limitedStock: 10, countries: { euro: ["ar", "br"], won: "cl", noPayment: "co" } })
  worker = await startWorker()
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  admin = await adminToken(worker, `fulfilment-${run}@example.com`)
})
afterAll(async () => {
  await worker?.dispose()
  await db?.end()
})

describe("an order's fulfillments: ship, deliver, cancel, complete", () => {
  test("stock and statuses follow each step; refused steps change nothing; double calls count once", async () => {
    const api = shopper(worker, fx.key, { region: fx.regions.euro, country: "ar", shippingOption: fx.options.standard })
    const order = (await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.limited, quantity: 3 }])}/complete`)).body.order
    const line = order.items[0].id
    const reservation = (await asAdmin("GET", `/admin/reservations?line_item_id=${line}`)).body.reservations[0]
    const stock = async () => {
      const item = (await asAdmin("GET", `/admin/inventory-items/${reservation.inventory_item_id}`)).body.inventory_item
      return { stocked: item.stocked_quantity, reserved: item.reserved_quantity }
    }
    expect(await stock()).toEqual({ stocked: 10, reserved: 3 })

    const first = (await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, { items: [{ id: line, quantity: 2 }], location_id: fx.location })).body.order
    const ful1 = first.fulfillments[0].id
    expect(first.fulfillment_status).toBe("partially_fulfilled")
    expect(await stock()).toEqual({ stocked: 8, reserved: 1 })

    // Bad bodies: 400 naming the field, nothing shipped.
    const shipments = `/admin/orders/${order.id}/fulfillments/${ful1}/shipments`
    for (const [body, message] of [
      [{ items: [{ id: line, quantity: -1 }] }, /items\.0\.quantity: must be 1 or more/],
      [{ items: [{ id: line, quantity: 1 }], labels: [{ tracking_number: "1" }] }, /labels\.0\.tracking_url/],
      [{ items: [{ id: line, quantity: 1 }], carrier: "x" }, /Unrecognized fields: 'carrier'/],
      [{ items: "all" }, /items/],
    ] as const) {
      const res = await asAdmin("POST", shipments, body)
      expect([res.status, res.body.type]).toEqual([400, "invalid_data"])
      expect(res.body.message).toMatch(message)
    }
    expect((await asAdmin("POST", shipments, { items: [{ id: "ordli_other", quantity: 1 }] })).body).toEqual({
      type: "invalid_data",
      message: `Items with ids ordli_other does not exist in order with id ${order.id}.`,
    })
    expect((await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/ful_missing/shipments`, { items: [{ id: line, quantity: 1 }] })).status).toBe(404)
    expect((await asAdmin("GET", `/admin/orders/${order.id}`)).body.order.fulfillments[0].shipped_at).toBeNull()

    const label = { tracking_number: "TRK-1", tracking_url: "https://track.example/1", label_url: "https://labels.example/1.pdf" }
    const shipped = await asAdmin("POST", shipments, { items: [{ id: line, quantity: 2 }], labels: [label], no_notification: true })
    expect(shipped.status).toBe(200)
    // One unit is not fulfilled yet, so the order is only partially shipped.
    expect(shipped.body.order.fulfillment_status).toBe("partially_shipped")
    expect(shipped.body.order.fulfillments[0]).toMatchObject({ id: ful1, labels: [label] })
    expect(shipped.body.order.fulfillments[0].shipped_at).not.toBeNull()
    expect(shipped.body.order.items[0].detail).toMatchObject({ fulfilled_quantity: 2, shipped_quantity: 2, delivered_quantity: 0 })
    expect(await events("shipment.created", "id", ful1)).toEqual([{ id: ful1, no_notification: true }])
    expect((await asAdmin("POST", shipments, { items: [{ id: line, quantity: 2 }] })).body).toEqual({ type: "not_allowed", message: "Shipment has already been created" })
    expect((await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${ful1}/cancel`)).body).toEqual({
      type: "not_allowed",
      message: "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled",
    })
    expect(await stock()).toEqual({ stocked: 8, reserved: 1 })

    // The last unit is fulfilled, then its fulfillment is canceled twice at once: the unit comes back once.
    const second = (await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, { items: [{ id: line, quantity: 1 }] })).body.order
    const ful2 = second.fulfillments[1].id
    expect(second.fulfillment_status).toBe("partially_shipped")
    expect(await stock()).toEqual({ stocked: 7, reserved: 0 })
    const cancels = await Promise.all([1, 2].map(() => asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${ful2}/cancel`, {})))
    expect(cancels.map((res) => res.status).sort()).toEqual([200, 400])
    expect(await stock()).toEqual({ stocked: 8, reserved: 1 })
    const held = (await asAdmin("GET", `/admin/reservations?line_item_id=${line}`)).body.reservations
    expect(held.map((r: Json) => [r.location_id, r.quantity])).toEqual([[fx.location, 1]])
    expect(await events("order.fulfillment_canceled", "fulfillment_id", ful2)).toEqual([{ order_id: order.id, fulfillment_id: ful2, no_notification: false }])
    const afterCancel = (await asAdmin("GET", `/admin/orders/${order.id}`)).body.order
    expect(afterCancel.items[0].detail.fulfilled_quantity).toBe(2)
    expect(afterCancel.fulfillments[1].canceled_at).not.toBeNull()

    // Fulfilled and shipped in full, then delivered one fulfillment at a time.
    const third = (await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, { items: [{ id: line, quantity: 1 }] })).body.order
    const ful3 = third.fulfillments[2].id
    expect(await stock()).toEqual({ stocked: 7, reserved: 0 })
    const allShipped = await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${ful3}/shipments`, { items: [{ id: line, quantity: 1 }] })
    expect(allShipped.body.order.fulfillment_status).toBe("shipped")
    const deliver = (id: string) => asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${id}/mark-as-delivered`)
    expect((await deliver(ful1)).body.order.fulfillment_status).toBe("partially_delivered")
    const delivered = (await deliver(ful3)).body.order
    expect(delivered.fulfillment_status).toBe("delivered")
    expect(delivered.items[0].detail).toMatchObject({ shipped_quantity: 3, delivered_quantity: 3 })
    expect((await deliver(ful3)).body).toEqual({ type: "not_allowed", message: "Fulfillment has already been marked delivered" })
    expect((await deliver(ful2)).body).toEqual({ type: "not_allowed", message: "Cannot deliver an already canceled fulfillment" })
    expect(await events("delivery.created", "id", ful3)).toEqual([{ id: ful3, no_notification: false }])

    const completes = await Promise.all([1, 2].map(() => asAdmin("POST", `/admin/orders/${order.id}/complete`)))
    expect(completes.map((res) => [res.status, res.body.order.status])).toEqual([
      [200, "completed"],
      [200, "completed"],
    ])
    expect(await events("order.completed", "id", order.id)).toEqual([{ id: order.id }])
    expect(await stock()).toEqual({ stocked: 7, reserved: 0 })
  })

  test("a canceled order can be neither completed nor fulfilled", async () => {
    const api = shopper(worker, fx.key, { region: fx.regions.euro, country: "ar", shippingOption: fx.options.standard })
    const order = (await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])}/complete`)).body.order
    expect((await asAdmin("POST", `/admin/orders/${order.id}/cancel`)).status).toBe(200)
    const refused = { type: "invalid_data", message: `Order with id ${order.id} has been canceled.` }
    expect(await asAdmin("POST", `/admin/orders/${order.id}/complete`)).toEqual({ status: 400, body: refused })
    expect((await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, { items: [{ id: order.items[0].id, quantity: 1 }] })).body).toEqual(refused)
    expect((await asAdmin("GET", `/admin/orders/${order.id}`)).body.order).toMatchObject({ status: "canceled", fulfillments: [] })
    expect(await events("order.completed", "id", order.id)).toEqual([])
    expect((await asAdmin("POST", "/admin/orders/order_missing/complete")).status).toBe(404)
  })
})

describe("/admin/inventory-items", () => {
  test("create, edit, stock per location in batches; stocked never below reserved; delete", async () => {
    const created = await asAdmin("POST", "/admin/inventory-items", {
      sku: `BOLT-${run}`,
      title: "Bolt",
      weight: 12,
      location_levels: [{ location_id: fx.location, stocked_quantity: 5 }],
    })
    expect(created.status).toBe(200)
    const item = created.body.inventory_item
    expect(item).toMatchObject({ sku: `BOLT-${run}`, title: "Bolt", weight: 12, stocked_quantity: 5, reserved_quantity: 0 })
    expect(await events("inventory-item.created", "id", item.id)).toEqual([{ id: item.id }])
    await expectRefused(db, "inventory_item", (body) => asAdmin("POST", "/admin/inventory-items", body), [
      [{ sku: "x", colour: "red" }, /Unrecognized fields: 'colour'/],
      [{ title: 5 }, /title/],
      [{ weight: -1 }, /weight: must be 0 or more/],
      [{ location_levels: [{ location_id: fx.location, stocked_quantity: -2 }] }, /location_levels\.0\.stocked_quantity: must be 0 or more/],
    ])

    const edited = await asAdmin("POST", `/admin/inventory-items/${item.id}`, { title: "Hex bolt", requires_shipping: false })
    expect(edited.body.inventory_item).toMatchObject({ title: "Hex bolt", requires_shipping: false, sku: `BOLT-${run}` })
    expect((await asAdmin("POST", `/admin/inventory-items/${item.id}`, { stocked_quantity: 3 })).status).toBe(400)
    expect(await events("inventory-item.updated", "id", item.id)).toHaveLength(1)

    // A second location through the item's batch, then an update and a delete in one call.
    const second = (await asAdmin("POST", "/admin/stock-locations", { name: `Annex ${run}` })).body.stock_location
    const batch = `/admin/inventory-items/${item.id}/location-levels/batch`
    const added = await asAdmin("POST", batch, { create: [{ location_id: second.id, stocked_quantity: 2, incoming_quantity: 1 }] })
    expect(added.body.inventory_item).toMatchObject({ stocked_quantity: 7 })
    expect((await asAdmin("POST", batch, { delete: [second.id] })).body).toEqual({
      type: "not_allowed",
      message: `Cannot remove Inventory Levels for ${second.id} because there are reserved or incoming items at the locations`,
    })
    const moved = await asAdmin("POST", batch, { update: [{ location_id: second.id, incoming_quantity: 0, stocked_quantity: 4 }], delete: [] })
    expect(moved.body.inventory_item.location_levels.map((l: Json) => [l.location_id, l.stocked_quantity])).toEqual([
      [fx.location, 5],
      [second.id, 4],
    ])
    expect((await asAdmin("POST", batch, { delete: [second.id] })).body.message).toMatch(/because there are stocked items at the locations\. Use force flag/)
    expect((await asAdmin("POST", batch, { delete: [second.id], force: true })).body.inventory_item.stocked_quantity).toBe(5)
    expect((await asAdmin("POST", batch, { update: [{ location_id: second.id, stocked_quantity: 1 }] })).status).toBe(404)

    // The cross-item batch answers what it created, updated and deleted.
    const levels = await asAdmin("POST", "/admin/inventory-items/location-levels/batch", {
      create: [{ inventory_item_id: item.id, location_id: second.id, stocked_quantity: 0 }],
      update: [{ inventory_item_id: item.id, location_id: fx.location, stocked_quantity: 6 }],
    })
    expect(levels.body.created.map((l: Json) => [l.location_id, l.stocked_quantity])).toEqual([[second.id, 0]])
    expect(levels.body.updated.map((l: Json) => [l.location_id, l.stocked_quantity])).toEqual([[fx.location, 6]])
    const removed = await asAdmin("POST", "/admin/inventory-items/location-levels/batch", { delete: [levels.body.created[0].id] })
    expect(removed.body).toEqual({ created: [], updated: [], deleted: [levels.body.created[0].id] })
    expect((await asAdmin("POST", "/admin/inventory-items/location-levels/batch", { update: [{ inventory_item_id: item.id, location_id: fx.location, stocked_quantity: 1.5 }] })).body.message).toMatch(
      /update\.0\.stocked_quantity: must be a whole number/,
    )

    // Stock a shopper has reserved cannot be taken away: a clear 400, nothing changed.
    const api = shopper(worker, fx.key, { region: fx.regions.euro, country: "br", shippingOption: fx.options.standard })
    const order = (await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.limited, quantity: 4 }])}/complete`)).body.order
    const held = (await asAdmin("GET", `/admin/reservations?line_item_id=${order.items[0].id}`)).body.reservations[0]
    const limited = (await asAdmin("GET", `/admin/inventory-items/${held.inventory_item_id}`)).body.inventory_item
    const below = await asAdmin("POST", `/admin/inventory-items/${limited.id}/location-levels/${fx.location}`, { stocked_quantity: limited.reserved_quantity - 1 })
    expect(below.status).toBe(400)
    expect(below.body).toMatchObject({ type: "invalid_data" })
    expect(below.body.message).toMatch(/^stocked_quantity: .* below the \d+ units reserved/)
    const viaBatch = await asAdmin("POST", "/admin/inventory-items/location-levels/batch", {
      update: [{ inventory_item_id: limited.id, location_id: fx.location, stocked_quantity: 0 }],
    })
    expect(viaBatch.status).toBe(400)
    expect((await asAdmin("GET", `/admin/inventory-items/${limited.id}`)).body.inventory_item.stocked_quantity).toBe(limited.stocked_quantity)
    expect((await asAdmin("DELETE", `/admin/inventory-items/${limited.id}/location-levels/${fx.location}`)).body).toEqual({
      type: "not_allowed",
      message: `Cannot remove Inventory Level ${limited.id} at Location ${fx.location} because there are reservations at location`,
    })
    expect((await asAdmin("DELETE", `/admin/inventory-items/${limited.id}`)).body.message).toBe(
      `Cannot remove following inventory item(s) since they have reservations: [${limited.id}].`,
    )
    expect((await asAdmin("POST", `/admin/inventory-items/${limited.id}/location-levels/${fx.location}`, { stocked_quantity: limited.reserved_quantity })).status).toBe(200)

    const levelGone = await asAdmin("DELETE", `/admin/inventory-items/${item.id}/location-levels/${fx.location}`)
    expect(levelGone.body).toMatchObject({ object: "inventory-level", deleted: true, parent: { id: item.id, stocked_quantity: 0, location_levels: [] } })
    expect(levelGone.body.id).toMatch(/^ilev_/)
    expect(await asAdmin("DELETE", `/admin/inventory-items/${item.id}`)).toEqual({ status: 200, body: { id: item.id, object: "inventory_item", deleted: true } })
    expect((await asAdmin("GET", `/admin/inventory-items/${item.id}`)).status).toBe(404)
    expect(await events("inventory-item.deleted", "id", item.id)).toEqual([{ id: item.id }])
  })
})
