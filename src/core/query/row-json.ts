import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm"
import type { PgColumn, PgTable } from "drizzle-orm/pg-core"

// Kept as JSON values; every other type travels as Postgres's text, exactly (numeric, timestamps).
const NATIVE = new Set(["PgBoolean", "PgJson", "PgJsonb"])

/**
 * `"table"."column"`, always qualified: Drizzle leaves a single-table query's columns bare,
 * which inside a correlated subquery would name the subquery's own table.
 */
export function qualified(table: PgTable, column: PgColumn): SQL {
  return sql.raw(`"${getTableName(table)}"."${column.name}"`)
}

/**
 * A row of `table` as one JSON object, for loading a document's children in the parent's
 * statement (`json_agg(rowJson(child))`). `fromRowJson` maps it back to what a select returns.
 */
export function rowJson(table: PgTable): SQL {
  let text = rowJsonText.get(table)
  if (!text) {
    const name = getTableName(table)
    const pairs = Object.entries(getTableColumns(table)).map(([key, column]) => {
      const value = `"${name}"."${column.name}"`
      return `'${key}', ${NATIVE.has(column.columnType) ? value : `${value}::text`}`
    })
    text = `json_build_object(${pairs.join(", ")})`
    rowJsonText.set(table, text)
  }
  // One raw chunk, built once per isolate: Drizzle's cost is per chunk, and this one has a chunk per column.
  return sql.raw(text)
}

const rowJsonText = new WeakMap<PgTable, string>()

export function fromRowJson<T extends PgTable>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {}
  for (const [key, column] of Object.entries(getTableColumns(table)) as [string, PgColumn][]) {
    const value = json[key]
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value)
  }
  return row as T["$inferSelect"]
}

/** The rows of `table` matching `where` (correlated to the outer query), as a JSON array: '[]' when none. */
export function childRows(table: PgTable, where: SQL, order?: SQL): SQL<Record<string, unknown>[]> {
  return sql`coalesce((select json_agg(${rowJson(table)}${order ? sql` ${order}` : sql``}) from ${table} where ${where}), '[]')`
}
