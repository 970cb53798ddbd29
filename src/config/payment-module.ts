import { z } from "zod"
import { isModulePath, parseOptions, type Issue, type ModuleInput, type ProviderConfig } from "./modules"
import type { RuntimeEnv } from "./resolve"

export type PaymentProviderConfig = ProviderConfig

/**
 * A configured provider. Stripe's Medusa name is known here (`pp_stripe_<id>`); a custom one's is
 * `pp_<identifier>_<id>` with the identifier its module exports, known once it is loaded.
 */
export type ResolvedPaymentProvider =
  | { kind: "stripe"; provider_id: string; id: string; resolve: string; options: StripeOptions }
  | { kind: "custom"; id: string; resolve: string; path: string; options: Record<string, unknown> }

export interface PaymentModule {
  providers: ResolvedPaymentProvider[]
}

export type StripeOptions = z.output<typeof stripeOptions>

const MODULE_ALIASES = new Set(["payment", "@medusajs/payment", "@medusajs/medusa/payment"])
const STRIPE_ALIASES = new Set(["stripe", "@medusajs/payment-stripe", "@medusajs/medusa/payment-stripe"])

// Secrets are optional here: development may run without them, production refuses below.
const stripeOptions = z.strictObject({
  apiKey: z.string().min(1).optional(),
  webhookSecret: z.string().min(1).optional(),
  capture: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
  automaticPaymentMethods: z.boolean().optional(),
  paymentDescription: z.string().optional(),
  /** Stripe's API origin, e.g. a local stand-in in tests (STRIPE_API_BASE) */
  apiBase: z.url({ error: "apiBase must be a URL such as http://127.0.0.1:12111" }).optional(),
})

const providerEntry = z.object({
  resolve: z.string().min(1),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, { error: "id must be letters, digits, - or _ (e.g. stripe)" })
    .optional(),
  options: z.record(z.string(), z.unknown()).default({}),
})

const moduleOptions = z.object({ providers: z.array(providerEntry).default([]) }).loose()

/** Medusa's provider registration name: `pp_<identifier>_<id>` (identifier "stripe" for Stripe's card provider). */
export const paymentProviderId = (identifier: string, id: string) => `pp_${identifier}_${id}`

/** medusa.config.ts's `modules.payment`, checked; production refuses a provider whose secrets are missing. */
export function resolvePaymentModule(
  input: ModuleInput,
  context: { isProduction: boolean; env: RuntimeEnv },
  issues: Issue[],
): PaymentModule {
  if (!input) return { providers: [] }
  const path = "modules.payment"
  if (!MODULE_ALIASES.has(input.resolve)) {
    issues.push({ path: `${path}.resolve`, message: `use "@medusajs/medusa/payment" (got "${input.resolve}")` })
    return { providers: [] }
  }
  const parsed = parseOptions(moduleOptions, input.options ?? {}, path, issues)
  if (!parsed) return { providers: [] }
  const providers: ResolvedPaymentProvider[] = []
  parsed.providers.forEach((entry, i) => {
    const at = `${path}.options.providers.${i}`
    const resolved = resolveProvider(entry, at, context.isProduction, issues)
    if (!resolved) return
    const name = (p: ResolvedPaymentProvider) => (p.kind === "stripe" ? p.provider_id : `${p.path}#${p.id}`)
    if (providers.some((p) => name(p) === name(resolved))) {
      issues.push({ path: `${at}.id`, message: `provider ${name(resolved)} is configured twice` })
      return
    }
    providers.push(resolved)
  })
  return { providers }
}

function resolveProvider(
  entry: z.output<typeof providerEntry>,
  at: string,
  isProduction: boolean,
  issues: Issue[],
): ResolvedPaymentProvider | undefined {
  if (STRIPE_ALIASES.has(entry.resolve)) {
    const options = parseOptions(stripeOptions, entry.options, at, issues)
    if (!options) return undefined
    const id = entry.id ?? "stripe"
    if (isProduction) {
      if (!options.apiKey)
        issues.push({ path: `${at}.options.apiKey`, message: "is required in production: set STRIPE_API_KEY" })
      if (!options.webhookSecret)
        issues.push({
          path: `${at}.options.webhookSecret`,
          message: "is required in production: set STRIPE_WEBHOOK_SECRET (the signing secret of the webhook endpoint)",
        })
    }
    return {
      kind: "stripe",
      provider_id: paymentProviderId("stripe", id),
      id,
      resolve: entry.resolve,
      options,
    }
  }
  if (isModulePath(entry.resolve)) {
    if (!entry.id) {
      issues.push({
        path: `${at}.id`,
        message: "a custom payment provider needs an id (its name is pp_<identifier>_<id>)",
      })
      return undefined
    }
    return {
      kind: "custom",
      id: entry.id,
      resolve: entry.resolve,
      path: entry.resolve,
      options: entry.options,
    }
  }
  issues.push({
    path: `${at}.resolve`,
    message: `unknown payment provider "${entry.resolve}": use "@medusajs/medusa/payment-stripe", or a ./path or package`,
  })
  return undefined
}

/** The `resolve` of each custom payment provider (a ./path or package), for the build to bundle. */
export function customPaymentProviderPaths(input: { resolve?: string; options?: Record<string, unknown> } | undefined) {
  const providers = (input?.options as { providers?: unknown } | undefined)?.providers
  if (!Array.isArray(providers)) return []
  const paths = providers
    .map((entry) => (entry as { resolve?: unknown })?.resolve)
    .filter(
      (resolve): resolve is string =>
        typeof resolve === "string" && !STRIPE_ALIASES.has(resolve) && isModulePath(resolve),
    )
  return [...new Set(paths)]
}
