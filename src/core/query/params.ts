import type { Context } from "hono"
import qs from "qs"
import { z } from "zod"
import { MedusaError } from "../errors"
import { refuseNul } from "../nul"

/**
 * The query string as Medusa's clients build it (with `qs`): `id[0]=a&id[1]=b`,
 * `created_at[$gte]=…`, and `a.b=x` meaning `{ a: { b: x } }`.
 */
export function parseQueryString(c: Context): Record<string, unknown> {
  const search = new URL(c.req.url).search.slice(1)
  const query = qs.parse(search, {
    allowDots: true,
    depth: 5,
    arrayLimit: 200,
    parameterLimit: 500,
    strictDepth: false,
  })
  refuseNul(query, "query parameter")
  refuseUnknownOperators(query, "")
  refuseBadDates(query)
  return query
}

// The filter operators of Medusa's query syntax (`created_at[$gte]=…`); any other is a typo or a probe.
const OPERATORS = new Set([
  "$eq",
  "$ne",
  "$in",
  "$nin",
  "$lt",
  "$lte",
  "$gt",
  "$gte",
  "$like",
  "$ilike",
  "$re",
  "$contains",
  "$exists",
  "$and",
  "$or",
  "$not",
])

function refuseUnknownOperators(value: unknown, path: string): void {
  if (!value || typeof value !== "object") return
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith("$") && !OPERATORS.has(key))
      throw new MedusaError("invalid_data", `Unknown filter operator ${key}${path ? ` in ${path}` : ""}`)
    refuseUnknownOperators(item, path ? `${path}.${key}` : key)
  }
}

/** A `*_at` parameter is a date or a range of dates, whatever route reads it: `created_at[$gte]=notadate` is a 400 naming it. */
function refuseBadDates(query: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(query)) {
    if (!/_at$/.test(name) || value === undefined) continue
    const result = dateFilter.safeParse(value)
    if (!result.success) {
      const [issue] = result.error.issues
      const where = issue?.path.length ? `${name}[${issue.path.join("][")}]` : name
      throw new MedusaError("invalid_data", `${where}: ${issue?.message ?? "must be an ISO 8601 date"}`)
    }
  }
}

/** Parses the query with a zod schema; a bad value is a 400 naming the parameter. */
export function validateQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const query = parseQueryString(c)
  refuseUndeclared(query, schema)
  return schema.parse(query)
}

// Parameters whose silent loss gives a wrong answer (unsorted, unfiltered): a route that does not declare them refuses them.
const ANSWER_CHANGING = /^(order|\w+_at)$/

function refuseUndeclared(query: Record<string, unknown>, schema: z.ZodType): void {
  if (!(schema instanceof z.ZodObject)) return
  for (const name of Object.keys(query)) {
    if (!ANSWER_CHANGING.test(name) || Object.hasOwn(schema.shape, name)) continue
    if (name === "order")
      throw new MedusaError(
        "invalid_data",
        `Order field ${String(query.order).replace(/^-/, "")} is not valid: this list cannot be sorted`,
      )
    throw new MedusaError("invalid_data", `Unrecognized filter '${name}': this list cannot be filtered by it`)
  }
}

const wholeNumber = (name: string) =>
  z
    .string({ error: `${name} must be a whole number` })
    .regex(/^\d{1,9}$/, { error: `${name} must be a whole number` })
    .transform(Number)

/** One value or several: `id=a`, `id[]=a&id[]=b` → always an array. */
export const oneOrMany = z
  .union([z.string(), z.array(z.string())], { error: "must be a string or a list of strings" })
  .transform((value) => (Array.isArray(value) ? value : [value]))

/** What every list takes: paging, `order`, `fields`, and Medusa's date ranges (listPage applies them). */
export const listQuery = {
  limit: wholeNumber("limit").optional(),
  offset: wholeNumber("offset").optional(),
  order: z.string({ error: "order must be a field name, optionally prefixed with -" }).optional(),
  fields: z.string({ error: "fields must be a comma-separated list" }).optional(),
  get created_at() {
    return dateRange.optional()
  },
  get updated_at() {
    return dateRange.optional()
  },
}

/**
 * For routes that read no query: paging parameters are checked (Medusa's clients send them to any
 * list) and anything else is refused, so a typo is an error rather than silently ignored.
 */
export const noQuery = z.strictObject({ limit: listQuery.limit, offset: listQuery.offset, fields: listQuery.fields })

export const retrieveQuery = {
  fields: listQuery.fields,
}

export interface Ordering {
  field: string
  direction: "asc" | "desc"
}

/** `order=-created_at` → created_at descending; a field not in `allowed` is refused. */
export function parseOrder(order: string | undefined, allowed: readonly string[], fallback: Ordering): Ordering {
  if (!order) return fallback
  const direction = order.startsWith("-") ? "desc" : "asc"
  const field = order.replace(/^[-+ ]/, "")
  if (!allowed.includes(field)) throw new MedusaError("invalid_data", `Order field ${field} is not valid`)
  return { field, direction }
}

/** Medusa's booleanString: `true`/`false` in a query string. */
export const booleanString = z
  .union([z.boolean(), z.enum(["true", "false"], { error: 'must be "true" or "false"' })])
  .transform((value) => value === true || value === "true")

/** A list of ids in a body (`add`, `remove`): non-empty strings, bounded, empty when absent. */
export const idList = (max = 500) => z.array(z.string().min(1)).max(max).default([])

/** Medusa's handle made from a title: lowercase words joined by dashes. */
export function toHandle(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "item"
  )
}

const instant = z.iso
  .datetime({ offset: true, local: true, error: "must be an ISO 8601 date" })
  .or(z.iso.date({ error: "must be an ISO 8601 date" }))
  .transform((value) => new Date(value))

/** Medusa's date filter: `created_at[$gte]=2026-01-01&created_at[$lt]=…`. */
export const dateRange = z.strictObject({
  $gt: instant.optional(),
  $gte: instant.optional(),
  $lt: instant.optional(),
  $lte: instant.optional(),
})
export type DateRange = z.output<typeof dateRange>

// What any `*_at` parameter may hold: one date, or a range (null stands for "not set", as in deleted_at=null).
const dateFilter = z.union(
  [
    z.literal("null"),
    instant,
    dateRange.extend({ $eq: instant.optional(), $ne: instant.or(z.literal("null")).optional() }),
  ],
  {
    error: "must be an ISO 8601 date or a range of them ($gt, $gte, $lt, $lte)",
  },
)

/** The `created_at` / `updated_at` ranges Medusa's lists take. */
export const dateFilters = { created_at: dateRange.optional(), updated_at: dateRange.optional() }
