import type { ResolvedConfig } from "../../config"
import type { Registry } from "../../core/container"
import { openDatabase } from "../db"
import type { JobConfig } from "./job"

/** Runs one job with its own container and database, then publishes the events it emitted. */
export async function runJob(config: ResolvedConfig, registry: Registry, job: JobConfig): Promise<void> {
  const database = openDatabase(config.projectConfig)
  const emittedEvents: string[] = []
  const scope = registry.createScope({ config, database, emittedEvents })
  try {
    await job.handler({ container: scope })
    await scope.resolve("eventBusService").publish(emittedEvents)
  } finally {
    await database.close()
  }
}

/** The jobs a cron trigger fires: those whose schedule is that cron. */
export function jobsFor(cron: string, jobs: readonly JobConfig[]): JobConfig[] {
  return jobs.filter((job) => job.schedule === cron)
}

/** The Worker's `scheduled` handler for a config and its jobs: cron triggers run the jobs whose schedule matches. */
export function createScheduled(config: ResolvedConfig, registry: Registry, jobs: readonly JobConfig[]) {
  return async (controller: { cron: string }, _env: unknown, ctx: { waitUntil(promise: Promise<unknown>): void }) => {
    for (const job of jobsFor(controller.cron, jobs)) {
      ctx.waitUntil(runJob(config, registry, job).catch((error) => console.error(`job ${job.name} failed:`, error)))
    }
  }
}
