import type { ResolvedConfig } from "../../../config"
import { MedusaError } from "../../../core/errors"
import { createStripeProvider } from "./stripe"
import { systemProvider } from "./system"
import type { PaymentProvider, PaymentProviderModule } from "./types"

export type { PaymentProvider, PaymentProviderModule } from "./types"

/** The configured providers by their Medusa names; pp_system_default is always there. */
export class PaymentProviders {
  private readonly byId = new Map<string, PaymentProvider>()
  /** the payment_provider rows written once per isolate (Medusa syncs them at start-up) */
  synced: Promise<void> | undefined

  constructor(providers: PaymentProvider[]) {
    for (const provider of [systemProvider, ...providers]) this.byId.set(provider.id, provider)
  }

  ids(): string[] {
    return [...this.byId.keys()]
  }

  /** whether every provider is local: then nothing needs asking before a transaction */
  allLocal(): boolean {
    return [...this.byId.values()].every((provider) => provider.local)
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  retrieve(id: string): PaymentProvider {
    const found = this.byId.get(id)
    if (!found) throw new MedusaError("not_found", `Could not find a payment provider with id: ${id}`)
    return found
  }
}

/**
 * The providers of `config`, built once per app (so the Stripe client is reused across requests);
 * `custom` holds the project's and plugins' provider modules, by their `resolve`.
 */
export function paymentProvidersFor(config: ResolvedConfig, custom: Record<string, unknown> = {}): PaymentProviders {
  const providers = (config.modules.payment?.providers ?? []).map((entry) => {
    if (entry.kind === "stripe") return createStripeProvider(entry.provider_id, entry.options)
    const module = providerModule(custom[entry.path], entry.path)
    const provider = module.create(entry.options, `pp_${module.identifier}_${entry.id}`)
    if (typeof provider?.id !== "string" || !provider.id.startsWith("pp_"))
      throw new Error(`payment provider ${entry.path}: create() must answer a provider with its id (pp_…)`)
    return provider
  })
  return new PaymentProviders(providers)
}

/** A bundled provider module checked for Medusa's shape: `identifier` and `create(options, providerId)`. */
function providerModule(found: unknown, path: string): PaymentProviderModule {
  if (!found) throw new Error(`payment provider ${path} is not in the build: run npm run build`)
  const module = found as Partial<PaymentProviderModule>
  if (
    typeof module.identifier !== "string" ||
    !/^[a-z0-9-]+$/i.test(module.identifier) ||
    typeof module.create !== "function"
  )
    throw new Error(`payment provider ${path} must export default { identifier, create(options, providerId) }`)
  return module as PaymentProviderModule
}
