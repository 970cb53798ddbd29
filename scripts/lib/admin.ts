// Medusa's admin dashboard, built with @medusajs/admin-bundler into the Worker's static assets.
import { createHash } from "node:crypto"
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import type { ConfigInput } from "../../src/config"
import { adminSchema, type AdminOptions } from "../../src/config/schema"
import { ASSETS_DIR, ROOT } from "./build"

const CACHE_DIR = `${ROOT}.medusa/admin`

export function adminOptionsOf(config: ConfigInput): AdminOptions {
  return adminSchema.parse(config.admin ?? {})
}

function dashboardVersion(): string {
  const require = createRequire(import.meta.url)
  return JSON.parse(readFileSync(require.resolve("@medusajs/dashboard/package.json"), "utf8")).version
}

/**
 * Puts the dashboard into ASSETS_DIR at `admin.path`. A build is kept per dashboard version and
 * options, so it runs once (about a minute) and is reused until either changes.
 */
export async function buildAdmin(
  config: ConfigInput,
  log: (line: string) => void = console.log,
): Promise<{ path?: string; built: boolean }> {
  const admin = adminOptionsOf(config)
  if (admin.disable) {
    rmSync(ASSETS_DIR, { recursive: true, force: true })
    mkdirSync(ASSETS_DIR, { recursive: true })
    return { built: false }
  }

  const version = dashboardVersion()
  const key = createHash("sha256")
    .update(
      JSON.stringify({
        version,
        ...admin,
        auth: process.env.ADMIN_AUTH_TYPE,
        jwtKey: process.env.ADMIN_JWT_TOKEN_STORAGE_KEY,
      }),
    )
    .digest("hex")
    .slice(0, 12)
  const cached = `${CACHE_DIR}/${version}-${key}`
  let built = false
  if (!existsSync(`${cached}/index.html`)) {
    log(`building @medusajs/dashboard ${version} for ${admin.path} (once per version, about a minute)`)
    const started = performance.now()
    const partial = `${ROOT}.medusa/admin-partial`
    rmSync(partial, { recursive: true, force: true })
    const { build } = await import("@medusajs/admin-bundler")
    const options = {
      path: admin.path as `/${string}`,
      backendUrl: admin.backendUrl,
      storefrontUrl: admin.storefrontUrl,
      outDir: partial,
      sources: [],
      plugins: [],
    }
    // Its types reach into @medusajs/types, which is not installed: the options above are all it reads.
    await build(options as unknown as Parameters<typeof build>[0])
    // Only the current build is kept: an older version's is 11 MB of nothing.
    rmSync(CACHE_DIR, { recursive: true, force: true })
    mkdirSync(CACHE_DIR, { recursive: true })
    renameSync(partial, cached)
    log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    built = true
  }
  // Served files are replaced only when they change: a wrangler build may be reading them.
  const marker = `${ASSETS_DIR}/.assetsignore`
  const served = `.assetsignore\n# ${version}-${key}\n`
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== served) {
    rmSync(ASSETS_DIR, { recursive: true, force: true })
    cpSync(cached, `${ASSETS_DIR}${admin.path}`, { recursive: true })
    writeFileSync(marker, served)
  }
  return { path: admin.path, built }
}
