import { getTableColumns } from "drizzle-orm"
import type { QueryContext } from "../../core/query/context"
import type { EntityGraph, Row } from "../../core/query/graph"
import { entityQuery, type QueryConfig } from "../../core/query/shape"
import { inventoryItem, inventoryLevel } from "./schema"

const columnsOf = (table: typeof inventoryItem | typeof inventoryLevel) =>
  Object.keys(getTableColumns(table)).filter((name) => name !== "id")

const levelGraph: EntityGraph<QueryContext> = {
  fields: [...columnsOf(inventoryLevel), "available_quantity"],
  relations: {},
}

/**
 * Medusa's inventory item as the Admin API shows it: its columns, the stock summed over its
 * locations, and `location_levels` (already on the rows itemsJson makes, so loading reads them).
 */
export const adminInventoryItemQuery: QueryConfig = entityQuery(
  [...columnsOf(inventoryItem), "stocked_quantity", "reserved_quantity"],
  {
    location_levels: {
      many: true,
      target: () => levelGraph,
      load: async (rows) => new Map(rows.map((row) => [row.id, (row.location_levels ?? []) as Row[]])),
    },
  },
)
