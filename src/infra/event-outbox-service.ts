import type { Db } from "./db"
import { appendEvents, type DomainEvent } from "./outbox"

/** Emits domain events into the outbox of the scope's transaction (published after commit). */
export class EventOutboxService {
  constructor(private readonly db: Db) {}

  emit(...events: DomainEvent[]): Promise<void> {
    return appendEvents(this.db, events)
  }
}
