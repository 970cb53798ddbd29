import type { Scope } from "../core/container"
import { tagsOfTables, type CatalogTag } from "./catalog-cache"
import type { Db } from "./db"
import type { Subscriber } from "./events/subscriber"
import { appendEvents } from "./outbox"

export const CATALOG_INVALIDATED = "catalog.invalidated"

/**
 * A transaction that wrote catalog tables leaves this event in the outbox, committed with the
 * change: if the request dies before it invalidated the cache itself, the event (or the
 * outbox's repair job) still does, on every isolate's shared tier.
 */
export const catalogInvalidation: Subscriber = {
  id: "catalog-invalidation",
  event: CATALOG_INVALIDATED,
  async handler({ data, container }) {
    await container.resolve("catalogCache").invalidate((data as { tags: CatalogTag[] }).tags)
  },
}

/** The hook for the request's transactions: the event, and its id among the request's catalog events. */
export function recordCatalogChanges(catalogEvents: string[]) {
  return async (tx: Db, written: string[]) => {
    const tags = tagsOfTables(written)
    if (tags.length === 0) return
    catalogEvents.push(...(await appendEvents(tx, [{ name: CATALOG_INVALIDATED, data: { tags } }])))
  }
}

/**
 * After the request's commit and before its answer: this isolate and the shared tier forget what
 * it changed. True when done (its catalog events then need no delivery), false when left to them.
 */
export async function invalidateWritten(scope: Scope, written: Iterable<string>): Promise<boolean> {
  const tags = tagsOfTables(written)
  if (tags.length === 0) return true
  try {
    await scope.resolve("catalogCache").invalidate(tags)
    return true
  } catch (error) {
    // The outbox's event retries it; the answer stands, the change is committed.
    console.error("catalog cache: invalidation failed, left to the outbox:", error)
    return false
  }
}
