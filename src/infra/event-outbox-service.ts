import type { Scope } from "../core/container"
import type { Db } from "./db"
import { appendEvents, type DomainEvent } from "./outbox"

/** Emits domain events into the outbox of the scope's transaction (published after commit). */
export class EventOutboxService {
  constructor(
    private readonly db: Db,
    /** the request's list of emitted event ids, published after the response */
    private readonly emitted: string[],
    /** whether an event of this name has a subscriber; unknown (a custom event bus) means yes */
    private readonly subscribed?: (name: string) => boolean,
  ) {}

  async emit(...events: DomainEvent[]): Promise<void> {
    this.emitted.push(...(await appendEvents(this.db, events, { subscribed: this.subscribed })))
  }
}

/** Writes one event into the outbox of the scope's transaction. */
export function emitEvent(scope: Scope, name: string, data: Record<string, unknown>): Promise<void> {
  return scope.resolve("eventOutboxService").emit({ name, data })
}

/** Writes one event of this name per payload, in one statement. */
export function emitEvents(scope: Scope, name: string, payloads: Record<string, unknown>[]): Promise<void> {
  return scope.resolve("eventOutboxService").emit(...payloads.map((data) => ({ name, data })))
}

declare module "../core/container" {
  interface ServiceMap {
    eventOutboxService: EventOutboxService
    /** ids of the outbox rows this request wrote, published after it answers */
    emittedEvents: string[]
  }
}
