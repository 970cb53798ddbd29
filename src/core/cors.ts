import type { MiddlewareHandler } from "hono"
import { cors } from "hono/cors"
import { originAllowed, type OriginRule } from "../config"

/**
 * Hono's cors() for one origin list (store, admin or auth), with credentials. An origin
 * that is not on the list gets no CORS headers at all, not even on a preflight.
 */
export function corsFor(rules: readonly OriginRule[]): MiddlewareHandler {
  const allowed = (origin: string) => origin !== "" && originAllowed(rules, origin)
  const withCors = cors({ origin: (origin) => (allowed(origin) ? origin : null), credentials: true, maxAge: 86400 })
  return async (c, next) => {
    if (allowed(c.req.header("origin") ?? "")) return withCors(c, next)
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      return c.body(null, 204, { Vary: "Origin" })
    }
    await next()
    c.header("Vary", "Origin", { append: true })
  }
}
