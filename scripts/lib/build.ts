import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { generateRegistry, REGISTRY_FILE } from "./generate-registry"

export const ROOT = fileURLToPath(new URL("../..", import.meta.url))
export const BUNDLE = `${ROOT}dist/api.js`

/** Environment for every wrangler run: no telemetry, no prompts, no calls to Cloudflare's API. */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
}

/** The `resolve` of each plugin in a config's `plugins`, in order. */
export function pluginsOf(plugins: readonly (string | { resolve: string })[] | undefined): string[] {
  return (plugins ?? []).map((plugin) => (typeof plugin === "string" ? plugin : plugin.resolve))
}

/**
 * The exact bundle `wrangler deploy` would upload: `wrangler deploy --dry-run --outdir dist`,
 * after writing the registry of what src/ and the config's plugins provide. Another entry
 * (and registry) can be built the same way, as the plugin tests do.
 */
export async function buildWorker(
  options: { quiet?: boolean; entry?: string; outdir?: string; plugins?: string[]; registryFile?: string } = {},
): Promise<{ bundle: string; bytes: number; gzipBytes: number }> {
  // Imported here, not at the top: medusa.config.ts reads process.env once, and callers load .env first.
  const plugins = options.plugins ?? pluginsOf((await import("../../medusa.config")).default.plugins)
  generateRegistry({ plugins, outFile: options.registryFile ?? REGISTRY_FILE })
  const outdir = options.outdir ?? "dist"
  const args = ["deploy", "--dry-run", "--outdir", outdir, ...(options.entry ? [options.entry] : [])]
  const result = spawnSync(`${ROOT}node_modules/.bin/wrangler`, args, {
    cwd: ROOT,
    env: WRANGLER_ENV,
    encoding: "utf8",
    stdio: options.quiet ? "pipe" : "inherit",
  })
  if (result.status !== 0) {
    throw new Error(`wrangler deploy --dry-run failed (exit ${result.status}):\n${result.stdout ?? ""}${result.stderr ?? ""}`)
  }
  const bundle = `${ROOT}${outdir}/${(options.entry ?? "functions/api.ts").split("/").pop()!.replace(/\.ts$/, ".js")}`
  const source = readFileSync(bundle)
  return { bundle, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length }
}
