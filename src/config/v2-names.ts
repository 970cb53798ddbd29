/**
 * Medusa v2 spells the project options in camelCase, some under `http`. A v2 config is accepted
 * by renaming those to the names used here; giving both spellings of one option is an error.
 */
const TOP_LEVEL: Record<string, string> = {
  databaseUrl: "database_url",
  databaseLogging: "database_logging",
  databaseDriverOptions: "database_extra",
  redisUrl: "redis_url",
  redisPrefix: "redis_prefix",
}

const UNDER_HTTP: Record<string, string> = {
  jwtSecret: "jwt_secret",
  jwtExpiresIn: "jwt_expires_in",
  cookieSecret: "cookie_secret",
  storeCors: "store_cors",
  adminCors: "admin_cors",
  authCors: "auth_cors",
}

type Issue = { path: string; message: string }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export function normalizeV2Names(input: unknown, issues: Issue[]): unknown {
  if (!isRecord(input) || !isRecord(input.projectConfig)) return input
  const { http, ...rest } = input.projectConfig
  const project: Record<string, unknown> = {}
  const put = (from: string, to: string, value: unknown) => {
    if (value === undefined) return
    if (project[to] !== undefined) {
      issues.push({ path: `projectConfig.${from}`, message: `is the same option as ${to}: set only one of them` })
    }
    project[to] = value
  }
  for (const [key, value] of Object.entries(rest)) put(key, TOP_LEVEL[key] ?? key, value)
  if (isRecord(http)) {
    for (const [key, value] of Object.entries(http)) {
      const name = UNDER_HTTP[key]
      if (name) put(`http.${key}`, name, value)
      else issues.push({ path: `projectConfig.http.${key}`, message: "is not a supported option" })
    }
  } else if (http !== undefined) {
    issues.push({ path: "projectConfig.http", message: "must be an object" })
  }
  return { ...input, projectConfig: project }
}
