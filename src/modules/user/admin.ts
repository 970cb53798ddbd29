import { Hono } from "hono"
import { z } from "zod"
import { authenticate } from "../../core/auth/middleware"
import { validateBody } from "../../core/body"
import { generateUnguessableId } from "../../core/ids"
import { listQuery, parseOrder, validateQuery } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import type { AuthService } from "../auth/service"
import { UserEvents } from "./events"
import type { UserService } from "./service"

const INVITE_DAYS = 7
const userJson = ({ deleted_at: _d, ...user }: Awaited<ReturnType<UserService["retrieve"]>>) => user

/** Accepting an invite is the one admin route a registration token (no user yet) may call. */
export const acceptInviteRoute = new Hono<AppEnv>().post("/invites/accept", authenticate("user", { allowUnregistered: true }), async (c) => {
  const { token } = validateQuery(c, z.object({ token: z.string({ error: "token is required" }).min(1) }))
  const body = await validateBody(c, z.strictObject({ first_name: z.string().max(200).nullish(), last_name: z.string().max(200).nullish() }))
  const created = await transaction(c.var.scope, async (tx) => {
    const users = tx.resolve<UserService>("userService")
    const invite = await users.retrieveOpenInvite(token)
    const user = await users.create({ email: invite.email, first_name: body.first_name, last_name: body.last_name })
    await users.markAccepted(invite.id)
    await tx.resolve<AuthService>("authService").linkActor(c.var.auth!.auth_identity_id, { user_id: user.id })
    await emitEvent(tx, UserEvents.CREATED, { id: user.id })
    return user
  })
  return c.json({ user: userJson(created) })
})

export const adminUserRoutes = new Hono<AppEnv>()
  .get("/users/me", async (c) => c.json({ user: userJson(await c.var.scope.resolve<UserService>("userService").retrieve(c.var.auth!.actor_id)) }))
  .get("/users", async (c) => {
    const { limit = 20, offset = 0, order } = validateQuery(c, z.object(listQuery))
    const ordering = parseOrder(order, ["created_at", "email", "id"], { field: "created_at", direction: "asc" })
    const { rows, count } = await c.var.scope.resolve<UserService>("userService").list(ordering, { limit, offset })
    return c.json({ users: rows.map(userJson), count, offset, limit })
  })
  .get("/users/:id", async (c) => c.json({ user: userJson(await c.var.scope.resolve<UserService>("userService").retrieve(c.req.param("id"))) }))
  .post("/invites", async (c) => {
    const { email } = await validateBody(c, z.strictObject({ email: z.email({ error: "email must be an email address" }) }))
    const expires = new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000)
    const invite = await transaction(c.var.scope, async (tx) => {
      const created = await tx.resolve<UserService>("userService").createInvite(email, generateUnguessableId("invtok"), expires)
      await emitEvent(tx, UserEvents.INVITE_CREATED, { id: created.id })
      return created
    })
    return c.json({ invite })
  })
