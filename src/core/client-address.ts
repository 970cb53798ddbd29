import type { Context } from "hono"
import type { AppEnv } from "./types"

/**
 * The client's address as the platform gives it, for rate limits. In production Cloudflare's edge
 * sets `CF-Connecting-IP` (replacing whatever the client sent). In development nothing in front
 * sets it, so a client could name any address: every request counts as the one local client.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (!c.var.config.isProduction) return "local"
  return c.req.header("cf-connecting-ip") ?? "unknown"
}
