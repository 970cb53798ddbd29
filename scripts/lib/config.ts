import config from "../../medusa.config"
import { resolveConfig, type ResolvedConfig } from "../../src/config"

/**
 * medusa.config.ts reads process.env when first imported: import this module (dynamically)
 * only after the environment is complete.
 */
export function loadConfig(): ResolvedConfig {
  return resolveConfig(config, process.env)
}
