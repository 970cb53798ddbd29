import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { generateRegistry } from "./generate-registry"

export const ROOT = fileURLToPath(new URL("../..", import.meta.url))
export const BUNDLE = `${ROOT}dist/api.js`

/** Environment for every wrangler run: no telemetry, no prompts, no calls to Cloudflare's API. */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
}

/** The exact bundle `wrangler deploy` would upload: `wrangler deploy --dry-run --outdir dist`. */
export function buildWorker(options: { quiet?: boolean } = {}): { bundle: string; bytes: number; gzipBytes: number } {
  generateRegistry()
  const result = spawnSync(`${ROOT}node_modules/.bin/wrangler`, ["deploy", "--dry-run", "--outdir", "dist"], {
    cwd: ROOT,
    env: WRANGLER_ENV,
    encoding: "utf8",
    stdio: options.quiet ? "pipe" : "inherit",
  })
  if (result.status !== 0) {
    throw new Error(`wrangler deploy --dry-run failed (exit ${result.status}):\n${result.stdout ?? ""}${result.stderr ?? ""}`)
  }
  const source = readFileSync(BUNDLE)
  return { bundle: BUNDLE, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length }
}
