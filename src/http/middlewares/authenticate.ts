import type { Context, MiddlewareHandler } from "hono"
import { getSignedCookie } from "hono/cookie"
import { MedusaError } from "../../core/errors"
import type { AppEnv } from "../../core/types"
import { verifyToken, type ActorType, type AuthContext, type TokenClaims } from "../../core/auth/jwt"

export const SESSION_COOKIE = "connect.sid"

/** The auth context of a request: a Bearer JWT, else the signed session cookie. Single-use tokens never authenticate. */
export async function readAuth(c: Context<AppEnv>): Promise<TokenClaims | undefined> {
  const { jwt_secret, cookie_secret } = c.var.config.projectConfig
  const header = c.req.header("authorization")
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]
  const token = bearer ?? (await getSignedCookie(c, cookie_secret, SESSION_COOKIE)) ?? undefined
  if (!token) return undefined
  const context = await verifyToken(token, jwt_secret)
  return context && !context.purpose ? context : undefined
}

/**
 * A secret key sent as HTTP Basic credentials (`base64("sk_…:")`, the key as user name, as
 * Medusa's js-sdk sends it; a bare `sk_…` is accepted too). Undefined when the header is not
 * a secret key at all; null when it is one but not a live key.
 */
export async function readSecretKey(c: Context<AppEnv>): Promise<AuthContext | null | undefined> {
  const credentials = c.req.header("authorization")?.match(/^Basic\s+(\S+)$/i)?.[1]
  if (!credentials) return undefined
  let token = credentials
  if (!token.startsWith("sk_")) {
    try {
      token = atob(credentials)
    } catch {
      return undefined
    }
  }
  token = token.replace(/:$/, "")
  if (!token.startsWith("sk_")) return undefined
  const key = await c.var.scope.resolve("apiKeyService").authenticateSecret(token)
  return key ? { actor_id: key.id, actor_type: "api-key", auth_identity_id: "", app_metadata: {} } : null
}

const unauthorized = (): never => {
  throw new MedusaError("unauthorized", "Unauthorized")
}

/**
 * Requires (or, with allowUnauthenticated, accepts) an actor of one type; for "user" (the
 * Admin API) a live secret API key stands in for a user, as in Medusa. A valid token of the
 * other actor type gets 403 on /admin and 401 elsewhere; a registration token (no actor yet)
 * passes only where allowUnregistered says so.
 */
export function authenticate(
  actor: ActorType,
  options: { allowUnauthenticated?: boolean; allowUnregistered?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (actor === "user") {
      const keyContext = await readSecretKey(c)
      if (keyContext === null) return unauthorized()
      if (keyContext) {
        c.set("auth", keyContext)
        return next()
      }
    }
    const context = await readAuth(c)
    if (context && context.actor_type === actor && (context.actor_id || options.allowUnregistered)) {
      if (actor === "user" && context.actor_id && !(await c.var.scope.resolve("userService").exists(context.actor_id)))
        return unauthorized()
      c.set("auth", context)
      return next()
    }
    if (options.allowUnauthenticated) return next()
    if (context && context.actor_type !== actor && actor === "user") {
      throw new MedusaError("forbidden", "Forbidden: an admin user is required")
    }
    return unauthorized()
  }
}
