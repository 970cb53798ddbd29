import type { Context, MiddlewareHandler } from "hono"
import { getSignedCookie } from "hono/cookie"
import type { AppEnv } from "../types"
import { verifyToken, type ActorType, type AuthContext } from "./jwt"

export const SESSION_COOKIE = "connect.sid"

/** The auth context of a request: a Bearer JWT, else the signed session cookie. Single-use tokens never authenticate. */
export async function readAuth(c: Context<AppEnv>): Promise<AuthContext | undefined> {
  const { jwt_secret, cookie_secret } = c.var.config.projectConfig
  const header = c.req.header("authorization")
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]
  const token = bearer ?? (await getSignedCookie(c, cookie_secret, SESSION_COOKIE)) ?? undefined
  if (!token) return undefined
  const context = await verifyToken(token, jwt_secret)
  return context && !context.purpose ? context : undefined
}

const unauthorized = (c: Context) => c.json({ type: "unauthorized", message: "Unauthorized" }, 401)

/**
 * Requires (or, with allowUnauthenticated, accepts) an actor of one type. A valid token of the
 * other actor type gets 403 on /admin and 401 elsewhere; a registration token (no actor yet)
 * passes only where allowUnregistered says so.
 */
export function authenticate(actor: ActorType, options: { allowUnauthenticated?: boolean; allowUnregistered?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const context = await readAuth(c)
    if (context && context.actor_type === actor && (context.actor_id || options.allowUnregistered)) {
      c.set("auth", context)
      return next()
    }
    if (options.allowUnauthenticated) return next()
    if (context && context.actor_type !== actor && actor === "user") {
      return c.json({ type: "forbidden", message: "Forbidden: an admin user is required" }, 403)
    }
    return unauthorized(c)
  }
}
