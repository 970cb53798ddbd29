import { MedusaError } from "../errors"
import type { QueryContext } from "./context"
import { requestedFields, type RequestedFields } from "./fields"
import { parseOrder, type Ordering } from "./params"
import { loadSelection, pick, resolveSelection, type EntityGraph, type Row } from "./graph"

/** A resource's declared wire shape: default fields and how deep `fields` may reach. */
export interface QueryConfig {
  graph: EntityGraph<QueryContext>
  defaults: readonly string[]
  maxDepth: number
}

export function requestedFor(config: QueryConfig, fieldsParam: string | undefined): RequestedFields {
  const tooDeep = (fieldsParam ?? "").split(",").filter((entry) => fieldDepth(entry) > config.maxDepth)
  if (tooDeep.length > 0) {
    throw new MedusaError(
      "invalid_data",
      `The following fields expand more than the maximum of ${config.maxDepth} allowed relations: ${tooDeep.map((f) => f.trim()).join(", ")}`,
    )
  }
  return requestedFields(config.defaults, fieldsParam)
}

/** How many relations a `fields` entry expands: `variants.title` 1, `*variants.options` 2. */
function fieldDepth(entry: string): number {
  const field = entry.trim().replace(/^\+/, "")
  if (field.startsWith("-") || !field) return 0
  const star = field.startsWith("*") || field.endsWith(".*")
  const segments = field.replace(/^\*/, "").replace(/\.\*$/, "").split(".").length
  return star ? segments : segments - 1
}

/** `order` for a list shown through `config`: any field it shows can sort it (orderBy refuses what is not a column). */
export function orderingFor(
  config: QueryConfig,
  order: string | undefined,
  fallback: Ordering = { field: "created_at", direction: "asc" },
): Ordering {
  return parseOrder(order, ["id", ...config.graph.fields], fallback)
}

/** Loads what `fields` asks for onto the rows and returns their JSON. */
export async function shapeRows(config: QueryConfig, rows: Row[], requested: RequestedFields, ctx: QueryContext) {
  const selection = resolveSelection(config.graph, requested)
  await loadSelection(config.graph, rows, selection, ctx)
  return rows.map((row) => pick(row, selection))
}

/**
 * The query config of an entity shown as its own columns plus optional relations: `fields`
 * picks among them, and the defaults are every column and relation.
 */
export function entityQuery(
  columns: readonly string[],
  relations: EntityGraph<QueryContext>["relations"] = {},
): QueryConfig {
  return {
    graph: { fields: columns, relations },
    defaults: ["id", ...columns, ...Object.keys(relations).map((name) => `*${name}`)],
    maxDepth: 2,
  }
}
