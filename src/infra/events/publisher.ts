import { Client } from "@upstash/qstash"
import { and, inArray, isNull, lt, sql } from "drizzle-orm"
import type { EventBusModule } from "../../config"
import type { Scope } from "../../core/container"
import type { Db } from "../db"
import { eventOutbox } from "../outbox"
import { deliver, type EventMessage } from "./delivery"
import { subscribersOf, type Subscriber } from "./subscriber"

export interface EventBusOptions {
  module: EventBusModule
  /** where QStash delivers: `<publicUrl>/hooks/subscribers/<id>` */
  publicUrl?: string
  subscribers: readonly Subscriber[]
  /** a fresh request-scoped container for each local delivery */
  newScope: () => Scope
}

/**
 * Publishes committed outbox rows: `qstash` sends one signed message per (event, subscriber)
 * with a deduplication id; `local` runs the same deliveries in this process. A row is marked
 * published once sent (qstash) or once every local delivery completed.
 */
export class EventPublisher {
  constructor(
    private readonly db: Db,
    private readonly options: EventBusOptions,
  ) {}

  /** The rows of these ids that exist (were committed) and are not published yet. */
  /** `settled`: events whose work the request already did (its own catalog invalidation); they are only marked published. */
  async publish(eventIds: string[], settled: string[] = []): Promise<number> {
    const rows = eventIds.length
      ? await this.db
          .select()
          .from(eventOutbox)
          .where(and(inArray(eventOutbox.id, eventIds), isNull(eventOutbox.published_at)))
      : []
    return this.dispatch(rows, settled)
  }

  /** Rows left unpublished for longer than `olderThanSeconds`: the repair job's work. */
  async republishStale(olderThanSeconds: number, limit = 500): Promise<number> {
    const rows = await this.db
      .select()
      .from(eventOutbox)
      .where(
        and(
          isNull(eventOutbox.published_at),
          lt(eventOutbox.created_at, sql`now() - make_interval(secs => ${olderThanSeconds})`),
        ),
      )
      .orderBy(eventOutbox.created_at)
      .limit(limit)
    return this.dispatch(rows)
  }

  private async dispatch(rows: (typeof eventOutbox.$inferSelect)[], settled: string[] = []): Promise<number> {
    if (rows.length === 0 && settled.length === 0) return 0
    const events: EventMessage[] = rows.map((row) => ({ id: row.id, name: row.name, data: row.data }))
    const delivered =
      events.length === 0
        ? []
        : this.options.module.resolve === "qstash"
          ? await this.sendToQstash(events)
          : await this.deliverHere(events)
    const done = [...delivered, ...settled]
    if (done.length > 0)
      await this.db
        .update(eventOutbox)
        .set({ published_at: sql`now()` })
        .where(and(inArray(eventOutbox.id, done), isNull(eventOutbox.published_at)))
    return delivered.length
  }

  private async sendToQstash(events: EventMessage[]): Promise<string[]> {
    const module = this.options.module
    if (module.resolve !== "qstash") return []
    const messages = events.flatMap((event) =>
      subscribersOf(this.options.subscribers, event.name).map((target) => ({
        url: `${this.options.publicUrl}/hooks/subscribers/${target.id}`,
        body: event,
        deduplicationId: `${event.id}-${target.id}`,
        retries: module.options.retries,
      })),
    )
    if (messages.length > 0) {
      const client = new Client({
        token: module.options.token,
        ...(module.options.baseUrl ? { baseUrl: module.options.baseUrl } : {}),
      })
      for (let i = 0; i < messages.length; i += 100) await client.batchJSON(messages.slice(i, i + 100))
    }
    return events.map((event) => event.id)
  }

  /** Development: the same delivery path, in this process, after the response. */
  private async deliverHere(events: EventMessage[]): Promise<string[]> {
    const done: string[] = []
    for (const event of events) {
      let ok = true
      for (const target of subscribersOf(this.options.subscribers, event.name)) {
        const scope = this.options.newScope()
        try {
          const outcome = await deliver(scope, target, event)
          if (outcome === "busy") ok = false
          // Events the subscriber emitted go out too.
          await scope.resolve("eventBusService").publish(scope.resolve("emittedEvents"))
        } catch (error) {
          ok = false
          console.error(`subscriber ${target.id} failed on ${event.name} ${event.id}:`, error)
        }
      }
      if (ok) done.push(event.id)
    }
    return done
  }
}

declare module "../../core/container" {
  interface ServiceMap {
    /** the built-in publisher, or a custom event bus module with the same two methods */
    eventBusService: Pick<EventPublisher, "publish" | "republishStale">
  }
}
