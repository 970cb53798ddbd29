import { describe, expect, test } from "vitest"
import { expectRefused, adminSession } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { shopper } from "./helpers/shopper"

type Json = Record<string, any>
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = adminSession(`fulfilment-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 10, countries: { euro: ["ar", "br"], won: "cl", noPayment: "co" } })
})
const asAdmin = session.call

/** The event rows of one name whose payload field equals the value. */
async function events(name: string, field: string, value: string) {
  return (
    await session.db.query("select data from event_outbox where name = $1 and data->>$2 = $3 order by created_at", [
      name,
      field,
      value,
    ])
  ).rows.map((r) => r.data)
}

describe("an order's fulfillments: ship, deliver, cancel, complete", () => {
  test("stock and statuses follow each step; refused steps change nothing; double calls count once", async () => {
    const api = shopper(session.worker, fx.key, {
      region: fx.regions.euro,
      country: "ar",
      shippingOption: fx.options.standard,
    })
    const order = (
      await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.limited, quantity: 3 }])}/complete`)
    ).body.order
    const line = order.items[0].id
    const reservation = (await asAdmin("GET", `/admin/reservations?line_item_id=${line}`)).body.reservations[0]
    const stock = async () => {
      const item = (await asAdmin("GET", `/admin/inventory-items/${reservation.inventory_item_id}`)).body.inventory_item
      return { stocked: item.stocked_quantity, reserved: item.reserved_quantity }
    }
    expect(await stock()).toEqual({ stocked: 10, reserved: 3 })

    const first = (
      await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, {
        items: [{ id: line, quantity: 2 }],
        location_id: fx.location,
      })
    ).body.order
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
    expect(
      (
        await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/ful_missing/shipments`, {
          items: [{ id: line, quantity: 1 }],
        })
      ).status,
    ).toBe(404)
    expect((await asAdmin("GET", `/admin/orders/${order.id}`)).body.order.fulfillments[0].shipped_at).toBeNull()

    const label = {
      tracking_number: "TRK-1",
      tracking_url: "https://track.example/1",
      label_url: "https://labels.example/1.pdf",
    }
    const shipped = await asAdmin("POST", shipments, {
      items: [{ id: line, quantity: 2 }],
      labels: [label],
      no_notification: true,
    })
    expect(shipped.status).toBe(200)
    // One unit is not fulfilled yet, so the order is only partially shipped.
    expect(shipped.body.order.fulfillment_status).toBe("partially_shipped")
    expect(shipped.body.order.fulfillments[0]).toMatchObject({ id: ful1, labels: [label] })
    expect(shipped.body.order.fulfillments[0].shipped_at).not.toBeNull()
    expect(shipped.body.order.items[0].detail).toMatchObject({
      fulfilled_quantity: 2,
      shipped_quantity: 2,
      delivered_quantity: 0,
    })
    expect(await events("shipment.created", "id", ful1)).toEqual([{ id: ful1, no_notification: true }])
    expect((await asAdmin("POST", shipments, { items: [{ id: line, quantity: 2 }] })).body).toEqual({
      type: "not_allowed",
      message: "Shipment has already been created",
    })
    expect((await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${ful1}/cancel`)).body).toEqual({
      type: "not_allowed",
      message: "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled",
    })
    expect(await stock()).toEqual({ stocked: 8, reserved: 1 })

    // The last unit is fulfilled, then its fulfillment is canceled twice at once: the unit comes back once.
    const second = (
      await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, { items: [{ id: line, quantity: 1 }] })
    ).body.order
    const ful2 = second.fulfillments[1].id
    expect(second.fulfillment_status).toBe("partially_shipped")
    expect(await stock()).toEqual({ stocked: 7, reserved: 0 })
    const cancels = await Promise.all(
      [1, 2].map(() => asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${ful2}/cancel`, {})),
    )
    expect(cancels.map((res) => res.status).sort()).toEqual([200, 400])
    expect(await stock()).toEqual({ stocked: 8, reserved: 1 })
    const held = (await asAdmin("GET", `/admin/reservations?line_item_id=${line}`)).body.reservations
    expect(held.map((r: Json) => [r.location_id, r.quantity])).toEqual([[fx.location, 1]])
    expect(await events("order.fulfillment_canceled", "fulfillment_id", ful2)).toEqual([
      { order_id: order.id, fulfillment_id: ful2, no_notification: false },
    ])
    const afterCancel = (await asAdmin("GET", `/admin/orders/${order.id}`)).body.order
    expect(afterCancel.items[0].detail.fulfilled_quantity).toBe(2)
    expect(afterCancel.fulfillments[1].canceled_at).not.toBeNull()

    // Fulfilled and shipped in full, then delivered one fulfillment at a time.
    const third = (
      await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, { items: [{ id: line, quantity: 1 }] })
    ).body.order
    const ful3 = third.fulfillments[2].id
    expect(await stock()).toEqual({ stocked: 7, reserved: 0 })
    const allShipped = await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${ful3}/shipments`, {
      items: [{ id: line, quantity: 1 }],
    })
    expect(allShipped.body.order.fulfillment_status).toBe("shipped")
    const deliver = (id: string) => asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${id}/mark-as-delivered`)
    expect((await deliver(ful1)).body.order.fulfillment_status).toBe("partially_delivered")
    const delivered = (await deliver(ful3)).body.order
    expect(delivered.fulfillment_status).toBe("delivered")
    expect(delivered.items[0].detail).toMatchObject({ shipped_quantity: 3, delivered_quantity: 3 })
    expect((await deliver(ful3)).body).toEqual({
      type: "not_allowed",
      message: "Fulfillment has already been marked delivered",
    })
    expect((await deliver(ful2)).body).toEqual({
      type: "not_allowed",
      message: "Cannot deliver an already canceled fulfillment",
    })
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
    const api = shopper(session.worker, fx.key, {
      region: fx.regions.euro,
      country: "ar",
      shippingOption: fx.options.standard,
    })
    const order = (
      await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])}/complete`)
    ).body.order
    expect((await asAdmin("POST", `/admin/orders/${order.id}/cancel`)).status).toBe(200)
    const refused = { type: "invalid_data", message: `Order with id ${order.id} has been canceled.` }
    expect(await asAdmin("POST", `/admin/orders/${order.id}/complete`)).toEqual({ status: 400, body: refused })
    expect(
      (
        await asAdmin("POST", `/admin/orders/${order.id}/fulfillments`, {
          items: [{ id: order.items[0].id, quantity: 1 }],
        })
      ).body,
    ).toEqual(refused)
    expect((await asAdmin("GET", `/admin/orders/${order.id}`)).body.order).toMatchObject({
      status: "canceled",
      fulfillments: [],
    })
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
    expect(item).toMatchObject({
      sku: `BOLT-${run}`,
      title: "Bolt",
      weight: 12,
      stocked_quantity: 5,
      reserved_quantity: 0,
    })
    expect(await events("inventory-item.created", "id", item.id)).toEqual([{ id: item.id }])
    await expectRefused(session.db, "inventory_item", (body) => asAdmin("POST", "/admin/inventory-items", body), [
      [{ sku: "x", colour: "red" }, /Unrecognized fields: 'colour'/],
      [{ title: 5 }, /title/],
      [{ weight: -1 }, /weight: must be 0 or more/],
      [
        { location_levels: [{ location_id: fx.location, stocked_quantity: -2 }] },
        /location_levels\.0\.stocked_quantity: must be 0 or more/,
      ],
    ])

    const edited = await asAdmin("POST", `/admin/inventory-items/${item.id}`, {
      title: "Hex bolt",
      requires_shipping: false,
    })
    expect(edited.body.inventory_item).toMatchObject({
      title: "Hex bolt",
      requires_shipping: false,
      sku: `BOLT-${run}`,
    })
    expect((await asAdmin("POST", `/admin/inventory-items/${item.id}`, { stocked_quantity: 3 })).status).toBe(400)
    expect(await events("inventory-item.updated", "id", item.id)).toHaveLength(1)

    // A second location through the item's batch, then an update and a delete in one call.
    const second = (await asAdmin("POST", "/admin/stock-locations", { name: `Annex ${run}` })).body.stock_location
    const batch = `/admin/inventory-items/${item.id}/location-levels/batch`
    const added = await asAdmin("POST", batch, {
      create: [{ location_id: second.id, stocked_quantity: 2, incoming_quantity: 1 }],
    })
    expect(added.body.inventory_item).toMatchObject({ stocked_quantity: 7 })
    expect((await asAdmin("POST", batch, { delete: [second.id] })).body).toEqual({
      type: "not_allowed",
      message: `Cannot remove Inventory Levels for ${second.id} because there are reserved or incoming items at the locations`,
    })
    const moved = await asAdmin("POST", batch, {
      update: [{ location_id: second.id, incoming_quantity: 0, stocked_quantity: 4 }],
      delete: [],
    })
    expect(moved.body.inventory_item.location_levels.map((l: Json) => [l.location_id, l.stocked_quantity])).toEqual([
      [fx.location, 5],
      [second.id, 4],
    ])
    expect((await asAdmin("POST", batch, { delete: [second.id] })).body.message).toMatch(
      /because there are stocked items at the locations\. Use force flag/,
    )
    expect(
      (await asAdmin("POST", batch, { delete: [second.id], force: true })).body.inventory_item.stocked_quantity,
    ).toBe(5)
    expect((await asAdmin("POST", batch, { update: [{ location_id: second.id, stocked_quantity: 1 }] })).status).toBe(
      404,
    )

    // The cross-item batch answers what it created, updated and deleted.
    const levels = await asAdmin("POST", "/admin/inventory-items/location-levels/batch", {
      create: [{ inventory_item_id: item.id, location_id: second.id, stocked_quantity: 0 }],
      update: [{ inventory_item_id: item.id, location_id: fx.location, stocked_quantity: 6 }],
    })
    expect(levels.body.created.map((l: Json) => [l.location_id, l.stocked_quantity])).toEqual([[second.id, 0]])
    expect(levels.body.updated.map((l: Json) => [l.location_id, l.stocked_quantity])).toEqual([[fx.location, 6]])
    const removed = await asAdmin("POST", "/admin/inventory-items/location-levels/batch", {
      delete: [levels.body.created[0].id],
    })
    expect(removed.body).toEqual({ created: [], updated: [], deleted: [levels.body.created[0].id] })
    expect(
      (
        await asAdmin("POST", "/admin/inventory-items/location-levels/batch", {
          update: [{ inventory_item_id: item.id, location_id: fx.location, stocked_quantity: 1.5 }],
        })
      ).body.message,
    ).toMatch(/update\.0\.stocked_quantity: must be a whole number/)

    // Stock a shopper has reserved cannot be taken away: a clear 400, nothing changed.
    const api = shopper(session.worker, fx.key, {
      region: fx.regions.euro,
      country: "br",
      shippingOption: fx.options.standard,
    })
    const order = (
      await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.limited, quantity: 4 }])}/complete`)
    ).body.order
    const held = (await asAdmin("GET", `/admin/reservations?line_item_id=${order.items[0].id}`)).body.reservations[0]
    const limited = (await asAdmin("GET", `/admin/inventory-items/${held.inventory_item_id}`)).body.inventory_item
    const below = await asAdmin("POST", `/admin/inventory-items/${limited.id}/location-levels/${fx.location}`, {
      stocked_quantity: limited.reserved_quantity - 1,
    })
    expect(below.status).toBe(400)
    expect(below.body).toMatchObject({ type: "invalid_data" })
    expect(below.body.message).toMatch(/^stocked_quantity: .* below the \d+ units reserved/)
    const viaBatch = await asAdmin("POST", "/admin/inventory-items/location-levels/batch", {
      update: [{ inventory_item_id: limited.id, location_id: fx.location, stocked_quantity: 0 }],
    })
    expect(viaBatch.status).toBe(400)
    expect((await asAdmin("GET", `/admin/inventory-items/${limited.id}`)).body.inventory_item.stocked_quantity).toBe(
      limited.stocked_quantity,
    )
    expect(
      (await asAdmin("DELETE", `/admin/inventory-items/${limited.id}/location-levels/${fx.location}`)).body,
    ).toEqual({
      type: "not_allowed",
      message: `Cannot remove Inventory Level ${limited.id} at Location ${fx.location} because there are reservations at location`,
    })
    expect((await asAdmin("DELETE", `/admin/inventory-items/${limited.id}`)).body.message).toBe(
      `Cannot remove following inventory item(s) since they have reservations: [${limited.id}].`,
    )
    expect(
      (
        await asAdmin("POST", `/admin/inventory-items/${limited.id}/location-levels/${fx.location}`, {
          stocked_quantity: limited.reserved_quantity,
        })
      ).status,
    ).toBe(200)

    const levelGone = await asAdmin("DELETE", `/admin/inventory-items/${item.id}/location-levels/${fx.location}`)
    expect(levelGone.body).toMatchObject({
      object: "inventory-level",
      deleted: true,
      parent: { id: item.id, stocked_quantity: 0, location_levels: [] },
    })
    expect(levelGone.body.id).toMatch(/^ilev_/)
    expect(await asAdmin("DELETE", `/admin/inventory-items/${item.id}`)).toEqual({
      status: 200,
      body: { id: item.id, object: "inventory_item", deleted: true },
    })
    expect((await asAdmin("GET", `/admin/inventory-items/${item.id}`)).status).toBe(404)
    expect(await events("inventory-item.deleted", "id", item.id)).toEqual([{ id: item.id }])
  })
})

describe("shipping setup through /admin: options, profiles, zones, sets, locations", () => {
  test("edited and deleted as Medusa; what is deleted is no longer offered to carts", async () => {
    const location = (
      await asAdmin("POST", "/admin/stock-locations", {
        name: `Depot ${run}`,
        address: { address_1: "Av. 1", city: "Lima", country_code: "pe" },
      })
    ).body.stock_location
    await asAdmin("POST", `/admin/stock-locations/${location.id}/sales-channels`, { add: [fx.channel] })
    await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ["manual_manual"] })
    const set = (
      await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-sets`, {
        name: `Depot shipping ${run}`,
        type: "shipping",
      })
    ).body.stock_location.fulfillment_sets[0]
    const zones = `/admin/fulfillment-sets/${set.id}/service-zones`
    const zone = (await asAdmin("POST", zones, { name: "Peru", geo_zones: [{ type: "country", country_code: "pe" }] }))
      .body.fulfillment_set.service_zones[0]
    const profile = (await asAdmin("POST", "/admin/shipping-profiles", { name: `Bulky ${run}`, type: "bulky" })).body
      .shipping_profile
    const optionBody = {
      name: "Freight",
      service_zone_id: zone.id,
      shipping_profile_id: profile.id,
      provider_id: "manual_manual",
      type: { label: "Freight", code: "freight" },
      prices: [{ currency_code: "eur", amount: 20 }],
      rules: [
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
        { attribute: "is_return", operator: "eq", value: "false" },
      ],
    }
    const option = (await asAdmin("POST", "/admin/shipping-options", optionBody)).body.shipping_option
    expect(option).toMatchObject({ name: "Freight", prices: [{ currency_code: "eur", amount: 20 }] })
    expect(
      (await asAdmin("POST", "/admin/shipping-options", { ...optionBody, service_zone_id: "serzo_missing" })).status,
    ).toBe(404)

    // The store offers it to a cart shipping to Argentina once the zone covers it.
    const api = shopper(session.worker, fx.key, {
      region: fx.regions.euro,
      country: "ar",
      shippingOption: fx.options.standard,
    })
    const cart = (
      await api.post("/store/carts", { region_id: fx.regions.euro, shipping_address: { country_code: "ar" } })
    ).body.cart.id
    const offered = async () =>
      (await api.call("GET", `/store/shipping-options?cart_id=${cart}`)).body.shipping_options.map((o: Json) => [
        o.name,
        o.amount,
      ])
    expect(await offered()).toEqual([["Standard", 4.9]])
    const rezoned = await asAdmin("POST", `${zones}/${zone.id}`, {
      name: "Peru and Argentina",
      geo_zones: [
        { type: "country", country_code: "pe" },
        { type: "country", country_code: "ar" },
      ],
    })
    expect(rezoned.body.fulfillment_set.service_zones[0].geo_zones.map((g: Json) => g.country_code).sort()).toEqual([
      "ar",
      "pe",
    ])
    expect((await asAdmin("GET", `${zones}/${zone.id}`)).body.service_zone).toMatchObject({
      id: zone.id,
      name: "Peru and Argentina",
    })
    expect(await offered()).toEqual([
      ["Standard", 4.9],
      ["Freight", 20],
    ])

    // Update: name, prices replaced, rules replaced, type; bad bodies refused with the field named.
    const options = "/admin/shipping-options"
    await expectRefused(session.db, "price", (body) => asAdmin("POST", `${options}/${option.id}`, body), [
      [{ prices: [{ currency_code: "eur", amount: -1 }] }, /prices\.0/],
      [{ name: "" }, /name/],
      [{ colour: "red" }, /Unrecognized fields: 'colour'/],
      [{ rules: [{ attribute: "x", operator: "like", value: "y" }] }, /rules\.0\.operator/],
    ])
    const updated = await asAdmin("POST", `${options}/${option.id}`, {
      name: "Pallet freight",
      prices: [{ region_id: fx.regions.euro, amount: 25.5 }],
      type: { label: "Pallet", code: "pallet" },
    })
    expect(updated.body.shipping_option).toMatchObject({
      name: "Pallet freight",
      type: { code: "pallet" },
      prices: [{ currency_code: "eur", amount: 25.5, rules: { region_id: fx.regions.euro } }],
    })
    expect(await offered()).toEqual([
      ["Standard", 4.9],
      ["Pallet freight", 25.5],
    ])
    const hidden = await asAdmin("POST", `${options}/${option.id}`, {
      rules: [{ attribute: "enabled_in_store", operator: "eq", value: "false" }],
    })
    expect(hidden.body.shipping_option.rules.map((r: Json) => r.value)).toEqual(["false"])
    expect(await offered()).toEqual([["Standard", 4.9]])
    await asAdmin("POST", `${options}/${option.id}`, { rules: optionBody.rules })
    expect(await events("shipping-option.updated", "id", option.id)).toHaveLength(3)

    const listed = await asAdmin("GET", `${options}?service_zone_id=${zone.id}&limit=5`)
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 5 })
    expect(listed.body.shipping_options[0]).toMatchObject({
      id: option.id,
      prices: [{ amount: 25.5 }],
      type: { code: "pallet" },
    })
    expect(
      (await asAdmin("GET", `${options}?shipping_profile_id=${profile.id}&q=pallet`)).body.shipping_options.map(
        (o: Json) => o.id,
      ),
    ).toEqual([option.id])

    // A profile in use by an option (or a product) is not deleted.
    expect((await asAdmin("GET", `/admin/shipping-profiles/${profile.id}`)).body.shipping_profile).toMatchObject({
      name: `Bulky ${run}`,
      type: "bulky",
    })
    expect(
      (await asAdmin("POST", `/admin/shipping-profiles/${profile.id}`, { name: `Heavy ${run}` })).body.shipping_profile
        .name,
    ).toBe(`Heavy ${run}`)
    expect((await asAdmin("GET", `/admin/shipping-profiles?q=Heavy ${run}`)).body).toMatchObject({
      count: 1,
      shipping_profiles: [{ id: profile.id }],
    })
    expect((await asAdmin("DELETE", `/admin/shipping-profiles/${profile.id}`)).body).toEqual({
      type: "invalid_data",
      message: `Cannot delete Shipping Profiles ${profile.id} with associated Shipping Options. Delete Shipping Options first and try again.`,
    })
    expect((await asAdmin("DELETE", `/admin/shipping-profiles/${fx.profile}`)).body.message).toMatch(
      /^Cannot delete following shipping profiles because they are linked to products: prod_/,
    )

    expect(await asAdmin("DELETE", `${options}/${option.id}`)).toEqual({
      status: 200,
      body: { id: option.id, object: "shipping_option", deleted: true },
    })
    expect(await offered()).toEqual([["Standard", 4.9]])
    expect((await asAdmin("GET", `${options}/${option.id}`)).status).toBe(404)
    expect((await asAdmin("DELETE", `${options}/${option.id}`)).status).toBe(404)
    expect(await events("shipping-option.deleted", "id", option.id)).toEqual([{ id: option.id }])
    expect(
      (await session.db.query("select deleted_at from shipping_option where id = $1", [option.id])).rows[0].deleted_at,
    ).not.toBeNull()
    expect((await asAdmin("DELETE", `/admin/shipping-profiles/${profile.id}`)).body).toEqual({
      id: profile.id,
      object: "shipping_profile",
      deleted: true,
    })

    // A zone's removal takes its options; the set answers without it.
    const second = (
      await asAdmin("POST", zones, { name: "Chile", geo_zones: [{ type: "country", country_code: "cl" }] })
    ).body.fulfillment_set
    const chile = second.service_zones.find((z: Json) => z.name === "Chile")
    const zoneGone = await asAdmin("DELETE", `${zones}/${chile.id}`)
    expect(zoneGone.body).toMatchObject({ id: chile.id, object: "service_zone", deleted: true, parent: { id: set.id } })
    expect(zoneGone.body.parent.service_zones.map((z: Json) => z.id)).toEqual([zone.id])
    expect((await asAdmin("GET", `${zones}/${chile.id}`)).status).toBe(404)

    // The location: renamed, readdressed, then deleted with its sets.
    const renamed = await asAdmin("POST", `/admin/stock-locations/${location.id}`, {
      name: `Depot Lima ${run}`,
      address: { address_1: "Av. 2", country_code: "pe" },
    })
    expect(renamed.body.stock_location).toMatchObject({
      name: `Depot Lima ${run}`,
      address: { address_1: "Av. 2", city: "Lima" },
    })
    expect(
      (await asAdmin("POST", `/admin/stock-locations/${location.id}`, { address: { city: "Lima" } })).body.message,
    ).toMatch(/address\.address_1/)
    expect(await events("stock-location.updated", "id", location.id)).toHaveLength(1)
    expect(await asAdmin("DELETE", `/admin/stock-locations/${location.id}`)).toEqual({
      status: 200,
      body: { id: location.id, object: "stock_location", deleted: true },
    })
    expect((await asAdmin("GET", `/admin/stock-locations/${location.id}`)).status).toBe(404)
    expect(await events("stock-location.deleted", "id", location.id)).toEqual([{ id: location.id }])
    expect(
      (await session.db.query("select deleted_at from fulfillment_set where id = $1", [set.id])).rows[0].deleted_at,
    ).not.toBeNull()
    expect(await asAdmin("DELETE", `/admin/fulfillment-sets/${set.id}`)).toMatchObject({ status: 404 })
  })

  test("a fulfillment set is deleted with its zones", async () => {
    const location = (await asAdmin("POST", "/admin/stock-locations", { name: `Kiosk ${run}` })).body.stock_location
    const set = (
      await asAdmin("POST", `/admin/stock-locations/${location.id}/fulfillment-sets`, {
        name: `Kiosk pickup ${run}`,
        type: "pickup",
      })
    ).body.stock_location.fulfillment_sets[0]
    const zone = (
      await asAdmin("POST", `/admin/fulfillment-sets/${set.id}/service-zones`, {
        name: "Uruguay",
        geo_zones: [{ type: "country", country_code: "uy" }],
      })
    ).body.fulfillment_set.service_zones[0]
    expect(await asAdmin("DELETE", `/admin/fulfillment-sets/${set.id}`)).toEqual({
      status: 200,
      body: { id: set.id, object: "fulfillment_set", deleted: true },
    })
    expect((await asAdmin("GET", `/admin/fulfillment-sets/${set.id}/service-zones/${zone.id}`)).status).toBe(404)
    expect(
      (await asAdmin("GET", `/admin/stock-locations/${location.id}`)).body.stock_location.fulfillment_sets,
    ).toEqual([])
  })
})
