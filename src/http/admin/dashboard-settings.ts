import { Hono, type Context } from "hono"
import { z } from "zod"
import type { AppEnv } from "../../core/types"
import { query } from "../../core/input"
import { listQuery, noQuery } from "../../core/query/params"

/**
 * What the dashboard asks on every page about features this backend does not have (search, saved
 * views, layouts): Medusa's answers for a store with none of them configured.
 */

/** Medusa's feature flags that the dashboard 2.21 reads; all off, as in a default Medusa. */
const FEATURE_FLAGS = {
  view_configurations: false,
  rbac: false,
  translation: false,
  index_engine: false,
  caching: false,
}

/** Answers `body`; its route declares `noQuery` (no parameters but paging ones). */
const fixed = (body: (c: Context<AppEnv>) => unknown) => (c: Context<AppEnv>) => c.json(body(c))
const noParams = query(noQuery)

/** Public, as in Medusa: the login page reads them before anyone is logged in. */
export const publicDashboardRoutes = new Hono<AppEnv>().get(
  "/feature-flags",
  noParams,
  fixed(() => ({ feature_flags: FEATURE_FLAGS })),
)

/** `GET /cloud/auth`: Medusa Cloud login is not offered. */
export const cloudAuthRoutes = new Hono<AppEnv>().get(
  "/auth",
  noParams,
  fixed(() => ({ enabled: false })),
)

const pagination = query(z.looseObject({ limit: listQuery.limit, offset: listQuery.offset }))
type PagedContext = Context<AppEnv, string, { out: { query: { limit?: number; offset?: number } } }>

/** A list of what nothing here creates: still validated (`pagination`), still paged as Medusa pages it. */
const emptyList = (name: string) => (c: PagedContext) => {
  const { offset = 0, limit = 20 } = c.req.valid("query")
  return c.json({ [name]: [], count: 0, offset, limit })
}

export const adminDashboardSettingsRoutes = new Hono<AppEnv>()
  .get(
    "/plugins",
    noParams,
    fixed((c) => ({ plugins: c.var.config.plugins.map((plugin) => ({ name: plugin.resolve })) })),
  )
  .get(
    "/search-indexes",
    noParams,
    fixed(() => ({ search_indexes: [], enabled: false })),
  )
  .get("/layouts/configurations", pagination, emptyList("layout_configurations"))
  .get(
    "/layouts/:zone/configuration",
    noParams,
    fixed(() => ({ personal_configuration: null, default_configuration: null, active_scope: "default" })),
  )
  .get(
    "/views/entities",
    noParams,
    fixed(() => ({ entities: [] })),
  )
  .get("/views/:entity/configurations", pagination, emptyList("view_configurations"))
  .get(
    "/views/:entity/configurations/active",
    noParams,
    fixed(() => ({ view_configuration: null })),
  )
