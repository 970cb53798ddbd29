export {
  defineConfig,
  resolveConfig,
  ConfigError,
  searchPathSchema,
  type ResolvedConfig,
  type RuntimeEnv,
} from "./resolve"
export { originAllowed, type OriginRule } from "./cors-origins"
export type { ConfigInput } from "./schema"
export { customModulePath } from "./modules"
export type { CacheModule, CustomModule, EventBusModule, RedisRest } from "./modules"
export type { PaymentModule, PaymentProviderConfig } from "./payment-module"
export type { NotificationModule, NotificationProviderConfig } from "./notification-module"
export type { FileModule, FileProviderConfig } from "./file-module"
