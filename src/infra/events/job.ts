import type { Scope } from "../../core/container"
import { exportsOf } from "../../core/extensions"

/** A scheduled job as registered, and our own shape of a job file's default export: `job({ name, schedule, handler })`. */
export interface JobConfig {
  name: string
  /** cron expression, as Cloudflare cron triggers take it */
  schedule: string
  handler(args: { container: Scope }): Promise<void> | void
}

/** Medusa v2's `export const config` of a job file. */
export interface ScheduledJobConfig {
  name: string
  /** cron expression, as Cloudflare cron triggers take it */
  schedule: string
  /** Medusa stops a job after this many runs; here it is accepted and not counted (a Worker keeps no state between crons). */
  numberOfExecutions?: number
}

/** Declares a scheduled job (`src/jobs/*.ts` default export). */
export function job(config: JobConfig): JobConfig {
  return config
}

/** A job file as the registry imports it (`import * as`). */
export interface JobModule {
  default?: unknown
  config?: unknown
}

/**
 * The registry entry of a job file (`file` is its name without `.ts`): ours, `export default job({ name, schedule,
 * handler })`, or Medusa v2's `export default async function (container) {…}` with `export const config = { name, schedule }`.
 */
export function jobOf(file: string, loaded: JobModule): JobConfig {
  const module = exportsOf(loaded)
  const main = module.default
  if (typeof main === "function") {
    const { name, schedule } = (module.config ?? {}) as Partial<ScheduledJobConfig>
    if (typeof name !== "string" || !name || typeof schedule !== "string" || !schedule) {
      throw new Error(
        `job ${file}: its default-exported function needs \`export const config = { name, schedule: "<cron>" }\``,
      )
    }
    const run = main as (container: Scope) => Promise<void> | void
    return { name, schedule, handler: ({ container }) => run(container) }
  }
  const config = main as Partial<JobConfig> | undefined
  if (
    !config ||
    typeof config.handler !== "function" ||
    typeof config.name !== "string" ||
    typeof config.schedule !== "string"
  ) {
    throw new Error(
      `job ${file}: default-export job({ name, schedule, handler }), or a function with \`export const config = { name, schedule }\``,
    )
  }
  return config as JobConfig
}
