import type { Scope } from "../../core/container"

/** What a subscriber's handler receives: the event and a fresh request-scoped container. */
export interface SubscriberArgs<T = Record<string, unknown>> {
  event: { id: string; name: string; data: T }
  data: T
  container: Scope
}

export interface SubscriberConfig<T = Record<string, unknown>> {
  /** the event name, e.g. "order.placed", or several */
  event: string | string[]
  handler(args: SubscriberArgs<T>): Promise<void> | void
}

/** A subscriber as registered: its id is its file name, and its webhook is /hooks/subscribers/<id>. */
export interface Subscriber extends SubscriberConfig {
  id: string
}

/** Declares a subscriber (`src/subscribers/*.ts` default export). */
export function subscriber<T = Record<string, unknown>>(config: SubscriberConfig<T>): SubscriberConfig<T> {
  return config
}

export function subscribersOf(all: readonly Subscriber[], eventName: string): Subscriber[] {
  return all.filter((s) => (Array.isArray(s.event) ? s.event.includes(eventName) : s.event === eventName))
}
