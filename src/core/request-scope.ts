import type { Context, MiddlewareHandler } from "hono"
import type { ResolvedConfig } from "../config"
import { openDatabase } from "../infra/db"
import type { Registry } from "./container"
import type { AppEnv } from "./types"

/**
 * Gives each request its own container and database handle, and closes the database after
 * the response has gone out. Outside production the response says how many SQL statements
 * it took (`x-sql-statements`), which tests and benchmarks hold endpoints to.
 */
export function requestScope(config: ResolvedConfig, registry: Registry): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const database = openDatabase(config.projectConfig)
    c.set("config", config)
    c.set("scope", registry.createScope({ config, database, requestId: c.get("requestId") }))
    await next()
    if (!database.opened) return
    if (!config.isProduction) c.header("x-sql-statements", String(database.statements))
    afterResponse(c, database.close())
  }
}

/** Runs work after the response: waitUntil in a Worker, a detached promise elsewhere. */
export function afterResponse(c: Context, work: Promise<unknown>): void {
  const logged = work.catch((error) => console.error("after-response work failed:", error))
  try {
    c.executionCtx.waitUntil(logged)
  } catch {
    // No ExecutionContext (plain app.request in Node): the promise runs on its own.
  }
}
