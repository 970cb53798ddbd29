import { spawnSync } from "node:child_process"
import { mkdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { customModulePath, type ConfigInput } from "../../src/config"
import { customPaymentProviderPaths } from "../../src/config/payment-module"
import { generateRegistry, REGISTRY_FILE, type ModulePaths } from "./generate-registry"

export const ROOT = fileURLToPath(new URL("../..", import.meta.url))
export const BUNDLE = `${ROOT}dist/api.js`
/** wrangler.toml's `[assets] directory`: served as static files, the admin dashboard under its path (scripts/lib/admin.ts). */
export const ASSETS_DIR = `${ROOT}.medusa/assets`

/** Environment for every wrangler run: no telemetry, no prompts, no calls to Cloudflare's API. */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
}

/** What a medusa.config.ts asks the build to bring in: its plugins, in order, and custom modules. */
export function extensionsOf(config: ConfigInput): { plugins: string[]; modules: ModulePaths } {
  return {
    plugins: (config.plugins ?? []).map((plugin) => (typeof plugin === "string" ? plugin : plugin.resolve)),
    modules: {
      cache: customModulePath("cache", config.modules?.cache),
      eventBus: customModulePath("eventBus", config.modules?.eventBus),
      paymentProviders: customPaymentProviderPaths(config.modules?.payment),
    },
  }
}

/**
 * The exact bundle `wrangler deploy` would upload: `wrangler deploy --dry-run --outdir dist`,
 * after writing the registry of what src/ and the config's plugins provide. Another entry
 * (and registry) can be built the same way, as the plugin tests do.
 */
export async function buildWorker(
  options: { quiet?: boolean; entry?: string; outdir?: string; config?: ConfigInput; registryFile?: string } = {},
): Promise<{ bundle: string; bytes: number; gzipBytes: number }> {
  // Imported here, not at the top: medusa.config.ts reads process.env once, and callers load .env first.
  const config = options.config ?? (await import("../../medusa.config")).default
  generateRegistry({ ...extensionsOf(config), outFile: options.registryFile ?? REGISTRY_FILE })
  // wrangler refuses a missing assets directory; an empty one (no dashboard built) is fine.
  mkdirSync(ASSETS_DIR, { recursive: true })
  const outdir = options.outdir ?? "dist"
  const args = ["deploy", "--dry-run", "--outdir", outdir, ...(options.entry ? [options.entry] : [])]
  const result = spawnSync(`${ROOT}node_modules/.bin/wrangler`, args, {
    cwd: ROOT,
    env: WRANGLER_ENV,
    encoding: "utf8",
    stdio: options.quiet ? "pipe" : "inherit",
  })
  if (result.status !== 0) {
    throw new Error(
      `wrangler deploy --dry-run failed (exit ${result.status}):\n${result.stdout ?? ""}${result.stderr ?? ""}`,
    )
  }
  const bundle = `${ROOT}${outdir}/${(options.entry ?? "functions/api.ts").split("/").pop()!.replace(/\.ts$/, ".js")}`
  const source = readFileSync(bundle)
  return { bundle, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length }
}
