import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { listQuery, oneOrMany, retrieveQuery, validateQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { adminInventoryLevelRoutes, setLevels } from "./levels"
import { adminReservationRoutes } from "../reservations/routes"
import { adminInventoryItemQuery } from "../../../modules/inventory/item-query-config"
import { itemJson, itemsJson } from "../../../modules/inventory/item-view"
import { createInventoryItemBody, inventoryItemBody } from "../../../modules/inventory/validators"

const inventory = (scope: Scope) => scope.resolve("inventoryService")
const items = (scope: Scope) => scope.resolve("inventoryItemService")

/** Medusa's /admin/inventory-items and /admin/reservations: what is stocked, where, and held for whom. */
export const adminInventoryRoutes = new Hono<AppEnv>()
  .route("/", adminInventoryLevelRoutes)
  .route("/reservations", adminReservationRoutes)
  .get("/inventory-items", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(
      c,
      z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), sku: oneOrMany.optional() }),
    )
    return listResponse(c, "inventory_items", adminInventoryItemQuery, { fields, limit, offset }, async () => {
      const { rows, count } = await inventory(c.var.scope).list(filters, orderingFor(adminInventoryItemQuery, order), {
        limit,
        offset,
      })
      return { rows: await itemsJson(c.var.scope, rows), count }
    })
  })
  .post("/inventory-items", async (c) => {
    const { location_levels = [], ...body } = await validateBody(c, createInventoryItemBody)
    const id = await transaction(c.var.scope, async (tx) => {
      const item = await items(tx).create(body)
      await setLevels(
        tx,
        location_levels.map((level) => ({ ...level, inventory_item_id: item.id })),
      )
      await emitEvent(tx, "inventory-item.created", { id: item.id })
      return item.id
    })
    return c.json({ inventory_item: await itemJson(c.var.scope, id) })
  })
  .get("/inventory-items/:id", async (c) =>
    retrieveResponse(
      c,
      "inventory_item",
      adminInventoryItemQuery,
      validateQuery(c, z.object(retrieveQuery)).fields,
      () => itemJson(c.var.scope, c.req.param("id")),
    ),
  )
  .post("/inventory-items/:id", async (c) => {
    const body = await validateBody(c, inventoryItemBody)
    await transaction(c.var.scope, async (tx) => {
      await items(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "inventory-item.updated", { id: c.req.param("id") })
    })
    return c.json({ inventory_item: await itemJson(c.var.scope, c.req.param("id")) })
  })
  .delete("/inventory-items/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await items(tx).delete(c.req.param("id"))
      await emitEvent(tx, "inventory-item.deleted", { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "inventory_item", deleted: true })
  })
