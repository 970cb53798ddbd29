import { Hono, type Context } from "hono"
import { z } from "zod"
import { authenticate } from "../../../core/auth/middleware"
import { validateBody } from "../../../core/body"
import { generateUnguessableId } from "../../../core/ids"
import type { Scope } from "../../../core/container"
import { MedusaError } from "../../../core/errors"
import { listQuery, noQuery, oneOrMany, parseOrder, retrieveQuery, validateQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { UserEvents } from "../../../modules/user/events"
import type { UserService } from "../../../modules/user/service"
import { metadata } from "../../../core/metadata"

const INVITE_DAYS = 7
const userJson = ({ deleted_at: _d, ...user }: Awaited<ReturnType<UserService["retrieve"]>>) => user

/** Accepting an invite is the one admin route a registration token (no user yet) may call. */
export const acceptInviteRoute = new Hono<AppEnv>().post(
  "/invites/accept",
  authenticate("user", { allowUnregistered: true }),
  async (c) => {
    const { token } = validateQuery(c, z.object({ token: z.string({ error: "token is required" }).min(1) }))
    const body = await validateBody(
      c,
      z.strictObject({ first_name: z.string().max(200).nullish(), last_name: z.string().max(200).nullish() }),
    )
    const created = await transaction(c.var.scope, async (tx) => {
      const users = tx.resolve("userService")
      const invite = await users.retrieveOpenInvite(token)
      const user = await users.create({ email: invite.email, first_name: body.first_name, last_name: body.last_name })
      await users.markAccepted(invite.id)
      await tx.resolve("authService").linkActor(c.var.auth!.auth_identity_id, { user_id: user.id })
      await emitEvent(tx, UserEvents.CREATED, { id: user.id })
      return user
    })
    return c.json({ user: userJson(created) })
  },
)

const users = (scope: Scope) => scope.resolve("userService")
const adminUserQuery = entityQuery([
  "email",
  "first_name",
  "last_name",
  "avatar_url",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
])
const adminInviteQuery = entityQuery([
  "email",
  "accepted",
  "token",
  "expires_at",
  "metadata",
  "created_at",
  "updated_at",
])
const fieldsQuery = z.object(retrieveQuery)
const updateUserBody = z.strictObject({
  first_name: z.string().max(200).nullish(),
  last_name: z.string().max(200).nullish(),
  avatar_url: z.url().nullish(),
  metadata,
})
const inviteExpiry = () => new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000)

/** As in Medusa, an admin changes or deletes only their own user; others are managed by invites. */
function assertSelf(c: Context<AppEnv>, action: string) {
  if (c.var.auth!.actor_id !== c.req.param("id"))
    throw new MedusaError("not_allowed", `You are not allowed to ${action} other users`)
}

export const adminUserRoutes = new Hono<AppEnv>()
  .get("/users/me", async (c) => {
    const { fields } = validateQuery(c, fieldsQuery)
    return retrieveResponse(c, "user", adminUserQuery, fields, () => users(c.var.scope).retrieve(c.var.auth!.actor_id))
  })
  .get("/users", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(
      c,
      z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), email: oneOrMany.optional() }),
    )
    const ordering = parseOrder(order, ["created_at", "updated_at", "email", "first_name", "last_name", "id"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "users", adminUserQuery, { fields, limit, offset }, () =>
      users(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .get("/users/:id/auth-providers", async (c) => {
    validateQuery(c, noQuery)
    const user = await c.var.scope.resolve("userService").retrieve(c.req.param("id"))
    return c.json({ providers: await c.var.scope.resolve("authService").providersOfActor("user_id", user.id) })
  })
  .get("/users/:id", async (c) => {
    const { fields } = validateQuery(c, fieldsQuery)
    return retrieveResponse(c, "user", adminUserQuery, fields, () => users(c.var.scope).retrieve(c.req.param("id")))
  })
  .post("/users/:id", async (c) => {
    assertSelf(c, "update")
    const body = await validateBody(c, updateUserBody)
    const { fields } = validateQuery(c, fieldsQuery)
    await transaction(c.var.scope, async (tx) => {
      await users(tx).update(c.req.param("id"), body)
      await emitEvent(tx, UserEvents.UPDATED, { id: c.req.param("id") })
    })
    return retrieveResponse(c, "user", adminUserQuery, fields, () => users(c.var.scope).retrieve(c.req.param("id")))
  })
  .delete("/users/:id", async (c) => {
    assertSelf(c, "delete")
    await transaction(c.var.scope, async (tx) => {
      await users(tx).softDelete(c.req.param("id"))
      await tx.resolve("authService").unlinkActor("user_id", c.req.param("id"))
      await emitEvent(tx, UserEvents.DELETED, { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "user", deleted: true })
  })
  .get("/invites", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(c, z.object({ ...listQuery, id: oneOrMany.optional(), email: oneOrMany.optional() }))
    const ordering = parseOrder(order, ["created_at", "updated_at", "email", "expires_at", "id"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "invites", adminInviteQuery, { fields, limit, offset }, () =>
      users(c.var.scope).listInvites(filters, ordering, { limit, offset }),
    )
  })
  .post("/invites", async (c) => {
    const { email } = await validateBody(
      c,
      z.strictObject({ email: z.email({ error: "email must be an email address" }) }),
    )
    const invite = await transaction(c.var.scope, async (tx) => {
      const created = await users(tx).createInvite(email, generateUnguessableId("invtok"), inviteExpiry())
      await emitEvent(tx, UserEvents.INVITE_CREATED, { id: created.id })
      return created
    })
    return c.json({ invite })
  })
  .get("/invites/:id", async (c) => {
    const { fields } = validateQuery(c, fieldsQuery)
    return retrieveResponse(c, "invite", adminInviteQuery, fields, () =>
      users(c.var.scope).retrieveInvite(c.req.param("id")),
    )
  })
  .post("/invites/:id/resend", async (c) => {
    const invite = await transaction(c.var.scope, async (tx) => {
      const renewed = await users(tx).renewInvite(c.req.param("id"), generateUnguessableId("invtok"), inviteExpiry())
      await emitEvent(tx, UserEvents.INVITE_RESENT, { id: renewed.id })
      return renewed
    })
    return c.json({ invite })
  })
  .delete("/invites/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await users(tx).softDeleteInvite(c.req.param("id"))
      await emitEvent(tx, UserEvents.INVITE_DELETED, { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "invite", deleted: true })
  })
