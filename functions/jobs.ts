import { env } from "cloudflare:workers"
import config from "../medusa.config"
import { createRegistry } from "../src/app"
import { resolveConfig } from "../src/config"
import { jobsFor, runJob } from "../src/infra/events/jobs-runner"
import * as extensions from "../src/registry.generated"

const resolved = resolveConfig(config, env)
const registry = createRegistry(resolved, extensions)

/** Cron triggers (wrangler.toml [triggers]) run the jobs of src/jobs whose schedule matches. */
export async function scheduled(controller: ScheduledController, _env: unknown, ctx: ExecutionContext): Promise<void> {
  for (const job of jobsFor(controller.cron, extensions.jobs)) {
    ctx.waitUntil(runJob(resolved, registry, job).catch((error) => console.error(`job ${job.name} failed:`, error)))
  }
}

export default { scheduled }
