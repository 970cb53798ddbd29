import type { Scope } from "../../core/container"

export interface JobConfig {
  name: string
  /** cron expression, as Cloudflare cron triggers take it */
  schedule: string
  handler(args: { container: Scope }): Promise<void> | void
}

/** Declares a scheduled job (`src/jobs/*.ts` default export). */
export function job(config: JobConfig): JobConfig {
  return config
}
