import { env } from "cloudflare:workers"
import config from "../medusa.config"
import { createRegistry } from "../src/app"
import { resolveConfig } from "../src/config"
import { createScheduled } from "../src/infra/events/jobs-runner"
import * as extensions from "../src/registry.generated"

const resolved = resolveConfig(config, env)

/** Cron triggers (wrangler.toml [triggers]) run the jobs of src/jobs and the plugins whose schedule matches. */
export const scheduled = createScheduled(resolved, createRegistry(resolved, extensions), extensions.jobs)

export default { scheduled }
