// POST /admin/inventory-items/export through @medusajs/js-sdk (the dashboard's inventory list "Export"
// drawer): the items GET /admin/inventory-items would list, a CSV row per linked variant (or one without),
// the stock at every location in columns, on a private link in the feed.
import { describe, expect, test } from "vitest"
import { exportKind } from "./helpers/exports"
import { refusal, sdkAdminSession } from "./helpers/sdk-admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = sdkAdminSession(`inventory-exports-${run}@example.com`, async () => {})

const ITEM_AND_VARIANT_HEADER = [
  "Item Id",
  "Item Sku",
  "Item Title",
  "Item Description",
  "Item Thumbnail",
  "Item Origin Country",
  "Item Hs Code",
  "Item Mid Code",
  "Item Material",
  "Item Unit Of Measure",
  "Item Weight",
  "Item Length",
  "Item Height",
  "Item Width",
  "Item Requires Shipping",
  "Item Stocked Quantity",
  "Item Reserved Quantity",
  "Item Created At",
  "Item Updated At",
  "Variant Id",
  "Variant Title",
  "Variant Barcode",
  "Variant Ean",
  "Variant Upc",
]
const LEVEL_COLUMNS = ["Stocked Quantity", "Reserved Quantity", "Available Quantity"]

const exportsOf = exportKind(() => session.admin, "Inventory export", "inventory-item-exports")
const exportNotices = exportsOf.notices
/** Runs an export with the filters; the CSV behind the new feed notification, and its link. */
const exportCsv = (filters: Json) => exportsOf.run(() => session.admin.admin.inventoryItem.export({}, filters as any))

/** The header for these locations: the item's and variant's columns, then three per location by name. */
const headerFor = (names: string[]) => [
  ...ITEM_AND_VARIANT_HEADER,
  ...[...names]
    .sort((a, b) => a.localeCompare(b))
    .flatMap((name) => LEVEL_COLUMNS.map((column) => `Location [${name}] ${column}`)),
]

describe("inventory CSV export through @medusajs/js-sdk", () => {
  test("exports the filtered items, a row per linked variant, the stock per location, to a private link on the feed", async () => {
    const admin = session.admin.admin
    // Two locations whose names sort the other way round from their creation.
    const { stock_location: north } = await admin.stockLocation.create({ name: `Zz North ${run}` })
    const { stock_location: south } = await admin.stockLocation.create({ name: `Aa South ${run}` })

    // A product whose managed variant gets an inventory item of its own.
    const { product } = await admin.product.create({
      title: `Lamp ${run}`,
      options: [{ title: "Size", values: ["S"] }],
      variants: [
        {
          title: "Small",
          sku: `LAMP-S-${run}`,
          barcode: `BAR-${run}`,
          ean: `EAN-${run}`,
          upc: `UPC-${run}`,
          manage_inventory: true,
          options: { Size: "S" },
          prices: [{ currency_code: "eur", amount: 10 }],
        },
      ],
    })
    const variant = product.variants![0]!
    const { inventory_items: linkedItems } = await admin.inventoryItem.list({ sku: `LAMP-S-${run}` })
    expect(linkedItems).toHaveLength(1)
    const linked = linkedItems[0]!
    // A second variant (of another product) consuming the same item: a second row for it.
    const { product: twin } = await admin.product.create({
      title: `Lamp twin ${run}`,
      options: [{ title: "Size", values: ["S"] }],
      variants: [
        {
          title: "Twin",
          manage_inventory: true,
          options: { Size: "S" },
          prices: [{ currency_code: "eur", amount: 12 }],
          inventory_items: [{ inventory_item_id: linked.id, required_quantity: 1 }],
        },
      ],
    })
    const twinVariant = twin.variants![0]!
    // An item of no variant, with its physical details.
    const { inventory_item: loose } = await admin.inventoryItem.create({
      sku: `BULB-${run}`,
      title: "Bulb",
      description: "A spare, =1+1",
      origin_country: "dk",
      hs_code: "8539",
      mid_code: "MID1",
      material: "glass",
      weight: 120,
      length: 10,
      height: 12,
      width: 6,
      requires_shipping: false,
    })

    await admin.inventoryItem.batchUpdateLevels(linked.id, {
      create: [
        { location_id: north.id, stocked_quantity: 7 },
        { location_id: south.id, stocked_quantity: 3 },
      ],
    })
    await admin.inventoryItem.batchUpdateLevels(loose.id, { create: [{ location_id: south.id, stocked_quantity: 40 }] })
    await admin.reservation.create({ inventory_item_id: linked.id, location_id: north.id, quantity: 2 })

    const { stock_locations } = await admin.stockLocation.list({ limit: 1000 })
    const exported = await exportCsv({ id: [linked.id, loose.id], order: "created_at" })

    // Every location has its three columns, by name; ours among them (others may come while this runs).
    const names = [
      ...new Set(exported.header.slice(ITEM_AND_VARIANT_HEADER.length).map((c) => /^Location \[(.*)\] /.exec(c)![1]!)),
    ]
    expect(exported.header).toEqual(headerFor(names))
    for (const location of stock_locations as Json[]) expect(names).toContain(location.name)

    const itemOf = async (id: string) => (await admin.inventoryItem.retrieve(id)).inventory_item as Json
    const [linkedNow, looseNow] = [await itemOf(linked.id), await itemOf(loose.id)]
    const empty = Object.fromEntries(exported.header.map((column) => [column, ""]))
    const levels = (north_: string[], south_: string[]) => ({
      [`Location [Zz North ${run}] Stocked Quantity`]: north_[0],
      [`Location [Zz North ${run}] Reserved Quantity`]: north_[1],
      [`Location [Zz North ${run}] Available Quantity`]: north_[2],
      [`Location [Aa South ${run}] Stocked Quantity`]: south_[0],
      [`Location [Aa South ${run}] Reserved Quantity`]: south_[1],
      [`Location [Aa South ${run}] Available Quantity`]: south_[2],
    })
    expect(exported.rows).toEqual([
      {
        ...empty,
        "Item Id": linked.id,
        "Item Sku": `LAMP-S-${run}`,
        "Item Title": "Small",
        "Item Requires Shipping": "true",
        "Item Stocked Quantity": "10",
        "Item Reserved Quantity": "2",
        "Item Created At": linkedNow.created_at,
        "Item Updated At": linkedNow.updated_at,
        "Variant Id": variant.id,
        "Variant Title": "Small",
        "Variant Barcode": `BAR-${run}`,
        "Variant Ean": `EAN-${run}`,
        "Variant Upc": `UPC-${run}`,
        ...levels(["7", "2", "5"], ["3", "0", "3"]),
      },
      {
        ...empty,
        "Item Id": linked.id,
        "Item Sku": `LAMP-S-${run}`,
        "Item Title": "Small",
        "Item Requires Shipping": "true",
        "Item Stocked Quantity": "10",
        "Item Reserved Quantity": "2",
        "Item Created At": linkedNow.created_at,
        "Item Updated At": linkedNow.updated_at,
        "Variant Id": twinVariant.id,
        "Variant Title": "Twin",
        ...levels(["7", "2", "5"], ["3", "0", "3"]),
      },
      {
        ...empty,
        "Item Id": loose.id,
        "Item Sku": `BULB-${run}`,
        "Item Title": "Bulb",
        "Item Description": "A spare, =1+1",
        "Item Origin Country": "dk",
        "Item Hs Code": "8539",
        "Item Mid Code": "MID1",
        "Item Material": "glass",
        "Item Weight": "120",
        "Item Length": "10",
        "Item Height": "12",
        "Item Width": "6",
        "Item Requires Shipping": "false",
        "Item Stocked Quantity": "40",
        "Item Reserved Quantity": "0",
        "Item Created At": looseNow.created_at,
        "Item Updated At": looseNow.updated_at,
        ...levels(["", "", ""], ["40", "0", "40"]),
      },
    ])

    // The list's search picks just the loose item.
    const searched = await exportCsv({ q: `BULB-${run}` })
    expect(searched.rows.map((row) => row["Item Id"])).toEqual([loose.id])

    // The link is the authorization: without its token the file is not there.
    expect((await fetch(exported.url.split("?")[0]!)).status).toBe(404)
  })

  test("a query the inventory list would refuse is a 400, and nothing is exported", async () => {
    const before = (await exportNotices()).length
    for (const query of [{ created_at: { $foo: "1" } }, { order: "nope" }, { limit: "many" }]) {
      const refused = await refusal(session.admin.admin.inventoryItem.export({}, query as any))
      expect([JSON.stringify(query), refused.status]).toEqual([JSON.stringify(query), 400])
    }
    expect((await exportNotices()).length).toBe(before)
  })

  test("the export needs an admin", async () => {
    const res = await fetch(`${session.worker.url}/admin/inventory-items/export`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    })
    expect(res.status).toBe(401)
  })
})
