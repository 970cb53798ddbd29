import type { Cradle, Scope } from "../../core/container"
import { exportsOf, isClass } from "../../core/extensions"

/** What a subscriber's handler receives: the event, a fresh request-scoped container and its plugin's options. */
export interface SubscriberArgs<T = Record<string, unknown>> {
  event: { id: string; name: string; data: T }
  data: T
  container: Scope
  pluginOptions: Record<string, unknown>
}

/** Medusa v2's `export const config` of a subscriber file: the event(s), and the subscriber's id if not its file name. */
export interface SubscriberConfig {
  /** the event name, e.g. "order.placed", or several */
  event: string | string[]
  context?: { subscriberId?: string }
}

/** Our own shape of a subscriber file's default export: `subscriber({ event, handler })`. */
export interface SubscriberDefinition<T = Record<string, unknown>> {
  /** the event name, e.g. "order.placed", or several */
  event: string | string[]
  handler(args: SubscriberArgs<T>): Promise<void> | void
}

/** A subscriber as registered: its id is its file name (or its config's subscriberId), and its webhook is /hooks/subscribers/<id>. */
export interface Subscriber extends SubscriberDefinition {
  id: string
  /** the plugin whose options the handler gets */
  plugin?: string
}

/** Declares a subscriber (`src/subscribers/*.ts` default export). */
export function subscriber<T = Record<string, unknown>>(definition: SubscriberDefinition<T>): SubscriberDefinition<T> {
  return definition
}

export function subscribersOf(all: readonly Subscriber[], eventName: string): Subscriber[] {
  return all.filter((s) => (Array.isArray(s.event) ? s.event.includes(eventName) : s.event === eventName))
}

/** Two subscribers with one id would share their delivery records, so one of them would never run. */
export function checkSubscriberIds(all: readonly Subscriber[]): void {
  const seen = new Set<string>()
  for (const { id } of all) {
    if (seen.has(id))
      throw new Error(`Two subscribers have the id ${id}: give one another file name or config.context.subscriberId`)
    seen.add(id)
  }
}

/** A subscriber file as the registry imports it (`import * as`), in any of the shapes subscriberOf takes. */
export interface SubscriberModule {
  default?: unknown
  config?: unknown
}

/**
 * The registry entry of a subscriber file (`file` is its name without `.ts`), from its shape:
 * - ours: `export default subscriber({ event, handler })`;
 * - Medusa v2: `export default async function (args: SubscriberArgs) {…}` and `export const config = { event }`;
 * - Medusa v1: `export default class { constructor({ eventBusService }) { eventBusService.subscribe(event, this.handle) } }`,
 *   whose subscriptions are recorded here, once, by building it with a stand-in cradle.
 */
export function subscriberOf(file: string, loaded: SubscriberModule, plugin?: string): Subscriber {
  const module = exportsOf(loaded)
  const main = module.default
  const entry = isClass(main)
    ? v1Subscriber(file, main as V1SubscriberClass)
    : typeof main === "function"
      ? v2Subscriber(file, main as Subscriber["handler"], module.config)
      : ours(file, main)
  return plugin ? { ...entry, plugin } : entry
}

const isEvent = (event: unknown): event is string | string[] =>
  (typeof event === "string" && event !== "") ||
  (Array.isArray(event) && event.length > 0 && event.every((name) => typeof name === "string" && name !== ""))

function ours(file: string, main: unknown): Subscriber {
  const definition = main as Partial<SubscriberDefinition> | undefined
  if (!definition || typeof definition.handler !== "function" || !isEvent(definition.event)) {
    throw new Error(
      `subscriber ${file}: default-export subscriber({ event, handler }), a function with \`export const config = { event }\`, or a class subscribing in its constructor`,
    )
  }
  return { id: file, event: definition.event, handler: definition.handler }
}

function v2Subscriber(file: string, main: Subscriber["handler"], config: unknown): Subscriber {
  const { event, context } = (config ?? {}) as Partial<SubscriberConfig>
  if (!isEvent(event))
    throw new Error(`subscriber ${file}: its default-exported function needs \`export const config = { event: "…" }\``)
  return { id: context?.subscriberId || file, event, handler: main }
}

/** Medusa v1's subscriber handler: `(data, eventName)`. */
type V1Handler = (data: unknown, eventName: string) => unknown
type V1SubscriberClass = new (cradle: Cradle) => object
interface Subscription {
  event: string
  handler: V1Handler
}

function v1Subscriber(file: string, Class: V1SubscriberClass): Subscriber {
  const recorded: Subscription[] = []
  try {
    new Class(recordingCradle(recorded))
  } catch (error) {
    throw new Error(
      `subscriber ${file}: its constructor threw while its subscriptions were recorded: ${(error as Error)?.message ?? error}`,
    )
  }
  if (recorded.length === 0)
    throw new Error(
      `subscriber ${file}: its constructor subscribed to no event (eventBusService.subscribe(event, handler))`,
    )
  return {
    id: file,
    event: [...new Set(recorded.map((subscription) => subscription.event))],
    async handler({ event, data, container }) {
      // Built per delivery with the real scope, so what it reads from the cradle is this delivery's.
      const subscriptions: Subscription[] = []
      const instance = new Class(deliveryCradle(container, subscriptions))
      for (const subscription of subscriptions)
        if (subscription.event === event.name) await subscription.handler.call(instance, data, event.name)
    },
  }
}

/** Medusa v1's eventBusService.subscribe, recording what is subscribed: `(event, handler, context?)`. */
function subscribeInto(into: Subscription[]) {
  return function subscribe(this: unknown, event: unknown, handler: unknown) {
    if (typeof event !== "string" || typeof handler !== "function")
      throw new Error("eventBusService.subscribe takes an event name and a handler")
    into.push({ event, handler: handler as V1Handler })
    return this
  }
}

/** At registry time nothing is resolved: eventBusService records, every other name is a stand-in that takes any use. */
function recordingCradle(into: Subscription[]): Cradle {
  const eventBusService = { subscribe: subscribeInto(into) }
  const read = (name: string | symbol) => {
    if (name === "eventBusService") return eventBusService
    if (typeof name === "symbol" || name === "then" || name === "toJSON") return undefined
    return standIn()
  }
  return new Proxy({} as Cradle, { get: (_target, name) => (name === "resolve" ? read : read(name)) })
}

/** Any property, call or `new` of it gives itself again, and writes to it are dropped; it is no promise, and prints as "". */
function standIn(): unknown {
  const proxy: unknown = new Proxy(constructible, {
    get: (_target, key) =>
      key === Symbol.toPrimitive ? () => "" : typeof key === "symbol" || key === "then" ? undefined : proxy,
    set: () => true,
    apply: () => proxy,
    construct: () => proxy as object,
  })
  return proxy
}

/** The stand-in's target: a function that can be called and built with `new` (an arrow function cannot). */
function constructible() {}

/**
 * At delivery, the scope's cradle, except that eventBusService records the subscriptions again (to find this
 * event's handlers) and takes v1's `emit(event, data)` into the delivery's outbox.
 */
function deliveryCradle(scope: Scope, into: Subscription[]): Cradle {
  const eventBusService = {
    subscribe: subscribeInto(into),
    emit: (event: string, data: Record<string, unknown>) =>
      scope.resolve("eventOutboxService").emit({ name: event, data }),
  }
  const read = (name: string) => (name === "eventBusService" ? eventBusService : scope.resolve(name))
  return new Proxy(scope.cradle, {
    get: (cradle, name, receiver) =>
      name === "eventBusService" ? eventBusService : name === "resolve" ? read : Reflect.get(cradle, name, receiver),
  })
}
