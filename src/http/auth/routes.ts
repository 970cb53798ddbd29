import { Hono, type Context } from "hono"
import { clientAddress } from "../../core/client-address"
import { deleteCookie, setSignedCookie } from "hono/cookie"
import { createMiddleware } from "hono/factory"
import { z } from "zod"
import { signToken, verifyToken, type ActorType, type AuthContext } from "../../core/auth/jwt"
import { readAuth, SESSION_COOKIE } from "../middlewares/authenticate"
import { MedusaError, TooManyRequestsError } from "../../core/errors"
import { body, noBody, query } from "../../core/input"
import { noQuery } from "../../core/query/params"
import type { AppEnv } from "../../core/types"
import {
  generateResetPasswordToken,
  INVALID_RESET_TOKEN,
  registerEmailpass,
  resetPassword,
} from "../../flows/auth/emailpass"
import type { AuthIdentity } from "../../modules/auth/service"
import { metadataObject } from "../../core/metadata"

const ACTORS = ["customer", "user"] as const
const credentials = z.strictObject({
  email: z.email({ error: "email must be an email address" }).max(320),
  password: z.string({ error: "password is required" }).min(1, { error: "password is required" }).max(1024),
})

const resetPasswordBody = z.strictObject({
  identifier: z.string({ error: "identifier is required" }).min(1).max(320),
  metadata: metadataObject.optional(),
})
const updatePasswordBody = z.strictObject({ password: credentials.shape.password, email: z.string().optional() })
/** The reset token comes as a Bearer header or, from a mailed link, as `?token=`. */
const updatePasswordQuery = z.looseObject({ token: z.string().optional() })

/** The actor of a `/:actor/:provider` route, checked by `emailpass` first. */
const actorOf = (c: Context<AppEnv>) => c.req.param("actor") as ActorType

/** Only emailpass, for customers and users: anything else is refused before the body is read. */
const emailpass = createMiddleware<AppEnv>(async (c, next) => {
  const actor = c.req.param("actor")
  const provider = c.req.param("provider")
  if (!ACTORS.includes(actor as ActorType) || provider !== "emailpass") {
    throw new MedusaError("not_allowed", `The auth provider ${provider} is not allowed for actor type ${actor}`)
  }
  await next()
})

const unauthorized = (message = "Unauthorized") => new MedusaError("unauthorized", message)

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
      throw new TooManyRequestsError(Math.max(1, Math.ceil((reset - Date.now()) / 1000)))
    }
  }
}

const identities = (c: Context<AppEnv>) => c.var.scope.resolve("authService")

export const authRoutes = new Hono<AppEnv>()
  .post("/token/refresh", noBody, async (c) => {
    const context = await readAuth(c)
    if (!context) throw unauthorized()
    const identity = await identities(c).retrieve(context.auth_identity_id)
    if (!identity) throw unauthorized()
    return c.json({ token: await tokenFor(c, identity, context.actor_type) })
  })
  .post("/session", noBody, async (c) => {
    const header = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]
    const { jwt_secret, cookie_secret } = c.var.config.projectConfig
    const context = header ? await verifyToken(header, jwt_secret) : undefined
    if (!context || context.purpose) throw unauthorized()
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
  .get("/mfa/factors", query(noQuery), async (c) => {
    if (!(await readAuth(c))) throw unauthorized()
    return c.json({ mfa_factors: [] })
  })
  // The dashboard asks which login forms to show; emailpass is the one provider here.
  .get("/:actor/providers", query(noQuery), (c) => {
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
  .post("/:actor/:provider/register", emailpass, body(credentials), async (c) => {
    const { email, password } = c.req.valid("json")
    await limit(c, "register", email)
    const identity = await registerEmailpass(c.var.scope, email, password)
    return c.json({ token: await tokenFor(c, identity, actorOf(c)) })
  })
  .post("/:actor/:provider/reset-password", emailpass, body(resetPasswordBody), async (c) => {
    const { identifier, metadata } = c.req.valid("json")
    await limit(c, "reset", identifier)
    const secret = c.var.config.projectConfig.jwt_secret
    await generateResetPasswordToken(c.var.scope, { identifier, actor: actorOf(c), metadata, secret })
    // The same answer whether or not the email is known.
    return c.body(null, 201)
  })
  .post("/:actor/:provider/update", emailpass, body(updatePasswordBody), query(updatePasswordQuery), async (c) => {
    const { password } = c.req.valid("json")
    const token = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1] ?? c.req.valid("query").token
    const context = token ? await verifyToken(token, c.var.config.projectConfig.jwt_secret) : undefined
    if (context?.purpose !== "reset" || !context.jti || !context.exp) throw unauthorized(INVALID_RESET_TOKEN)
    await resetPassword(
      c.var.scope,
      { jti: context.jti, exp: context.exp, auth_identity_id: context.auth_identity_id },
      password,
    )
    return c.json({ success: true })
  })
  .on(["POST", "GET"], "/:actor/:provider", emailpass, body(credentials), async (c) => {
    const { email, password } = c.req.valid("json")
    await limit(c, "login", email)
    const identity = await identities(c).authenticate(email, password)
    if (!identity) throw unauthorized("Invalid email or password")
    return c.json({ token: await tokenFor(c, identity, actorOf(c)) })
  })
