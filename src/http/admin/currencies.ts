import { Hono } from "hono"
import { z } from "zod"
import { query } from "../../core/input"
import { listQuery, oneOrMany, parseOrder, retrieveQuery } from "../../core/query/params"
import { selectJson } from "../../core/query/select-json"
import type { AppEnv } from "../../core/types"

// Currencies are not rows with timestamps: a date range here is refused as undeclared.
const listCurrenciesQuery = z
  .object({ ...listQuery, q: z.string().max(200).optional(), code: oneOrMany.optional() })
  .omit({ created_at: true, updated_at: true })
const currencies = (c: { var: AppEnv["Variables"] }) => c.var.scope.resolve("currencyService")

/** Medusa's /admin/currencies: read-only, every ISO 4217 currency. */
export const adminCurrencyRoutes = new Hono<AppEnv>()
  .get("/", query(listCurrenciesQuery), (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["code", "name"], { field: "code", direction: "asc" }) as {
      field: "code" | "name"
      direction: "asc" | "desc"
    }
    const { rows, count } = currencies(c).list(filters, ordering, { limit, offset })
    return c.json({ currencies: rows.map((row) => selectJson(row as never, fields)), count, offset, limit })
  })
  .get("/:code", query(z.object(retrieveQuery)), (c) => {
    const { fields } = c.req.valid("query")
    return c.json({ currency: selectJson(currencies(c).retrieve(c.req.param("code")) as never, fields) })
  })
