import { Hono, type Context } from "hono"
import { clientAddress } from "../../core/client-address"
import { deleteCookie, setSignedCookie } from "hono/cookie"
import { z } from "zod"
import { signToken, verifyToken, type ActorType, type AuthContext } from "../../core/auth/jwt"
import { readAuth, SESSION_COOKIE } from "../../core/auth/middleware"
import { validateBody } from "../../core/body"
import { noQuery, validateQuery } from "../../core/query/params"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import { AuthEvents } from "../../modules/auth/events"
import type { AuthIdentity } from "../../modules/auth/service"
import { metadataObject } from "../../core/metadata"

const ACTORS = ["customer", "user"] as const
const credentials = z.strictObject({
  email: z.email({ error: "email must be an email address" }).max(320),
  password: z.string({ error: "password is required" }).min(1, { error: "password is required" }).max(1024),
})

function actorOf(c: Context<AppEnv>): ActorType {
  const actor = c.req.param("actor")
  const provider = c.req.param("provider")
  if (!ACTORS.includes(actor as ActorType) || provider !== "emailpass") {
    throw new MedusaError("not_allowed", `The auth provider ${provider} is not allowed for actor type ${actor}`)
  }
  return actor as ActorType
}

/** A token for the identity as the actor: actor_id is empty until a customer or user is linked. */
async function tokenFor(c: Context<AppEnv>, identity: AuthIdentity, actor: ActorType) {
  const { jwt_secret, jwt_expires_in } = c.var.config.projectConfig
  const actorId = (identity.app_metadata as Record<string, string | undefined>)[`${actor}_id`] ?? ""
  return signToken(
    {
      actor_id: actorId,
      actor_type: actor,
      auth_identity_id: identity.id,
      auth_provider: "emailpass",
      app_metadata: identity.app_metadata,
      user_metadata: {},
    },
    jwt_secret,
    jwt_expires_in,
  )
}

/** Login, register and reset are limited per client IP and per email; over the limit is a 429 with Retry-After. */
async function limit(c: Context<AppEnv>, action: string, email: string) {
  const { per_ip, per_email, window_seconds } = c.var.config.projectConfig.auth_rate_limit
  const limiter = c.var.scope.resolve("rateLimiterService")
  const ip = clientAddress(c)
  for (const [rule, key] of [
    [{ name: `${action}:ip`, limit: per_ip, windowSeconds: window_seconds }, ip],
    [{ name: `${action}:email`, limit: per_email, windowSeconds: window_seconds }, email.toLowerCase()],
  ] as const) {
    const { success, reset } = await limiter.limit(rule, key)
    if (!success) {
      const seconds = Math.max(1, Math.ceil((reset - Date.now()) / 1000))
      return c.json({ type: "too_many_requests", message: `Too many attempts, try again in ${seconds} seconds` }, 429, {
        "Retry-After": String(seconds),
      })
    }
  }
  return undefined
}

const identities = (c: Context<AppEnv>) => c.var.scope.resolve("authService")

export const authRoutes = new Hono<AppEnv>()
  .post("/token/refresh", async (c) => {
    const context = await readAuth(c)
    if (!context) return c.json({ type: "unauthorized", message: "Unauthorized" }, 401)
    const identity = await identities(c).retrieve(context.auth_identity_id)
    if (!identity) return c.json({ type: "unauthorized", message: "Unauthorized" }, 401)
    return c.json({ token: await tokenFor(c, identity, context.actor_type) })
  })
  .post("/session", async (c) => {
    const header = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]
    const { jwt_secret, cookie_secret } = c.var.config.projectConfig
    const context = header ? await verifyToken(header, jwt_secret) : undefined
    if (!context || context.purpose) return c.json({ type: "unauthorized", message: "Unauthorized" }, 401)
    await setSignedCookie(c, SESSION_COOKIE, header!, cookie_secret, {
      httpOnly: true,
      sameSite: "Lax",
      secure: c.var.config.isProduction,
      path: "/",
      maxAge: 10 * 60 * 60,
    })
    const { iat: _iat, exp: _exp, ...user } = context as AuthContext & { iat?: number; exp?: number }
    return c.json({ user })
  })
  .delete("/session", async (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: "/" })
    return c.json({ success: true })
  })
  // No second factors here: the list is empty for whoever is logged in (before /:actor/:provider takes the path).
  .get("/mfa/factors", async (c) => {
    validateQuery(c, noQuery)
    if (!(await readAuth(c))) return c.json({ type: "unauthorized", message: "Unauthorized" }, 401)
    return c.json({ mfa_factors: [] })
  })
  // The dashboard asks which login forms to show; emailpass is the one provider here.
  .get("/:actor/providers", (c) => {
    validateQuery(c, noQuery)
    if (!ACTORS.includes(c.req.param("actor") as ActorType)) return c.json({ providers: [] })
    return c.json({
      providers: [
        {
          id: "emailpass",
          identifier: "emailpass",
          display_name: "Email/Password Authentication",
          flow: "credentials",
        },
      ],
    })
  })
  .post("/:actor/:provider/register", async (c) => {
    const actor = actorOf(c)
    const { email, password } = await validateBody(c, credentials)
    const limited = await limit(c, "register", email)
    if (limited) return limited
    const identity = await transaction(c.var.scope, async (tx) => {
      const created = await tx.resolve("authService").registerEmailpass(email, password)
      if (!created) throw new MedusaError("unauthorized", "Identity with email already exists")
      return created
    })
    return c.json({ token: await tokenFor(c, identity, actor) })
  })
  .post("/:actor/:provider/reset-password", async (c) => {
    const actor = actorOf(c)
    const { identifier, metadata } = await validateBody(
      c,
      z.strictObject({
        identifier: z.string({ error: "identifier is required" }).min(1).max(320),
        metadata: metadataObject.optional(),
      }),
    )
    const limited = await limit(c, "reset", identifier)
    if (limited) return limited
    const found = await identities(c).findEmailpass(identifier)
    if (found) {
      // Short-lived and single-use: a subscriber mails it; /update spends it.
      const token = await signToken(
        { actor_id: "", actor_type: actor, auth_identity_id: found.identity.id, purpose: "reset" },
        c.var.config.projectConfig.jwt_secret,
        "15m",
        generateUnguessableId("reset"),
      )
      await emitEvent(c.var.scope, AuthEvents.PASSWORD_RESET, {
        entity_id: found.provider.entity_id,
        actor_type: actor,
        token,
        metadata: metadata ?? {},
      })
    }
    // The same answer whether or not the email is known.
    return c.body(null, 201)
  })
  .post("/:actor/:provider/update", async (c) => {
    actorOf(c)
    const { password } = await validateBody(
      c,
      z.strictObject({ password: credentials.shape.password, email: z.string().optional() }),
    )
    const token = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1] ?? c.req.query("token")
    const context = token ? await verifyToken(token, c.var.config.projectConfig.jwt_secret) : undefined
    if (context?.purpose !== "reset" || !context.jti || !context.exp) {
      return c.json({ type: "unauthorized", message: "Invalid or expired password reset token" }, 401)
    }
    await transaction(c.var.scope, async (tx) => {
      const auth = tx.resolve("authService")
      if (!(await auth.spendToken(context.jti!, new Date(context.exp! * 1000)))) {
        throw new MedusaError("unauthorized", "Invalid or expired password reset token")
      }
      const identity = await auth.retrieve(context.auth_identity_id)
      const provider = identity ? await auth.findEmailpassById(identity.id) : undefined
      if (!provider) throw new MedusaError("unauthorized", "Invalid or expired password reset token")
      await auth.setPassword(provider.entity_id, password)
    })
    return c.json({ success: true })
  })
  .on(["POST", "GET"], "/:actor/:provider", async (c) => {
    const actor = actorOf(c)
    const { email, password } = await validateBody(c, credentials)
    const limited = await limit(c, "login", email)
    if (limited) return limited
    const identity = await identities(c).authenticate(email, password)
    if (!identity) return c.json({ type: "unauthorized", message: "Invalid email or password" }, 401)
    return c.json({ token: await tokenFor(c, identity, actor) })
  })
