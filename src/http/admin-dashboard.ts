import { MedusaError } from "../core/errors"
import { Hono } from "hono"
import type { AdminOptions } from "../config/schema"
import type { AppEnv } from "../core/types"

/** Workers static assets, as bound in wrangler.toml (`[assets] binding = "ASSETS"`). */
export interface AssetsBinding {
  fetch(request: Request | string): Promise<Response>
}

/**
 * The dashboard's files are answered by Workers static assets before the Worker runs; what reaches
 * here under the admin path is one of its client-side routes (/app/orders/…), answered with its index.html.
 */
export function adminDashboard(admin: AdminOptions): Hono<AppEnv> {
  const dashboard = new Hono<AppEnv>()
  dashboard.get("*", async (c) => {
    // A file the build does not have (an old chunk after an upgrade) is a 404, never the page in its place.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) throw new MedusaError("not_found", `Cannot GET ${c.req.path}`)
    const assets = (c.env as { ASSETS?: AssetsBinding } | undefined)?.ASSETS
    const index = assets ? await assets.fetch(new URL(`${admin.path}/index.html`, c.req.url).toString()) : undefined
    if (!index?.ok) {
      throw new MedusaError("not_found", "The admin dashboard is not built: run npm run build (or npm run dev)")
    }
    return new Response(index.body, {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
    })
  })
  return dashboard
}
