import { and, gt, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm"
import type { PgColumn } from "drizzle-orm/pg-core"
import type { DateRange } from "./params"

/** `q` is a substring, not a pattern: % and _ in it match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/** Medusa's `q`: a case-insensitive substring of any of the columns. */
export function searchAny(columns: PgColumn[], q: string): SQL | undefined {
  const pattern = `%${escapeLike(q)}%`
  return or(...columns.map((column) => ilike(column, pattern)))
}

/** The conditions of a Medusa date range on a column (undefined when the range is absent). */
export function withinRange(column: PgColumn, range: DateRange | undefined): SQL | undefined {
  if (!range) return undefined
  return and(
    range.$gt && gt(column, range.$gt),
    range.$gte && gte(column, range.$gte),
    range.$lt && lt(column, range.$lt),
    range.$lte && lte(column, range.$lte),
  )
}

/** `column in (values)`, where the value "null" (as a query string spells it) matches NULL. */
export function inOrNull(column: PgColumn, values: string[]): SQL {
  const given = values.filter((value) => value !== "null")
  return (
    or(given.length ? inArray(column, given) : undefined, given.length < values.length ? isNull(column) : undefined) ??
    sql`false`
  )
}
