import type { Context, MiddlewareHandler } from "hono"
import type { ResolvedConfig } from "../../config"
import { invalidateWritten, recordCatalogChanges } from "../../infra/catalog-invalidation"
import { openDatabase, type RequestDatabase } from "../../infra/db"
import { EventPublisher } from "../../infra/events/publisher"
import type { Registry, ServiceMap } from "../../core/container"
import type { AppEnv } from "../../core/types"

/**
 * Gives each request its own container and database handle. After the response has gone out,
 * the events the request committed are published, then the database is closed. Outside
 * production the response says how many SQL statements it took (`x-sql-statements`). A request
 * that wrote catalog tables invalidates the catalog cache before it answers.
 */
export function requestScope(config: ResolvedConfig, registry: Registry): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const emittedEvents: string[] = []
    const catalogEvents: string[] = []
    const database = openDatabase(config.projectConfig, { beforeCommit: recordCatalogChanges(catalogEvents) })
    const scope = registry.createScope({ config, database, requestId: c.get("requestId"), emittedEvents })
    c.set("config", config)
    c.set("scope", scope)
    await next()
    if (!database.opened) return
    if (!config.isProduction) c.header("x-sql-statements", String(database.statements))
    const invalidated = await invalidateWritten(scope, database.written)
    const publisher = scope.resolve("eventBusService")
    // Done here, the catalog events need only be marked published; a custom event bus gets them all.
    const settled = invalidated && publisher instanceof EventPublisher ? catalogEvents : []
    const events = [...emittedEvents, ...catalogEvents.filter((id) => !settled.includes(id))]
    afterResponse(c, finish(publisher, events, settled, database))
  }
}

async function finish(
  publisher: ServiceMap["eventBusService"],
  events: string[],
  settled: string[],
  database: RequestDatabase,
) {
  try {
    // Rolled-back events are not in the outbox, so only committed ones go out.
    if (events.length > 0 || settled.length > 0) await publisher.publish(events, settled)
  } finally {
    await database.close()
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

declare module "../../core/container" {
  interface ServiceMap {
    requestId: string
  }
}
