import { describe, expect, test } from "vitest"
import type { ResolvedConfig } from "../config"
import { BaseService } from "./base-service"
import { Registry, type Scope, type ServiceMap } from "./container"
import { registerServices } from "./extensions"

type Manager = ServiceMap["manager"]
/** A stand-in for the database: its transactions are stand-ins naming it. */
const manager = (name: string): Manager =>
  ({ name, transaction: async (work: (tx: unknown) => unknown) => work(manager(`${name}/tx`)) }) as unknown as Manager
const config = { plugins: [{ resolve: "./plugins/notes", options: { prefix: "p" } }] } as unknown as ResolvedConfig

class NotesService extends BaseService {
  readonly greeter: { hello(): string }
  readonly config_: unknown

  constructor(
    container: { greeterService: { hello(): string }; resolve(name: string): unknown },
    readonly options: Record<string, unknown>,
  ) {
    super(container, options)
    this.greeter = container.greeterService
    this.config_ = container.resolve("config")
  }

  managerName() {
    return (this.activeManager_ as unknown as { name: string }).name
  }

  atomic() {
    return this.atomicPhase_(async (tx) => (tx as unknown as { name: string }).name)
  }
}

function newScope() {
  const registry = new Registry().register("greeterService", (scope) => ({
    hello: () => `hello from ${scope.resolve<{ name: string }>("manager").name}`,
  }))
  registerServices(
    registry,
    [
      { name: "notesService", factory: NotesService, plugin: "./plugins/notes" },
      {
        name: "plainService",
        factory: class Plain {
          constructor(
            readonly container: Scope,
            readonly options: unknown,
          ) {}
        },
      },
      { name: "madeService", factory: (container: Scope, options: unknown) => ({ container, options }) },
      // As tsx loads it from a plugin folder whose package.json is not of type module.
      { name: "wrappedService", factory: { default: (container: Scope) => ({ container }) } },
    ],
    config,
  )
  return registry.createScope({ manager: manager("db"), config })
}

describe("registerServices", () => {
  test("a class extending BaseService (v1's TransactionBaseService) is built with the scope's cradle and its plugin's options", () => {
    const scope = newScope()
    const notes = scope.resolve<NotesService>("notesService")
    expect(notes.greeter).toBe(scope.resolve("greeterService"))
    expect(notes.config_).toBe(config)
    expect(notes.options).toEqual({ prefix: "p" })
    expect(notes.managerName()).toBe("db")
    expect(scope.resolve("notesService")).toBe(notes)
  })

  test("any other class is built with (scope, options), a function called with them, as before", () => {
    const scope = newScope()
    expect(scope.resolve("plainService")).toEqual({ container: scope, options: {} })
    expect(scope.resolve("madeService")).toEqual({ container: scope, options: {} })
    expect(scope.resolve("wrappedService")).toEqual({ container: scope })
  })

  test("a service file exporting neither a class nor a function is an error naming it", () => {
    expect(() => registerServices(new Registry(), [{ name: "oddService", factory: { hello: 1 } }], config)).toThrow(
      "service oddService: its file must default-export a class or a function",
    )
  })
})

describe("BaseService", () => {
  test("withTransaction gives a copy in that transaction whose cradle resolves its services there too", async () => {
    const notes = newScope().resolve<NotesService>("notesService")
    const tx = manager("db/tx")
    const inTx = notes.withTransaction(tx)
    expect(inTx).toBeInstanceOf(NotesService)
    expect(inTx.managerName()).toBe("db/tx")
    expect(inTx.greeter.hello()).toBe("hello from db/tx")
    expect(inTx.options).toEqual({ prefix: "p" })
    expect(notes.greeter.hello()).toBe("hello from db")
    expect(notes.withTransaction()).toBe(notes)
  })

  test("atomicPhase_ opens a transaction, or works in the copy's own", async () => {
    const notes = newScope().resolve<NotesService>("notesService")
    expect(await notes.atomic()).toBe("db/tx")
    expect(await notes.withTransaction(manager("outer")).atomic()).toBe("outer")
  })
})
