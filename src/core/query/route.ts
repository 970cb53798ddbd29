import type { Context } from "hono"
import type { AppEnv } from "../types"
import type { QueryContext } from "./context"
import type { RequestedFields } from "./fields"
import type { Row } from "./graph"
import { requestedFor, shapeRows, type QueryConfig } from "./shape"

/** The query context of a request: its scope, and on store routes the key's sales channels. */
export function queryContext(c: Context<AppEnv>, extra: Partial<QueryContext> = {}): QueryContext {
  const key = c.var.publishableKey
  return { scope: c.var.scope, salesChannelIds: key?.sales_channel_ids, storefront: key !== undefined, ...extra }
}

/** `{ <plural>, count, offset, limit }`, with each row shaped by `fields`. */
export async function listResponse(
  c: Context<AppEnv>,
  plural: string,
  config: QueryConfig,
  query: { fields?: string | RequestedFields; limit: number; offset: number },
  load: () => Promise<{ rows: Row[]; count: number }>,
  ctx: QueryContext = queryContext(c),
) {
  const requested = typeof query.fields === "object" ? query.fields : requestedFor(config, query.fields)
  const { rows, count } = await load()
  const shaped = await shapeRows(config, rows, requested, ctx)
  return c.json({ [plural]: shaped, count, offset: query.offset, limit: query.limit })
}

/** `{ <singular> }`, shaped by `fields`. */
export async function retrieveResponse(
  c: Context<AppEnv>,
  singular: string,
  config: QueryConfig,
  fields: string | undefined | RequestedFields,
  load: () => Promise<Row>,
  ctx: QueryContext = queryContext(c),
) {
  const requested = typeof fields === "object" ? fields : requestedFor(config, fields)
  const row = await load()
  const [shaped] = await shapeRows(config, [row], requested, ctx)
  return c.json({ [singular]: shaped })
}
