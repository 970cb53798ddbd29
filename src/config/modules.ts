import { z } from "zod"

/** Upstash REST endpoint and token, as the `@upstash/redis` client takes them. */
export interface RedisRest {
  url: string
  token: string
}

const EVENT_BUS_ALIASES: Record<string, "local" | "qstash"> = {
  local: "local",
  "@medusajs/event-bus-local": "local",
  "@medusajs/medusa/event-bus-local": "local",
  qstash: "qstash",
}

const CACHE_ALIASES: Record<string, "memory" | "upstash"> = {
  memory: "memory",
  "in-memory": "memory",
  "@medusajs/cache-inmemory": "memory",
  "@medusajs/medusa/cache-inmemory": "memory",
  upstash: "upstash",
}

const qstashOptions = z.strictObject({
  token: z.string({ error: "token is required: set QSTASH_TOKEN" }).min(1),
  baseUrl: z.url({ error: "baseUrl must be a URL, e.g. QSTASH_URL" }).optional(),
  currentSigningKey: z.string({ error: "currentSigningKey is required: set QSTASH_CURRENT_SIGNING_KEY" }).min(1),
  nextSigningKey: z.string({ error: "nextSigningKey is required: set QSTASH_NEXT_SIGNING_KEY" }).min(1),
  retries: z.number().int().min(0).max(5).default(3),
  publicUrl: z
    .url({ error: "publicUrl is required: set PUBLIC_URL to the Worker's https:// address, where QStash delivers" })
    .transform((url) => url.replace(/\/+$/, "")),
})

const ttl = z.number().int().positive({ error: "ttl is a number of seconds above 0" }).default(30)
const memoryCacheOptions = z.strictObject({ ttl })
const upstashCacheOptions = z.strictObject({
  url: z.string().optional(),
  token: z.string().optional(),
  ttl,
})

/** A module from a local path (`./src/modules/my-cache`) or a package, built into the bundle at build time. */
export type CustomModule = { resolve: "custom"; path: string; options: Record<string, unknown> }

/** `./path`, `/path` or a package name: what a custom module's `resolve` may be. */
export const isModulePath = (resolve: string) =>
  /^(\.{1,2}\/|\/)/.test(resolve) || /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(resolve)

export type EventBusModule =
  | CustomModule
  | { resolve: "local"; options: Record<string, never> }
  | { resolve: "qstash"; options: z.output<typeof qstashOptions> }

export type CacheModule =
  | CustomModule
  | { resolve: "memory"; options: z.output<typeof memoryCacheOptions> }
  | { resolve: "upstash"; options: { redis: RedisRest; ttl: number } }

export type Issue = { path: string; message: string }
export type ModuleInput = { resolve: string; options: Record<string, unknown> } | undefined

/** One provider of a module with providers (payment, notification, file), as Medusa's medusa.config.ts names it. */
export interface ProviderConfig {
  resolve: string
  id: string
  options: Record<string, unknown>
}

function aliasOf<T extends string>(
  aliases: Record<string, T>,
  resolve: string,
  path: string,
  issues: Issue[],
): T | "custom" | undefined {
  const found = aliases[resolve]
  if (found) return found
  if (isModulePath(resolve)) return "custom"
  issues.push({
    path: `${path}.resolve`,
    message: `unknown module "${resolve}": use one of ${Object.keys(aliases).join(", ")}, or a ./path or package implementing the module`,
  })
  return undefined
}

/** `options` parsed by `schema`; each problem becomes an issue at `<path>.options.…`, and the answer undefined. */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, path: string, issues: Issue[]) {
  const parsed = schema.safeParse(options)
  if (parsed.success) return parsed.data as z.output<S>
  for (const issue of parsed.error.issues) {
    issues.push({ path: [path, "options", ...issue.path.map(String)].join("."), message: issue.message })
  }
  return undefined
}

export function resolveEventBus(input: ModuleInput, issues: Issue[]): EventBusModule {
  const kind = input ? aliasOf(EVENT_BUS_ALIASES, input.resolve, "modules.eventBus", issues) : "local"
  if (kind === "custom") return { resolve: "custom", path: input!.resolve, options: input!.options }
  if (kind === "qstash") {
    const options = parseOptions(qstashOptions, input?.options, "modules.eventBus", issues)
    if (options) return { resolve: "qstash", options }
  } else if (kind === "local" && input && Object.keys(input.options).length > 0) {
    issues.push({ path: "modules.eventBus.options", message: "the local event bus takes no options" })
  }
  return { resolve: "local", options: {} }
}

/** The cache defaults to Upstash when Redis is configured, else to memory. */
export function resolveCache(input: ModuleInput, redis: RedisRest | undefined, issues: Issue[]): CacheModule {
  const kind = input ? aliasOf(CACHE_ALIASES, input.resolve, "modules.cache", issues) : redis ? "upstash" : "memory"
  if (kind === "custom") return { resolve: "custom", path: input!.resolve, options: input!.options }
  if (kind === "upstash") {
    const options = parseOptions(upstashCacheOptions, input?.options ?? {}, "modules.cache", issues)
    const url = options?.url ?? redis?.url
    const token = options?.token ?? redis?.token
    if (!url || !token) {
      issues.push({
        path: "modules.cache",
        message: "the upstash cache needs redis_url (REDIS_URL) and its token (UPSTASH_REDIS_REST_TOKEN)",
      })
    } else if (options) {
      return { resolve: "upstash", options: { redis: { url, token }, ttl: options.ttl } }
    }
  }
  const options = parseOptions(
    memoryCacheOptions,
    kind === "memory" ? (input?.options ?? {}) : {},
    "modules.cache",
    issues,
  )
  return { resolve: "memory", options: options ?? { ttl: 30 } }
}

/**
 * Upstash shows two URLs: the REST one (https://HOST with a separate token) and a Redis one
 * (rediss://default:TOKEN@HOST:6379). Workers speak only REST, so the latter is turned into the former.
 */
export function redisRestFrom(
  url: string | undefined,
  token: string | undefined,
  issues: Issue[],
): RedisRest | undefined {
  if (!url) return undefined
  const parsed = new URL(url)
  if (parsed.protocol === "https:" || parsed.protocol === "http:") {
    if (!token) {
      issues.push({
        path: "projectConfig.redis_token",
        message: "an Upstash REST URL needs its token: set UPSTASH_REDIS_REST_TOKEN",
      })
      return undefined
    }
    return { url: parsed.origin, token }
  }
  const password = decodeURIComponent(parsed.password)
  if (!password) {
    issues.push({
      path: "projectConfig.redis_url",
      message: "a redis URL must carry the Upstash token as its password: rediss://default:TOKEN@HOST:6379",
    })
    return undefined
  }
  return { url: `https://${parsed.hostname}`, token: token ?? password }
}

/** The `resolve` of a module when it names a custom implementation (a path or package), for the build. */
export function customModulePath(
  kind: "cache" | "eventBus",
  input: { resolve?: string } | undefined,
): string | undefined {
  const resolve = input?.resolve
  if (!resolve) return undefined
  const aliases = kind === "cache" ? CACHE_ALIASES : EVENT_BUS_ALIASES
  return !aliases[resolve] && isModulePath(resolve) ? resolve : undefined
}
