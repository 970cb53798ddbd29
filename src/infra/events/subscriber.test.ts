import { describe, expect, test, vi } from "vitest"
import { Registry, type Scope } from "../../core/container"
import { checkSubscriberIds, subscriber, subscriberOf, type Subscriber } from "./subscriber"

/** A v1 constructor's cradle, untyped as Medusa v1's files often leave it. */
// biome-ignore lint/suspicious/noExplicitAny: the point is code that reads anything from it
type UntypedCradle = any

const event = (name: string, data: Record<string, unknown> = {}) => ({ id: `evt_${name}`, name, data })
const deliver = (entry: Subscriber, scope: Scope, name: string, data: Record<string, unknown> = {}) =>
  entry.handler({ event: event(name, data), data, container: scope, pluginOptions: { tag: "t" } })

/** A scope with a counting notes service and an outbox that keeps what is emitted. */
function newScope() {
  const emitted: { name: string; data: unknown }[] = []
  let built = 0
  const registry = new Registry()
    .register("notesService", () => ({ n: ++built, notes: [] as string[] }))
    .register(
      "eventOutboxService",
      () => ({ emit: async (...events: { name: string; data: unknown }[]) => void emitted.push(...events) }) as never,
    )
  return { scope: registry.createScope(), emitted, built: () => built }
}

describe("our subscriber({ event, handler })", () => {
  test("is registered under its file name, as it is", async () => {
    const handler = vi.fn()
    const entry = subscriberOf("order-placed-logger", { default: subscriber({ event: "order.placed", handler }) })
    expect(entry).toEqual({ id: "order-placed-logger", event: "order.placed", handler })
    expect(subscriberOf("x", { default: subscriber({ event: "a", handler }) }, "./plugins/p")).toMatchObject({
      id: "x",
      plugin: "./plugins/p",
    })
  })

  test("without an event or a handler it is an error naming the file and the shapes", () => {
    expect(() => subscriberOf("broken", { default: { event: "a" } })).toThrow(
      /^subscriber broken: default-export subscriber\(\{ event, handler \}\)/,
    )
    expect(() => subscriberOf("broken", {})).toThrow(/^subscriber broken:/)
    expect(() => subscriberOf("broken", { default: subscriber({ event: [], handler() {} }) })).toThrow(
      /^subscriber broken:/,
    )
  })
})

describe("Medusa v2: a default-exported function and `export const config`", () => {
  test("takes its events from config, its id from config.context.subscriberId or else the file name", async () => {
    const handler = vi.fn()
    expect(subscriberOf("file", { default: handler, config: { event: "order.placed" } })).toEqual({
      id: "file",
      event: "order.placed",
      handler,
    })
    const named = subscriberOf("file", {
      default: handler,
      config: { event: ["a", "b"], context: { subscriberId: "my-id" } },
    })
    expect(named).toMatchObject({ id: "my-id", event: ["a", "b"] })
    const { scope } = newScope()
    await deliver(named, scope, "b", { id: "1" })
    expect(handler).toHaveBeenCalledWith({
      event: event("b", { id: "1" }),
      data: { id: "1" },
      container: scope,
      pluginOptions: { tag: "t" },
    })
  })

  test("loaded as CommonJS (tsx, a plugin folder not of type module), its exports are found one level down", () => {
    const handler = async () => {}
    const config = { event: "a", context: { subscriberId: "wrapped" } }
    expect(subscriberOf("file", { default: { default: handler, config }, config })).toEqual({
      id: "wrapped",
      event: "a",
      handler,
    })
  })

  test("without a config naming an event it is an error", () => {
    expect(() => subscriberOf("lonely", { default: async () => {} })).toThrow(
      'subscriber lonely: its default-exported function needs `export const config = { event: "…" }`',
    )
    expect(() => subscriberOf("lonely", { default: async () => {}, config: { event: "" } })).toThrow(
      /^subscriber lonely:/,
    )
  })
})

describe("Medusa v1: a class subscribing in its constructor", () => {
  let constructed = 0
  class OrderSubscriber {
    readonly notesService: { notes: string[] }
    constructor({ eventBusService, notesService }: UntypedCradle) {
      constructed++
      this.notesService = notesService
      eventBusService.subscribe("order.placed", this.onPlaced)
      eventBusService.subscribe("order.canceled", this.onCanceled, { subscriberId: "ignored" })
    }

    onPlaced = async (data: { id: string }, eventName: string) => {
      this.notesService.notes.push(`${eventName}:${data.id}`)
    }

    // A method, not an arrow function: it is called on the instance all the same.
    async onCanceled(this: OrderSubscriber, data: { id: string }, eventName: string) {
      this.notesService.notes.push(`${eventName}:${data.id}`)
    }
  }

  test("is built once when registered, with a stand-in cradle, to learn its events", () => {
    constructed = 0
    const entry = subscriberOf("order-subscriber", { default: OrderSubscriber })
    expect(entry).toMatchObject({ id: "order-subscriber", event: ["order.placed", "order.canceled"] })
    expect(constructed).toBe(1)
  })

  test("while it is recorded, whatever else its constructor does with the cradle does not throw", () => {
    class Curious {
      constructor(container: UntypedCradle) {
        const { anything, productService } = container
        anything.deep.call().chain(`${anything}`, productService.list({ id: 1 }))
        new anything.Thing().x = 1
        container.resolve("cartService").retrieve()
        void (async () => await container.other)()
        container.eventBusService.subscribe("a", () => {})
      }
    }
    expect(subscriberOf("curious", { default: Curious })).toMatchObject({ id: "curious", event: ["a"] })
  })

  test("at delivery it is built with the delivery's scope and only that event's handlers run, as handler(data, eventName)", async () => {
    const entry = subscriberOf("order-subscriber", { default: OrderSubscriber })
    const { scope, built } = newScope()
    await deliver(entry, scope, "order.canceled", { id: "order_1" })
    expect(scope.resolve("notesService")).toEqual({ n: 1, notes: ["order.canceled:order_1"] })
    await deliver(entry, scope, "order.placed", { id: "order_2" })
    expect(scope.resolve<{ notes: string[] }>("notesService").notes).toEqual([
      "order.canceled:order_1",
      "order.placed:order_2",
    ])
    expect(built()).toBe(1)
    // Another delivery, another scope: its own service.
    const other = newScope()
    await deliver(entry, other.scope, "order.placed", { id: "order_3" })
    expect(other.scope.resolve("notesService")).toEqual({ n: 1, notes: ["order.placed:order_3"] })
  })

  test("its cradle resolves with resolve(name) too, and eventBusService.emit(name, data) writes to the outbox", async () => {
    class Relay {
      constructor(container: UntypedCradle) {
        container.resolve("eventBusService").subscribe("a", async (data: unknown) => {
          container.resolve("notesService").notes.push("relayed")
          await container.eventBusService.emit("b", data)
        })
      }
    }
    const { scope, emitted } = newScope()
    await deliver(subscriberOf("relay", { default: Relay }), scope, "a", { id: "1" })
    expect(scope.resolve("notesService")).toEqual({ n: 1, notes: ["relayed"] })
    expect(emitted).toEqual([{ name: "b", data: { id: "1" } }])
  })

  test("a class that subscribes to nothing, or whose constructor throws, is an error naming the file", () => {
    expect(() => subscriberOf("silent", { default: class {} })).toThrow(
      "subscriber silent: its constructor subscribed to no event (eventBusService.subscribe(event, handler))",
    )
    class Throws {
      constructor() {
        throw new Error("boom")
      }
    }
    expect(() => subscriberOf("throws", { default: Throws })).toThrow(
      "subscriber throws: its constructor threw while its subscriptions were recorded: boom",
    )
  })
})

test("two subscribers with one id are an error: they would share their delivery records", () => {
  const handler = () => {}
  expect(() =>
    checkSubscriberIds([
      { id: "a", event: "x", handler },
      { id: "b", event: "x", handler },
    ]),
  ).not.toThrow()
  expect(() =>
    checkSubscriberIds([
      { id: "a", event: "x", handler },
      { id: "a", event: "y", handler },
    ]),
  ).toThrow(/Two subscribers have the id a/)
})
