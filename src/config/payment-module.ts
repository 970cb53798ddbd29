import type { RuntimeEnv } from "./resolve"

type Issue = { path: string; message: string }
type ModuleInput = { resolve: string; options: Record<string, unknown> } | undefined

/** One provider of the payment module, as medusa.config.ts names it (Medusa's `{ resolve, id, options }`). */
export interface PaymentProviderConfig {
  resolve: string
  id: string
  options: Record<string, unknown>
}

export interface PaymentModule {
  providers: PaymentProviderConfig[]
}

/** medusa.config.ts's `modules.payment`, checked; production refuses a provider whose secrets are missing. */
export function resolvePaymentModule(
  _input: ModuleInput,
  _context: { isProduction: boolean; env: RuntimeEnv },
  _issues: Issue[],
): PaymentModule {
  return { providers: [] }
}
