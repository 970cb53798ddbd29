import { parseOriginList, type OriginRule } from "./cors-origins"
import {
  redisRestFrom,
  resolveCache,
  resolveEventBus,
  type CacheModule,
  type EventBusModule,
  type RedisRest,
} from "./modules"
import { resolveFileModule, type FileModule } from "./file-module"
import { resolveNotificationModule, type NotificationModule } from "./notification-module"
import { resolvePaymentModule, type PaymentModule } from "./payment-module"
import { configSchema, type AdminOptions, type ConfigInput, type DatabaseExtra } from "./schema"
import { normalizeV2Names } from "./v2-names"

const DEV_SECRET = "supersecret"

/** What the runtime tells us, apart from medusa.config.ts: Worker bindings or process.env. */
export interface RuntimeEnv {
  NODE_ENV?: string
  /** host:port of the local WebSocket→TCP proxy in front of Postgres (development and tests only) */
  DATABASE_WS_PROXY?: string
  /** "false" when that local Postgres may ask for SCRAM: the password is then not pipelined with the start-up */
  DATABASE_PIPELINE_CONNECT?: string
}

export interface ResolvedConfig {
  isProduction: boolean
  projectConfig: {
    database_type: "postgres"
    database_url: string
    /** first schema of the URL's `options=-c search_path=…`, where the tables live */
    database_schema: string
    database_logging: boolean
    database_extra: DatabaseExtra
    database_ws_proxy: string | undefined
    /** send the password with the start-up message, as Neon recommends (its proxy asks for a cleartext password over TLS) */
    database_pipeline_connect: boolean
    redis: RedisRest | undefined
    redis_prefix: string
    jwt_secret: string
    jwt_expires_in: string
    cookie_secret: string
    store_cors: OriginRule[]
    admin_cors: OriginRule[]
    auth_cors: OriginRule[]
    auth_rate_limit: { per_ip: number; per_email: number; window_seconds: number }
  }
  admin: AdminOptions
  plugins: { resolve: string; options: Record<string, unknown> }[]
  modules: {
    eventBus: EventBusModule
    cache: CacheModule
    payment: PaymentModule
    notification: NotificationModule
    file: FileModule
  }
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid medusa.config.ts:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`)
    this.name = "ConfigError"
  }
}

/** Types a medusa.config.ts; validation happens when the app starts (resolveConfig). */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config
}

export function resolveConfig(input: unknown, env: RuntimeEnv = {}): ResolvedConfig {
  const isProduction = env.NODE_ENV === "production"
  const issues: { path: string; message: string }[] = []
  const parsed = configSchema.safeParse(normalizeV2Names(input, issues))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ path: issue.path.join("."), message: issue.message })
    throw new ConfigError(issues.map(formatIssue))
  }
  const { projectConfig: project, admin, plugins, modules } = parsed.data

  const secret = (name: "jwt_secret" | "cookie_secret", envName: string) => {
    const value = project[name]
    if (!isProduction) return value ?? DEV_SECRET
    if (!value || value === DEV_SECRET) {
      issues.push({
        path: `projectConfig.${name}`,
        message: `is required in production (NODE_ENV=production) and must not be "${DEV_SECRET}": wrangler secret put ${envName}`,
      })
    }
    return value ?? ""
  }
  const origins = (name: "store_cors" | "admin_cors" | "auth_cors", list: string) => {
    const { rules, problems } = parseOriginList(list)
    for (const message of problems) issues.push({ path: `projectConfig.${name}`, message })
    return rules
  }

  const redis = redisRestFrom(project.redis_url, project.redis_token, issues)
  const cache = resolveCache(modules.cache, redis, issues)
  if (isProduction && cache.resolve === "memory" && !modules.cache) {
    issues.push({
      path: "projectConfig.redis_url",
      message:
        "is required in production: cache and rate limits must be shared by every Worker isolate (set REDIS_URL to your Upstash database)",
    })
  }

  const resolved: ResolvedConfig = {
    isProduction,
    projectConfig: {
      database_type: project.database_type,
      database_url: project.database_url,
      database_schema: searchPathSchema(project.database_url),
      database_logging: project.database_logging,
      database_extra: project.database_extra,
      database_ws_proxy:
        typeof env.DATABASE_WS_PROXY === "string" && env.DATABASE_WS_PROXY ? env.DATABASE_WS_PROXY : undefined,
      database_pipeline_connect: env.DATABASE_PIPELINE_CONNECT !== "false",
      redis,
      redis_prefix: project.redis_prefix,
      jwt_secret: secret("jwt_secret", "JWT_SECRET"),
      jwt_expires_in: project.jwt_expires_in,
      cookie_secret: secret("cookie_secret", "COOKIE_SECRET"),
      store_cors: origins("store_cors", project.store_cors),
      admin_cors: origins("admin_cors", project.admin_cors),
      // /auth serves both the storefront and the admin unless told otherwise.
      auth_cors: origins("auth_cors", project.auth_cors ?? `${project.store_cors},${project.admin_cors}`),
      auth_rate_limit: {
        per_ip: project.auth_rate_limit.per_ip ?? 20,
        per_email: project.auth_rate_limit.per_email ?? 10,
        window_seconds: project.auth_rate_limit.window_seconds ?? 60,
      },
    },
    admin,
    plugins: plugins.map((plugin) => (typeof plugin === "string" ? { resolve: plugin, options: {} } : plugin)),
    modules: {
      eventBus: resolveEventBus(modules.eventBus, issues),
      cache,
      payment: resolvePaymentModule(modules.payment, { isProduction, env }, issues),
      notification: resolveNotificationModule(modules.notification, { isProduction, env }, issues),
      file: resolveFileModule(modules.file, { isProduction, env }, issues),
    },
  }
  if (issues.length > 0) throw new ConfigError(issues.map(formatIssue))
  return resolved
}

/** `postgres://…?options=-c search_path=shop,public` → "shop"; tables are created and read there. */
export function searchPathSchema(databaseUrl: string): string {
  const options = new URL(databaseUrl).searchParams.get("options") ?? ""
  const match = /(?:^|\s)-c\s*search_path=([^\s]+)/.exec(options)
  const first = match?.[1]?.split(",")[0]?.replace(/^"|"$/g, "")
  return first || "public"
}

function formatIssue(issue: { path: string; message: string }) {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message
}

declare module "../core/container" {
  interface ServiceMap {
    config: ResolvedConfig
  }
}
