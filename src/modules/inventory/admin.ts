import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../core/container"
import { validateBody } from "../../core/body"
import { listQuery, oneOrMany, validateQuery, idList } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import type { StockLocationService } from "../stock-location/service"
import type { InventoryService } from "./service"

const inventory = (scope: Scope) => scope.resolve<InventoryService>("inventoryService")
const stocked = z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" }).max(10_000_000)

/** An item with its stock per location, as Medusa's Admin API shows it. */
async function itemsJson(scope: Scope, items: Awaited<ReturnType<InventoryService["retrieve"]>>[]) {
  const levels = await inventory(scope).levels(items.map((item) => item.id))
  return items.map((item) => {
    const own = levels.filter((level) => level.inventory_item_id === item.id && !level.deleted_at)
    const sum = (key: "stocked_quantity" | "reserved_quantity") => own.reduce((total, level) => total + level[key], 0)
    return {
      ...item,
      stocked_quantity: sum("stocked_quantity"),
      reserved_quantity: sum("reserved_quantity"),
      location_levels: own.map((level) => ({ ...level, available_quantity: level.stocked_quantity - level.reserved_quantity })),
    }
  })
}

async function respondItem(scope: Scope, id: string) {
  const [json] = await itemsJson(scope, [await inventory(scope).retrieve(id)])
  return { inventory_item: json }
}

/** Setting stock: a level per (item, location), in one transaction with its event. */
async function setLevel(scope: Scope, itemId: string, locationId: string, quantity: number) {
  await transaction(scope, async (tx) => {
    await inventory(tx).retrieve(itemId)
    await tx.resolve<StockLocationService>("stockLocationService").retrieve(locationId)
    await inventory(tx).setStockedQuantity(itemId, locationId, quantity)
    await emitEvent(tx, "inventory-item.updated", { id: itemId })
  })
}

/** Medusa's /admin/inventory-items and /admin/stock-locations: where stock is and how much. */
export const adminInventoryRoutes = new Hono<AppEnv>()
  .get("/inventory-items", async (c) => {
    const { limit = 20, offset = 0, order: _o, fields: _f, ...filters } = validateQuery(
      c,
      z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), sku: oneOrMany.optional() }),
    )
    const { rows, count } = await inventory(c.var.scope).list(filters, { limit, offset })
    return c.json({ inventory_items: await itemsJson(c.var.scope, rows), count, offset, limit })
  })
  .get("/inventory-items/:id", async (c) => c.json(await respondItem(c.var.scope, c.req.param("id"))))
  .post("/inventory-items/:id/location-levels", async (c) => {
    const body = await validateBody(c, z.strictObject({ location_id: z.string().min(1), stocked_quantity: stocked.default(0) }))
    await setLevel(c.var.scope, c.req.param("id"), body.location_id, body.stocked_quantity)
    return c.json(await respondItem(c.var.scope, c.req.param("id")))
  })
  .post("/inventory-items/:id/location-levels/:location_id", async (c) => {
    const body = await validateBody(c, z.strictObject({ stocked_quantity: stocked }))
    await setLevel(c.var.scope, c.req.param("id"), c.req.param("location_id"), body.stocked_quantity)
    return c.json(await respondItem(c.var.scope, c.req.param("id")))
  })
  .get("/reservations", async (c) => {
    const { limit = 20, offset = 0, line_item_id } = validateQuery(c, z.object({ ...listQuery, line_item_id: oneOrMany.optional() }))
    const { rows, count } = await inventory(c.var.scope).listReservations({ line_item_id }, { limit, offset })
    return c.json({ reservations: rows, count, offset, limit })
  })
  .get("/stock-locations", async (c) => {
    const { limit = 20, offset = 0 } = validateQuery(c, z.object(listQuery))
    const { rows, count } = await c.var.scope.resolve<StockLocationService>("stockLocationService").list({ limit, offset })
    return c.json({ stock_locations: rows, count, offset, limit })
  })
  .get("/stock-locations/:id", async (c) =>
    c.json({ stock_location: await c.var.scope.resolve<StockLocationService>("stockLocationService").retrieve(c.req.param("id")) }),
  )
  .post("/stock-locations/:id/sales-channels", async (c) => {
    const { add, remove } = await validateBody(c, z.strictObject({ add: idList(100), remove: idList(100) }))
    const locations = c.var.scope.resolve<StockLocationService>("stockLocationService")
    await transaction(c.var.scope, async (tx) => {
      const service = tx.resolve<StockLocationService>("stockLocationService")
      await service.retrieve(c.req.param("id"))
      await service.linkSalesChannels(c.req.param("id"), add)
      await service.unlinkSalesChannels(c.req.param("id"), remove)
    })
    return c.json({ stock_location: await locations.retrieve(c.req.param("id")) })
  })
