import { Hono } from "hono"
import { noBody, query } from "../../../core/input"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { exportInventoryItems } from "../../../flows/inventory/exports"
import { adminInventoryItemQuery } from "../../../modules/inventory/item-query-config"
import { itemsJson } from "../../../modules/inventory/item-view"
import { fileContext } from "../uploads/routes"
import { listItemsQuery } from "./routes"

/**
 * Medusa's POST /admin/inventory-items/export: the items GET /admin/inventory-items would list, with
 * their stock per location and linked variants, as a CSV on the feed.
 */
export const adminInventoryExportRoutes = new Hono<AppEnv>().post(
  "/inventory-items/export",
  noBody,
  query(listItemsQuery),
  async (c) => {
    const { limit: _limit, offset: _offset, order, fields: _fields, ...filters } = c.req.valid("query")
    const ordering = orderingFor(adminInventoryItemQuery, order)
    const inventory = c.var.scope.resolve("inventoryService")
    const exported = await exportInventoryItems(
      c.var.scope,
      async (page) => itemsJson(c.var.scope, (await inventory.list(filters, ordering, page)).rows),
      fileContext(c),
    )
    return c.json(exported, 202)
  },
)
