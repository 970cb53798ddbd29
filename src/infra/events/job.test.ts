import { describe, expect, test, vi } from "vitest"
import { Registry } from "../../core/container"
import { job, jobOf } from "./job"

const scope = new Registry().createScope()

describe("a job file", () => {
  test("ours, job({ name, schedule, handler }), is registered as it is", () => {
    const definition = job({ name: "republish-outbox", schedule: "* * * * *", handler() {} })
    expect(jobOf("republish-outbox", { default: definition })).toBe(definition)
  })

  test("Medusa v2's, a function of the container and `export const config`, runs with the container itself", async () => {
    const run = vi.fn()
    const entry = jobOf("nightly", {
      default: run,
      config: { name: "nightly-sync", schedule: "0 0 * * *", numberOfExecutions: 3 },
    })
    expect(entry).toMatchObject({ name: "nightly-sync", schedule: "0 0 * * *" })
    await entry.handler({ container: scope })
    expect(run).toHaveBeenCalledWith(scope)
  })

  test("one loaded as CommonJS (tsx, a plugin folder not of type module) has its exports one level down, and works the same", () => {
    const config = { name: "nightly-sync", schedule: "0 0 * * *" }
    expect(jobOf("nightly", { default: { default: async () => {}, config }, config })).toMatchObject(config)
  })

  test("a function without a config naming it and its cron, or an object that is no job, is an error naming the file", () => {
    expect(() => jobOf("nightly", { default: async () => {} })).toThrow(
      'job nightly: its default-exported function needs `export const config = { name, schedule: "<cron>" }`',
    )
    expect(() =>
      jobOf("nightly", { default: async () => {}, config: { name: "n", schedule: { interval: 1000 } } }),
    ).toThrow(/^job nightly:/)
    expect(() => jobOf("nightly", { default: { name: "n", schedule: "* * * * *" } })).toThrow(
      /^job nightly: default-export job\(/,
    )
  })
})
