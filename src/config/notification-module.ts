import type { RuntimeEnv } from "./resolve"

type Issue = { path: string; message: string }
type ModuleInput = { resolve: string; options: Record<string, unknown> } | undefined

/** One provider of the notification module, as medusa.config.ts names it (Medusa's `{ resolve, id, options }`). */
export interface NotificationProviderConfig {
  resolve: string
  id: string
  options: Record<string, unknown>
}

export interface NotificationModule {
  providers: NotificationProviderConfig[]
}

/** medusa.config.ts's `modules.notification`, checked; production refuses a provider whose secrets are missing. */
export function resolveNotificationModule(
  _input: ModuleInput,
  _context: { isProduction: boolean; env: RuntimeEnv },
  _issues: Issue[],
): NotificationModule {
  return { providers: [] }
}
