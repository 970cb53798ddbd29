import { describe, expect, test } from "vitest"
import { Registry, scopeOfCradle } from "./container"
import { MedusaError } from "./errors"

describe("Registry and Scope", () => {
  const registry = new Registry()
  let built = 0
  registry.register("counterService", () => ({ n: ++built }))
  registry.register("reportService", (scope) => ({ counter: scope.resolve<{ n: number }>("counterService") }))

  test("a service is built once per scope and never shared between scopes", () => {
    const a = registry.createScope()
    const b = registry.createScope()
    expect(a.resolve("counterService")).toBe(a.resolve("counterService"))
    expect(a.resolve("counterService")).not.toBe(b.resolve("counterService"))
    expect(a.resolve<{ counter: unknown }>("reportService").counter).toBe(a.resolve("counterService"))
  })

  test("values given to the scope are resolvable", () => {
    expect(registry.createScope({ requestId: "req_1" }).resolve("requestId")).toBe("req_1")
  })

  test("an unknown name is an error naming the nearest registered names", () => {
    const scope = registry.createScope()
    expect(() => scope.resolve("countrService")).toThrowError(MedusaError)
    expect(() => scope.resolve("countrService")).toThrowError(
      /Could not resolve "countrService".*Did you mean "counterService"/,
    )
  })

  test("a circular dependency is reported, not a stack overflow", () => {
    const cyclic = new Registry().register("a", (s) => s.resolve("b")).register("b", (s) => s.resolve("a"))
    expect(() => cyclic.createScope().resolve("a")).toThrowError(/Circular dependency while resolving "a": a → b/)
  })
})

describe("a scope's cradle (Medusa v1's container)", () => {
  const registry = new Registry().register("counterService", () => ({ n: 1 }))

  test("a property is the service of that name in this scope, and resolve(name) works on it too", () => {
    const scope = registry.createScope({ requestId: "req_1" })
    const { counterService, requestId } = scope.cradle
    expect(counterService).toBe(scope.resolve("counterService"))
    expect(requestId).toBe("req_1")
    expect(scope.cradle.resolve("counterService")).toBe(counterService)
    expect(scope.cradle).toBe(scope.cradle)
    expect(registry.createScope().cradle.counterService).not.toBe(counterService)
  })

  test("an unknown name throws as resolve does; `in` tells what is there; it is not a promise", async () => {
    const { cradle } = registry.createScope()
    expect(() => cradle.countrService).toThrowError(/Could not resolve "countrService".*Did you mean "counterService"/)
    expect("counterService" in cradle).toBe(true)
    expect("countrService" in cradle).toBe(false)
    expect(await cradle).toBe(cradle)
  })

  test("scopeOfCradle finds the scope back, and nothing for another object", () => {
    const scope = registry.createScope()
    expect(scopeOfCradle(scope.cradle)).toBe(scope)
    expect(scopeOfCradle({})).toBeUndefined()
  })
})
