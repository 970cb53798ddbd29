export { defineConfig, resolveConfig, ConfigError, searchPathSchema, type ResolvedConfig, type RuntimeEnv } from "./resolve"
export { originAllowed, type OriginRule } from "./cors-origins"
export type { ConfigInput } from "./schema"
export type { CacheModule, EventBusModule, RedisRest } from "./modules"
