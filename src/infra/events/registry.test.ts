import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { describe, expect, test } from "vitest"
import { registrySource, REGISTRY_FILE } from "../../../scripts/lib/generate-registry"
import { jobs, subscribers } from "../../registry.generated"

describe("the generated registry", () => {
  test("matches src/subscribers and src/jobs (npm run build regenerates it)", () => {
    expect(readFileSync(REGISTRY_FILE, "utf8")).toBe(registrySource())
  })

  test("subscribers are named by their file and declare an event", () => {
    expect(subscribers.map((s) => [s.id, s.event])).toContainEqual(["order-placed-logger", "order.placed"])
  })

  test("wrangler.toml has a cron trigger for each job schedule, and no other", () => {
    const toml = readFileSync(new URL("../../../wrangler.toml", import.meta.url), "utf8")
    const crons = JSON.parse(/crons\s*=\s*(\[[^\]]*\])/.exec(toml)![1]!) as string[]
    expect(new Set(crons)).toEqual(new Set(jobs.map((job) => job.schedule)))
  })
})

/** A project folder with a subscriber and a job file of each shape, and a plugin with one of each. */
function projectOfEachShape(): string {
  const project = mkdtempSync(join(tmpdir(), "medusa-shapes-"))
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(project, path)), { recursive: true })
    writeFileSync(join(project, path), text)
  }
  // Imported at run time through Medusa's names: vitest resolves them to src/framework.ts as the bundler does.
  write(
    "src/subscribers/ours.ts",
    `import { subscriber } from "@medusajs/framework"\nexport default subscriber({ event: "order.placed", async handler() {} })\n`,
  )
  write(
    "src/subscribers/v2.ts",
    'import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"\n' +
      "export default async function handler({ event }: SubscriberArgs) {}\n" +
      'export const config: SubscriberConfig = { event: ["order.placed", "customer.created"], context: { subscriberId: "v2-notes" } }\n',
  )
  write(
    "src/subscribers/v1.ts",
    "export default class {\n  constructor({ eventBusService }: any) {\n" +
      '    eventBusService.subscribe("order.placed", () => {})\n    eventBusService.subscribe("cart.created", () => {})\n  }\n}\n',
  )
  write(
    "src/jobs/ours.ts",
    `import { job } from "@medusajs/framework/utils"\nexport default job({ name: "ours", schedule: "* * * * *", handler() {} })\n`,
  )
  write(
    "src/jobs/v2.ts",
    'import type { MedusaContainer } from "@medusajs/framework/types"\n' +
      "export default async function nightly(container: MedusaContainer) {}\n" +
      'export const config = { name: "nightly", schedule: "0 0 * * *" }\n',
  )
  write(
    "plugins/p/src/subscribers/p-sub.ts",
    'export default async function () {}\nexport const config = { event: "a" }\n',
  )
  return project
}

describe("the registry of a project's subscribers and jobs, in each shape", () => {
  const project = projectOfEachShape()
  const outFile = join(project, "src", "registry.generated.ts")
  const source = registrySource({ root: project, plugins: ["./plugins/p"], outFile })

  test("imports each subscriber and job file whole, and builds its entry from whatever shape it has", () => {
    const lines = source.split("\n")
    expect(lines).toEqual(
      expect.arrayContaining([
        'import * as subscriber0 from "./subscribers/ours"',
        'import * as subscriber1 from "./subscribers/v1"',
        'import * as subscriber2 from "./subscribers/v2"',
        'import * as job3 from "./jobs/ours"',
        'import * as job4 from "./jobs/v2"',
        'import * as subscriber5 from "../plugins/p/src/subscribers/p-sub"',
        'export const subscribers: Subscriber[] = [subscriberOf("ours", subscriber0), subscriberOf("v1", subscriber1), subscriberOf("v2", subscriber2), subscriberOf("p-sub", subscriber5, "./plugins/p")]',
        'export const jobs: JobConfig[] = [jobOf("ours", job3), jobOf("v2", job4)]',
      ]),
    )
    expect(lines.filter((line) => line.includes("infra/events/"))).toEqual([
      expect.stringMatching(/^import \{ jobOf, type JobConfig \} from ".*\/src\/infra\/events\/job"$/),
      expect.stringMatching(/^import \{ subscriberOf, type Subscriber \} from ".*\/src\/infra\/events\/subscriber"$/),
    ])
  })

  test("loaded, it holds each subscriber's id and events, and each job's name and schedule", async () => {
    writeFileSync(outFile, source)
    const registry = (await import(outFile)) as typeof import("../../registry.generated")
    expect(registry.subscribers.map(({ id, event, plugin }) => ({ id, event, plugin }))).toEqual([
      { id: "ours", event: "order.placed", plugin: undefined },
      { id: "v1", event: ["order.placed", "cart.created"], plugin: undefined },
      { id: "v2-notes", event: ["order.placed", "customer.created"], plugin: undefined },
      { id: "p-sub", event: "a", plugin: "./plugins/p" },
    ])
    expect(registry.jobs.map(({ name, schedule }) => ({ name, schedule }))).toEqual([
      { name: "ours", schedule: "* * * * *" },
      { name: "nightly", schedule: "0 0 * * *" },
    ])
  })
})
