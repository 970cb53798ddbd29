import { and, asc, count, desc, getTableColumns, sql, type SQL } from "drizzle-orm"
import type { PgColumn, PgTable } from "drizzle-orm/pg-core"
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core"
import { MedusaError } from "../errors"
import { withinRange } from "./filters"
import type { DateRange, Ordering } from "./params"

export interface Page {
  limit: number
  offset: number
}

/** Medusa's `created_at` / `updated_at` ranges, which every list takes (listQuery declares them). */
export interface DateFilters {
  created_at?: DateRange
  updated_at?: DateRange
}

/**
 * One page of a table and the total count, in one statement (`count(*) over ()`); a second
 * one only when the page is empty, since then no row carries the count. `dates` (a list's
 * filters, whatever else they hold) narrows it to Medusa's date ranges.
 */
export async function listPage<T extends PgTable>(
  db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>,
  table: T,
  filtered: SQL | undefined,
  order: SQL[],
  page: Page,
  dates: DateFilters = {},
): Promise<{ rows: T["$inferSelect"][]; count: number }> {
  const columns = getTableColumns(table)
  const where = and(filtered, withinDateColumns(columns as Record<string, PgColumn>, dates))
  const found = (await db
    .select({ ...columns, __total: sql<string>`count(*) over ()`.as("__total") })
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)) as (T["$inferSelect"] & { __total: string })[]
  if (found.length === 0) {
    const total =
      page.offset > 0
        ? ((
            await db
              .select({ n: count() })
              .from(table as PgTable)
              .where(where)
          )[0]?.n ?? 0)
        : 0
    return { rows: [], count: total }
  }
  const total = Number(found[0]!.__total)
  return { rows: found.map(({ __total, ...row }) => row as T["$inferSelect"]), count: total }
}

function withinDateColumns(columns: Record<string, PgColumn>, dates: DateFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = []
  for (const name of ["created_at", "updated_at"] as const) {
    if (!dates[name]) continue
    // A table without the timestamp cannot be filtered by it: refused, not answered unfiltered.
    if (!Object.hasOwn(columns, name))
      throw new MedusaError("invalid_data", `Unrecognized filter '${name}': this list cannot be filtered by it`)
    conditions.push(withinRange(columns[name]!, dates[name]))
  }
  return and(...conditions)
}

/** ORDER BY for an Ordering, with the id as tie-breaker so that pages never overlap. */
export function orderBy(table: PgTable, ordering: Ordering, id: PgColumn): SQL[] {
  const columns = getTableColumns(table) as Record<string, PgColumn>
  // Own columns only: a sort the table cannot do is refused, never quietly replaced by the id.
  const column = Object.hasOwn(columns, ordering.field) ? columns[ordering.field]! : undefined
  if (!column) throw new MedusaError("invalid_data", `Order field ${ordering.field} is not valid`)
  const direction = ordering.direction === "desc" ? desc : asc
  return column === id ? [direction(id)] : [direction(column), direction(id)]
}
