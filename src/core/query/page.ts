import { asc, count, desc, getTableColumns, sql, type SQL } from "drizzle-orm"
import type { PgColumn, PgTable } from "drizzle-orm/pg-core"
import type { Db } from "../../infra/db"
import type { Ordering } from "./params"

export interface Page {
  limit: number
  offset: number
}

/**
 * One page of a table and the total count, in one statement (`count(*) over ()`); a second
 * one only when the page is empty, since then no row carries the count.
 */
export async function listPage<T extends PgTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
  order: SQL[],
  page: Page,
): Promise<{ rows: T["$inferSelect"][]; count: number }> {
  const columns = getTableColumns(table)
  const found = (await db
    .select({ ...columns, __total: sql<string>`count(*) over ()`.as("__total") })
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)) as (T["$inferSelect"] & { __total: string })[]
  if (found.length === 0) {
    const total = page.offset > 0 ? (await db.select({ n: count() }).from(table as PgTable).where(where))[0]?.n ?? 0 : 0
    return { rows: [], count: total }
  }
  const total = Number(found[0]!.__total)
  return { rows: found.map(({ __total, ...row }) => row as T["$inferSelect"]), count: total }
}

/** ORDER BY for an Ordering, with the id as tie-breaker so that pages never overlap. */
export function orderBy(table: PgTable, ordering: Ordering, id: PgColumn): SQL[] {
  const column = (getTableColumns(table) as Record<string, PgColumn>)[ordering.field] ?? id
  const direction = ordering.direction === "desc" ? desc : asc
  return column === id ? [direction(id)] : [direction(column), direction(id)]
}
