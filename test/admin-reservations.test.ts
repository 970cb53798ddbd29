import { describe, expect, test } from "vitest"
import { adminSession, expectRefused } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`reservations-${run}@example.com`)
const asAdmin = session.call

/** Two locations and an item stocked 5 at the first and 2 at the second. */
async function stockedItem(name: string) {
  const location = async (suffix: string) =>
    (await asAdmin("POST", "/admin/stock-locations", { name: `${name} ${suffix} ${run}` })).body.stock_location
      .id as string
  const [a, b, empty] = [await location("A"), await location("B"), await location("empty")]
  const item = (
    await asAdmin("POST", "/admin/inventory-items", {
      sku: `${name}-${run}`,
      location_levels: [
        { location_id: a, stocked_quantity: 5 },
        { location_id: b, stocked_quantity: 2 },
      ],
    })
  ).body.inventory_item.id as string
  const reserved = async () => {
    const levels = (await asAdmin("GET", `/admin/inventory-items/${item}/location-levels`)).body
      .inventory_levels as Json[]
    return Object.fromEntries(levels.map((level) => [level.location_id === a ? "a" : "b", level.reserved_quantity]))
  }
  return { a, b, empty, item, reserved }
}

const events = async (name: string, id: string) =>
  (await session.db.query("select data from event_outbox where name = $1 and data->>'id' = $2", [name, id])).rows.map(
    (r) => r.data,
  )

describe("/admin/reservations", () => {
  test("create, move, resize and delete: reserved quantities follow, never above stock; refused requests change nothing", async () => {
    const { a, b, empty, item, reserved } = await stockedItem("Reserve")
    const create = (body: unknown) => asAdmin("POST", "/admin/reservations", body)

    await expectRefused(session.db, "reservation_item", create, [
      [{ inventory_item_id: item, location_id: a, quantity: 0 }, /^quantity: must be 1 or more$/],
      [{ inventory_item_id: item, location_id: a, quantity: 1.5 }, /^quantity: must be a whole number$/],
      [{ location_id: a, quantity: 1 }, /^inventory_item_id: /],
      [
        { inventory_item_id: item, location_id: a, quantity: 1, allow_backorder: true },
        /Unrecognized fields: 'allow_backorder'/,
      ],
    ])
    const made = await create({
      inventory_item_id: item,
      location_id: a,
      quantity: 3,
      line_item_id: "ordli_manual",
      description: "Held for a phone order",
    })
    expect(made.status).toBe(200)
    const reservation = made.body.reservation
    expect(reservation).toMatchObject({
      inventory_item_id: item,
      location_id: a,
      quantity: 3,
      line_item_id: "ordli_manual",
      description: "Held for a phone order",
    })
    expect(reservation.id).toMatch(/^resitem_/)
    expect(await reserved()).toEqual({ a: 3, b: 0 })
    expect(await events("reservation-item.created", reservation.id)).toEqual([{ id: reservation.id }])

    expect(await create({ inventory_item_id: item, location_id: a, quantity: 3 })).toMatchObject({
      status: 400,
      body: { type: "not_allowed", message: `Not enough stock available for item ${item} at location ${a}` },
    })
    expect(await create({ inventory_item_id: item, location_id: empty, quantity: 1 })).toMatchObject({
      status: 404,
      body: { message: `Item ${item} is not stocked at location ${empty}` },
    })
    expect((await create({ inventory_item_id: "iitem_missing", location_id: a, quantity: 1 })).status).toBe(404)
    expect(await reserved()).toEqual({ a: 3, b: 0 })

    const update = (body: unknown) => asAdmin("POST", `/admin/reservations/${reservation.id}`, body)
    expect((await update({ quantity: 5 })).body.reservation.quantity).toBe(5)
    expect(await reserved()).toEqual({ a: 5, b: 0 })
    expect((await update({ quantity: 6 })).status).toBe(400)
    // A move re-homes the whole quantity, so 5 units cannot move where 2 are stocked.
    expect(await update({ location_id: b })).toMatchObject({
      status: 400,
      body: { message: `Not enough stock available for item ${item} at location ${b}` },
    })
    expect(await reserved()).toEqual({ a: 5, b: 0 })
    const moved = await update({ location_id: b, quantity: 2, description: "Moved" })
    expect(moved.body.reservation).toMatchObject({ location_id: b, quantity: 2, description: "Moved" })
    expect(await reserved()).toEqual({ a: 0, b: 2 })
    expect((await update({ quantity: 1 })).body.reservation.quantity).toBe(1)
    expect(await reserved()).toEqual({ a: 0, b: 1 })
    expect(await events("reservation-item.updated", reservation.id)).toHaveLength(3)
    expect(
      (await asAdmin("GET", `/admin/reservations/${reservation.id}?fields=quantity,location_id`)).body.reservation,
    ).toEqual({ id: reservation.id, quantity: 1, location_id: b })
    expect((await asAdmin("GET", "/admin/reservations/resitem_missing")).body).toEqual({
      type: "not_found",
      message: "Reservation with id: resitem_missing was not found",
    })

    // Two reservations of 3 at once where 5 are free: one of them is refused.
    const both = await Promise.all([1, 2].map(() => create({ inventory_item_id: item, location_id: a, quantity: 3 })))
    expect(both.map((res) => res.status).sort()).toEqual([200, 400])
    expect(await reserved()).toEqual({ a: 3, b: 1 })

    expect(await asAdmin("DELETE", `/admin/reservations/${reservation.id}`)).toMatchObject({
      status: 200,
      body: { id: reservation.id, object: "reservation", deleted: true },
    })
    expect(await reserved()).toEqual({ a: 3, b: 0 })
    expect((await asAdmin("DELETE", `/admin/reservations/${reservation.id}`)).status).toBe(404)
    expect(await reserved()).toEqual({ a: 3, b: 0 })
    expect(await events("reservation-item.deleted", reservation.id)).toEqual([{ id: reservation.id }])
    const listed = await asAdmin("GET", `/admin/reservations?inventory_item_id=${item}`)
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 20 })
    expect(listed.body.reservations[0]).toMatchObject({ location_id: a, quantity: 3 })
  })

  test("an item's location levels: paged, filtered by location, shaped by fields", async () => {
    const { a, b, item } = await stockedItem("Levels")
    const all = await asAdmin("GET", `/admin/inventory-items/${item}/location-levels`)
    expect(all.body).toMatchObject({ count: 2, offset: 0, limit: 20 })
    expect(
      all.body.inventory_levels.map((l: Json) => [l.location_id, l.stocked_quantity, l.available_quantity]),
    ).toEqual([
      [a, 5, 5],
      [b, 2, 2],
    ])
    const one = await asAdmin(
      "GET",
      `/admin/inventory-items/${item}/location-levels?location_id=${b}&fields=stocked_quantity`,
    )
    expect(one.body.inventory_levels).toEqual([{ id: all.body.inventory_levels[1].id, stocked_quantity: 2 }])
    expect(
      (await asAdmin("GET", `/admin/inventory-items/${item}/location-levels?limit=1&offset=1`)).body,
    ).toMatchObject({ count: 2, inventory_levels: [{ location_id: b }] })
    expect((await asAdmin("GET", "/admin/inventory-items/iitem_missing/location-levels")).status).toBe(404)
  })
})
