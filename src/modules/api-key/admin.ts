import { Hono } from "hono"
import { z } from "zod"
import { validateBody } from "../../core/body"
import { listQuery, oneOrMany, validateQuery, idList } from "../../core/query/params"
import { transaction } from "../../core/transaction"
import type { AppEnv } from "../../core/types"
import { emitEvent } from "../../infra/event-outbox-service"
import type { SalesChannelService } from "../sales-channel/service"
import type { ApiKeyService } from "./service"

type Scope = AppEnv["Variables"]["scope"]
type Key = Awaited<ReturnType<ApiKeyService["retrieve"]>>
const keys = (scope: Scope) => scope.resolve<ApiKeyService>("apiKeyService")
const ids = idList()

/** A key as the Admin API shows it: a secret key's token never again after creation (only its hash is kept). */
function keyJson(key: Key, salesChannelIds?: string[]) {
  const { deleted_at: _d, ...fields } = key
  return {
    ...fields,
    token: key.type === "secret" ? "" : key.token,
    ...(salesChannelIds ? { sales_channels: salesChannelIds.map((id) => ({ id })) } : {}),
  }
}

async function respondKey(scope: Scope, id: string) {
  const key = await keys(scope).retrieve(id)
  return { api_key: keyJson(key, (await keys(scope).salesChannelIdsOf([id])).get(id)) }
}

/** Medusa's /admin/api-keys: publishable and secret keys, revocation, sales channels of a publishable key. */
export const adminApiKeyRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order: _order, fields: _fields, ...filters } = validateQuery(
      c,
      z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), type: z.enum(["publishable", "secret"]).optional() }),
    )
    const { rows, count } = await keys(c.var.scope).list(filters, { limit, offset })
    return c.json({ api_keys: rows.map((row) => keyJson(row)), count, offset, limit })
  })
  .post("/", async (c) => {
    const body = await validateBody(c, z.strictObject({ title: z.string().min(1).max(200), type: z.enum(["publishable", "secret"]) }))
    const created = await transaction(c.var.scope, async (tx) => {
      const createdBy = c.var.auth!.actor_id
      const key =
        body.type === "secret"
          ? await keys(tx).createSecret({ title: body.title, created_by: createdBy })
          : await keys(tx).createPublishable({ title: body.title, sales_channel_ids: [], created_by: createdBy })
      await emitEvent(tx, "api-key.created", { id: key.id })
      return key
    })
    // The one time a secret key's token is shown.
    return c.json({ api_key: { ...keyJson(created as Key), token: created.token } })
  })
  .get("/:id", async (c) => c.json(await respondKey(c.var.scope, c.req.param("id"))))
  .post("/:id", async (c) => {
    const body = await validateBody(c, z.strictObject({ title: z.string().min(1).max(200) }))
    await transaction(c.var.scope, (tx) => keys(tx).update(c.req.param("id"), body))
    return c.json(await respondKey(c.var.scope, c.req.param("id")))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, (tx) => keys(tx).softDelete(c.req.param("id")))
    return c.json({ id: c.req.param("id"), object: "api_key", deleted: true })
  })
  .post("/:id/revoke", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await keys(tx).retrieve(c.req.param("id"))
      await keys(tx).revoke(c.req.param("id"), c.var.auth!.actor_id)
      await emitEvent(tx, "api-key.revoked", { id: c.req.param("id") })
    })
    return c.json(await respondKey(c.var.scope, c.req.param("id")))
  })
  .post("/:id/sales-channels", async (c) => {
    const { add, remove } = await validateBody(c, z.strictObject({ add: ids, remove: ids }))
    await transaction(c.var.scope, async (tx) => {
      // Every channel added must exist: a key pointing at nothing would fail every store request later.
      for (const id of add) await tx.resolve<SalesChannelService>("salesChannelService").retrieve(id)
      await keys(tx).linkSalesChannels(c.req.param("id"), add, remove)
    })
    return c.json(await respondKey(c.var.scope, c.req.param("id")))
  })
