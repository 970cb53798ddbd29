import type { ResolvedConfig } from "../../config"

const DEV_API = "http://localhost:9000"

const absolute = (url: string | undefined) => (url && /^https?:\/\//.test(url) ? url.replace(/\/+$/, "") : undefined)

/**
 * Where the dashboard is, for links in mails: admin.backendUrl when it is absolute, else the
 * Worker's public URL (PUBLIC_URL, given for QStash), else `npm run dev`'s; then admin.path.
 */
export function adminUrl(config: ResolvedConfig): string {
  const eventBus = config.modules.eventBus
  const publicUrl = eventBus.resolve === "qstash" ? eventBus.options.publicUrl : undefined
  return `${absolute(config.admin.backendUrl) ?? absolute(publicUrl) ?? DEV_API}${config.admin.path}`
}

/** The storefront, for customers' links: admin.storefrontUrl, else the first exact STORE_CORS origin. */
export function storefrontUrl(config: ResolvedConfig): string {
  const firstOrigin = config.projectConfig.store_cors.find((rule): rule is string => typeof rule === "string")
  return absolute(config.admin.storefrontUrl) ?? absolute(firstOrigin) ?? "http://localhost:8000"
}
