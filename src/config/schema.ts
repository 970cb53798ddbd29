import { z } from "zod"

/**
 * The shape of medusa.config.ts, with Medusa's option names. Values usually come from
 * the environment as strings, so booleans and lists accept their string forms too.
 */

const required = (what: string, hint: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === "" ? `${what} is required: ${hint}` : undefined

const envBoolean = z.union(
  [z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")],
  { error: 'must be true or false (or the strings "true"/"false")' },
)

/** A whole number above 0, also as a string from the environment; unset keeps the default. */
const envInteger = (name: string) =>
  z.preprocess(
    (value) => (value === "" ? undefined : typeof value === "string" ? Number(value) : value),
    z
      .number({ error: `${name} must be a whole number above 0` })
      .int({ error: `${name} must be a whole number above 0` })
      .positive({ error: `${name} must be a whole number above 0` })
      .optional(),
  )

const LOG_LEVELS = ["query", "schema", "error", "warn", "info", "log", "migration"] as const

/** `true`, `"all"` or a list naming "query" turns on logging of every SQL statement. */
const databaseLogging = z
  .union([envBoolean, z.literal("all"), z.array(z.enum(LOG_LEVELS))], {
    error: `must be true, false, "all" or a list of ${LOG_LEVELS.join(", ")}`,
  })
  .transform((v) => v === true || v === "all" || (Array.isArray(v) && v.includes("query")))

const databaseType = z
  .string()
  .refine((v) => v !== "sqlite", {
    error:
      "sqlite is not supported: Medusa Edge runs on Postgres. Leave DATABASE_URL unset and `npm run dev` starts an embedded PostgreSQL for you",
  })
  .pipe(z.literal("postgres", { error: 'must be "postgres"' }))

const databaseUrl = z
  .string({ error: required("database_url", "set DATABASE_URL (npm run dev sets it for the embedded Postgres)") })
  .min(1, { error: "database_url is required: set DATABASE_URL" })
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
    error: "must be a postgres:// or postgresql:// connection string",
  })

/** Options handed to the driver's Pool; listed so that a typo is an error, not a silent no-op. */
const databaseExtra = z.strictObject({
  ssl: z
    .union([
      envBoolean,
      z.strictObject({
        rejectUnauthorized: z.boolean().optional(),
        ca: z.string().optional(),
        cert: z.string().optional(),
        key: z.string().optional(),
      }),
    ])
    .optional(),
  max: z.number().int().positive().optional(),
  idleTimeoutMillis: z.number().int().nonnegative().optional(),
  connectionTimeoutMillis: z.number().int().nonnegative().optional(),
  statement_timeout: z.number().int().nonnegative().optional(),
  query_timeout: z.number().int().nonnegative().optional(),
  idle_in_transaction_session_timeout: z.number().int().nonnegative().optional(),
  application_name: z.string().optional(),
})

const corsList = z.string({ error: "must be a comma-separated list of origins" })

export const projectConfigSchema = z.strictObject({
  database_type: databaseType.default("postgres"),
  database_url: databaseUrl,
  database_logging: databaseLogging.default(false),
  database_extra: databaseExtra.default({}),
  redis_url: z
    .string()
    .refine((v) => /^(https?|rediss?):\/\/.+/.test(v), {
      error: "must be an Upstash REST URL (https://…) or an Upstash rediss://default:TOKEN@HOST:6379 URL",
    })
    .optional(),
  redis_token: z.string().min(1).optional(),
  redis_prefix: z.string().default(""),
  jwt_secret: z.string().min(1).optional(),
  jwt_expires_in: z
    .string()
    .regex(/^\d+\s*(s|m|h|d|w)?$/, { error: 'must be a duration such as "1d", "12h" or "3600"' })
    .default("1d"),
  cookie_secret: z.string().min(1).optional(),
  store_cors: corsList.default("http://localhost:8000"),
  admin_cors: corsList.default("http://localhost:7000,http://localhost:7001"),
  auth_cors: corsList.optional(),
  /** login, register and password reset attempts allowed per window, per client IP and per email */
  auth_rate_limit: z
    .strictObject({
      per_ip: envInteger("per_ip").default(20),
      per_email: envInteger("per_email").default(10),
      window_seconds: envInteger("window_seconds").default(60),
    })
    .default({ per_ip: 20, per_email: 10, window_seconds: 60 }),
})

const pluginSchema = z.union(
  [
    z.string().min(1),
    z.strictObject({
      resolve: z.string().min(1, { error: "resolve must name a package or a ./path" }),
      options: z.record(z.string(), z.unknown()).default({}),
    }),
  ],
  { error: 'a plugin is "name" or { resolve: "name-or-./path", options: {…} }' },
)

const moduleSchema = z.strictObject({
  resolve: z.string({ error: required("resolve", "name the module") }),
  options: z.record(z.string(), z.unknown()).default({}),
})

/** Medusa's `admin` options: the dashboard served at `path` on the API's own origin. */
export const adminSchema = z.strictObject({
  disable: envBoolean.default(false),
  path: z
    .string()
    .regex(/^\/[a-z0-9][a-z0-9-_/]*[a-z0-9]$|^\/[a-z0-9]$/i, {
      error: 'must be a path such as "/app" (letters, digits, -, _ and /, no trailing slash)',
    })
    .refine((v) => !/^\/(store|admin|auth|hooks|health)(\/|$)/.test(v), {
      error: "must not be one of the API's own paths (/store, /admin, /auth, /hooks, /health)",
    })
    .default("/app"),
  /** where the dashboard sends its API calls; "/" is the origin that serves it */
  backendUrl: z.string().min(1).default("/"),
  storefrontUrl: z.string().optional(),
})

export const configSchema = z.strictObject({
  projectConfig: projectConfigSchema,
  admin: adminSchema.default({ disable: false, path: "/app", backendUrl: "/" }),
  plugins: z.array(pluginSchema).default([]),
  modules: z
    .strictObject({
      eventBus: moduleSchema.optional(),
      cache: moduleSchema.optional(),
      payment: moduleSchema.optional(),
      notification: moduleSchema.optional(),
      file: moduleSchema.optional(),
    })
    .default({}),
})

type EnvValue = string | undefined
type ProjectInput = z.input<typeof projectConfigSchema>
type ModuleInput = { resolve: string; options?: Record<string, unknown> }

/** What medusa.config.ts may say: values straight from the environment are checked at start-up. */
export type ConfigInput = {
  projectConfig: { [K in keyof ProjectInput]?: ProjectInput[K] | EnvValue } & {
    /** Medusa v2 spellings, accepted as aliases */
    databaseUrl?: EnvValue
    databaseLogging?: ProjectInput["database_logging"] | EnvValue
    databaseDriverOptions?: ProjectInput["database_extra"]
    redisUrl?: EnvValue
    redisPrefix?: EnvValue
    http?: Partial<
      Record<"jwtSecret" | "jwtExpiresIn" | "cookieSecret" | "storeCors" | "adminCors" | "authCors", EnvValue>
    >
  }
  admin?: { disable?: boolean | EnvValue; path?: string; backendUrl?: string; storefrontUrl?: string }
  plugins?: (string | { resolve: string; options?: Record<string, unknown> })[]
  modules?: {
    eventBus?: ModuleInput
    cache?: ModuleInput
    payment?: ModuleInput
    notification?: ModuleInput
    file?: ModuleInput
  }
}
export type ParsedConfig = z.output<typeof configSchema>
export type AdminOptions = z.output<typeof adminSchema>
export type DatabaseExtra = z.output<typeof databaseExtra>
