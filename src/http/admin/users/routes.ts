import { Hono } from "hono"
import { createMiddleware } from "hono/factory"
import { z } from "zod"
import { authenticate } from "../../middlewares/authenticate"
import type { Scope } from "../../../core/container"
import { MedusaError } from "../../../core/errors"
import { body, noBody, query } from "../../../core/input"
import { listQuery, noQuery, oneOrMany, parseOrder, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { acceptInvite, createInvite, deleteInvite, refreshInviteToken } from "../../../flows/user/invite"
import { deleteUser, updateUser } from "../../../flows/user/user"
import type { UserService } from "../../../modules/user/service"
import { metadata } from "../../../core/metadata"

const userJson = ({ deleted_at: _d, ...user }: Awaited<ReturnType<UserService["retrieve"]>>) => user

/** Accepting an invite is the one admin route a registration token (no user yet) may call. */
export const acceptInviteRoute = new Hono<AppEnv>().post(
  "/invites/accept",
  authenticate("user", { allowUnregistered: true }),
  body(z.strictObject({ first_name: z.string().max(200).nullish(), last_name: z.string().max(200).nullish() })),
  query(z.object({ token: z.string({ error: "token is required" }).min(1) })),
  async (c) => {
    const { token } = c.req.valid("query")
    const user = await acceptInvite(c.var.scope, c.var.auth!.auth_identity_id, token, c.req.valid("json"))
    return c.json({ user: userJson(user) })
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
const listUsersQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  email: oneOrMany.optional(),
})
const listInvitesQuery = z.object({ ...listQuery, id: oneOrMany.optional(), email: oneOrMany.optional() })
const inviteBody = z.strictObject({ email: z.email({ error: "email must be an email address" }) })

/** As in Medusa, an admin changes or deletes only their own user; others are managed by invites. Checked before the body. */
const onlySelf = (action: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.var.auth!.actor_id !== c.req.param("id"))
      throw new MedusaError("not_allowed", `You are not allowed to ${action} other users`)
    await next()
  })

export const adminUserRoutes = new Hono<AppEnv>()
  .get("/users/me", query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "user", adminUserQuery, fields, () => users(c.var.scope).retrieve(c.var.auth!.actor_id))
  })
  .get("/users", query(listUsersQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["created_at", "updated_at", "email", "first_name", "last_name", "id"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "users", adminUserQuery, { fields, limit, offset }, () =>
      users(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .get("/users/:id/auth-providers", query(noQuery), async (c) => {
    const user = await users(c.var.scope).retrieve(c.req.param("id"))
    return c.json({ providers: await c.var.scope.resolve("authService").providersOfActor("user_id", user.id) })
  })
  .get("/users/:id", query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "user", adminUserQuery, fields, () => users(c.var.scope).retrieve(c.req.param("id")))
  })
  .post("/users/:id", onlySelf("update"), body(updateUserBody), query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    await updateUser(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return retrieveResponse(c, "user", adminUserQuery, fields, () => users(c.var.scope).retrieve(c.req.param("id")))
  })
  .delete("/users/:id", onlySelf("delete"), async (c) => {
    await deleteUser(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "user", deleted: true })
  })
  .get("/invites", query(listInvitesQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(order, ["created_at", "updated_at", "email", "expires_at", "id"], {
      field: "created_at",
      direction: "asc",
    })
    return listResponse(c, "invites", adminInviteQuery, { fields, limit, offset }, () =>
      users(c.var.scope).listInvites(filters, ordering, { limit, offset }),
    )
  })
  .post("/invites", body(inviteBody), async (c) => {
    return c.json({ invite: await createInvite(c.var.scope, c.req.valid("json").email) })
  })
  .get("/invites/:id", query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "invite", adminInviteQuery, fields, () =>
      users(c.var.scope).retrieveInvite(c.req.param("id")),
    )
  })
  .post("/invites/:id/resend", noBody, async (c) => {
    return c.json({ invite: await refreshInviteToken(c.var.scope, c.req.param("id")) })
  })
  .delete("/invites/:id", async (c) => {
    await deleteInvite(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "invite", deleted: true })
  })
