import { z } from "zod"
import { parseOptions, type Issue, type ModuleInput, type ProviderConfig } from "./modules"
import type { RuntimeEnv } from "./resolve"

export type NotificationProviderConfig = ProviderConfig

/** The built-in providers, by the names a medusa.config.ts may give them. */
export type NotificationProviderKind = "local" | "resend"

export interface LocalProviderOptions {
  channels: string[]
}

export interface ResendProviderOptions {
  channels: string[]
  api_key: string
  from: string
  base_url: string
}

export type ResolvedNotificationProvider =
  | { resolve: "local"; id: string; options: LocalProviderOptions }
  | { resolve: "resend"; id: string; options: ResendProviderOptions }

export interface NotificationModule {
  providers: ResolvedNotificationProvider[]
}

const MODULE_NAMES = ["@medusajs/medusa/notification", "@medusajs/notification", "notification"]

const PROVIDER_ALIASES: Record<string, NotificationProviderKind> = {
  local: "local",
  "@medusajs/notification-local": "local",
  "@medusajs/medusa/notification-local": "local",
  resend: "resend",
}

/** Resend's test sender: mails from it reach only the account's own address, enough for development. */
const DEV_FROM = "onboarding@resend.dev"
const RESEND_API = "https://api.resend.com"

/** Zero setup: every message is logged and stored, so development shows the mails in /admin/notifications. */
const DEFAULT_PROVIDERS: ResolvedNotificationProvider[] = [
  { resolve: "local", id: "local", options: { channels: ["email", "feed"] } },
]

const channels = z
  .array(z.string().trim().min(1, { error: "a channel is a non-empty name" }), {
    error: 'channels must be a list of channel names, e.g. ["email"]',
  })
  .min(1, { error: 'channels must name at least one channel, e.g. ["email"]' })

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional())

const localOptions = z.strictObject({ channels })
const resendOptions = z.strictObject({
  channels,
  api_key: optionalText,
  from: optionalText,
  base_url: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url({ error: "base_url must be a URL, e.g. RESEND_BASE_URL" }).optional(),
  ),
})

const providerSchema = z.strictObject({
  resolve: z.string({ error: "resolve must name the provider" }).min(1),
  id: z
    .string({ error: "id is required: it names the provider in notifications' provider_id" })
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, { error: "id must be letters, digits, - and _" }),
  options: z.record(z.string(), z.unknown()).default({}),
})

const moduleOptions = z.strictObject({
  providers: z.array(providerSchema, { error: "providers must be a list of { resolve, id, options }" }).optional(),
})

/** medusa.config.ts's `modules.notification`, checked; production refuses a provider whose secrets are missing. */
export function resolveNotificationModule(
  input: ModuleInput,
  context: { isProduction: boolean; env: RuntimeEnv },
  issues: Issue[],
): NotificationModule {
  if (!input) return { providers: DEFAULT_PROVIDERS }
  const path = "modules.notification"
  if (!MODULE_NAMES.includes(input.resolve)) {
    issues.push({ path: `${path}.resolve`, message: `must be "@medusajs/medusa/notification"` })
    return { providers: DEFAULT_PROVIDERS }
  }
  const parsed = parseOptions(moduleOptions, input.options, path, issues)
  if (!parsed) return { providers: DEFAULT_PROVIDERS }
  const given = parsed.providers
  if (!given || given.length === 0) return { providers: DEFAULT_PROVIDERS }

  const providers: ResolvedNotificationProvider[] = []
  given.forEach((provider, i) => {
    const resolved = resolveProvider(provider, `${path}.options.providers.${i}`, context.isProduction, issues)
    if (resolved) providers.push(resolved)
  })
  checkUnique(providers, path, issues)
  return { providers }
}

function resolveProvider(
  provider: z.output<typeof providerSchema>,
  path: string,
  isProduction: boolean,
  issues: Issue[],
): ResolvedNotificationProvider | undefined {
  const kind = PROVIDER_ALIASES[provider.resolve]
  if (!kind) {
    issues.push({
      path: `${path}.resolve`,
      message: `unknown notification provider "${provider.resolve}": use "@medusajs/medusa/notification-local" or "resend"`,
    })
    return undefined
  }
  if (kind === "local") {
    const options = parseOptions(localOptions, provider.options, path, issues)
    return options && { resolve: "local", id: provider.id, options: { channels: options.channels } }
  }
  const options = parseOptions(resendOptions, provider.options, path, issues)
  if (!options) return undefined
  const { api_key, from, base_url } = options
  if (!api_key) issues.push({ path: `${path}.options.api_key`, message: "is required: set RESEND_API_KEY" })
  if (!from && isProduction)
    issues.push({
      path: `${path}.options.from`,
      message:
        "is required in production (NODE_ENV=production): set NOTIFICATION_FROM to a sender of your verified domain",
    })
  if (!api_key || (!from && isProduction)) return undefined
  return {
    resolve: "resend",
    id: provider.id,
    options: {
      channels: options.channels,
      api_key,
      from: from ?? DEV_FROM,
      base_url: (base_url ?? RESEND_API).replace(/\/+$/, ""),
    },
  }
}

/** One provider per id, and one per channel: a message must know where it goes. */
function checkUnique(providers: ResolvedNotificationProvider[], path: string, issues: Issue[]) {
  const ids = new Set<string>()
  const served = new Map<string, string>()
  for (const provider of providers) {
    if (ids.has(provider.id)) issues.push({ path, message: `two providers have the id "${provider.id}"` })
    ids.add(provider.id)
    for (const channel of provider.options.channels) {
      const other = served.get(channel)
      if (other && other !== provider.id)
        issues.push({
          path,
          message: `the channel "${channel}" is served by two providers ("${other}" and "${provider.id}"): give each channel one`,
        })
      served.set(channel, provider.id)
    }
  }
}
