import { and, eq, sql } from "drizzle-orm"
import type { Scope } from "../../core/container"
import { pluginOptions } from "../../core/extensions"
import { eventDelivery } from "./schema"
import type { Subscriber } from "./subscriber"

export interface EventMessage {
  id: string
  name: string
  data: Record<string, unknown>
}

export type DeliveryOutcome = "completed" | "duplicate" | "busy"

const LEASE_SECONDS = 60

/**
 * Runs one subscriber for one event, at most once to completion: the (event, subscriber) row is
 * claimed with a lease first; a completed row means a redelivery, a live lease means another
 * delivery is running it now. A failing handler releases the claim and rethrows, so the caller
 * answers 5xx and QStash retries.
 */
export async function deliver(scope: Scope, target: Subscriber, event: EventMessage): Promise<DeliveryOutcome> {
  const db = scope.resolve("manager")
  const claimed = await db
    .insert(eventDelivery)
    .values({
      event_id: event.id,
      subscriber_id: target.id,
      status: "running",
      lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .onConflictDoUpdate({
      target: [eventDelivery.event_id, eventDelivery.subscriber_id],
      set: {
        status: "running",
        attempts: sql`${eventDelivery.attempts} + 1`,
        lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
      },
      setWhere: sql`${eventDelivery.status} = 'failed' or (${eventDelivery.status} = 'running' and ${eventDelivery.lease_until} < now())`,
    })
    .returning({ status: eventDelivery.status })
  if (claimed.length === 0) {
    const [current] = await db
      .select({ status: eventDelivery.status })
      .from(eventDelivery)
      .where(and(eq(eventDelivery.event_id, event.id), eq(eventDelivery.subscriber_id, target.id)))
    return current?.status === "completed" ? "duplicate" : "busy"
  }
  const where = and(eq(eventDelivery.event_id, event.id), eq(eventDelivery.subscriber_id, target.id))
  try {
    const options = target.plugin ? pluginOptions(scope.resolve("config"), target.plugin) : {}
    await target.handler({ event, data: event.data, container: scope, pluginOptions: options })
  } catch (error) {
    await db
      .update(eventDelivery)
      .set({ status: "failed", last_error: String((error as Error)?.message ?? error).slice(0, 1000) })
      .where(where)
    throw error
  }
  await db.update(eventDelivery).set({ status: "completed", completed_at: sql`now()`, last_error: null }).where(where)
  return "completed"
}
