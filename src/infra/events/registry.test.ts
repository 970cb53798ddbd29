import { readFileSync } from "node:fs"
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
