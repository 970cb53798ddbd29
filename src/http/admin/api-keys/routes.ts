import { Hono, type Context } from "hono"
import { z } from "zod"
import { validateBody } from "../../../core/body"
import type { Scope } from "../../../core/container"
import type { Row } from "../../../core/query/graph"
import { listQuery, oneOrMany, validateQuery, idList, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import type { ApiKeyService } from "../../../modules/api-key/service"

type Key = Awaited<ReturnType<ApiKeyService["retrieve"]>>
const keys = (scope: Scope) => scope.resolve("apiKeyService")
const ids = idList()
const fieldsQuery = z.object(retrieveQuery)

/** The channels of each key, whole: two statements for a page of keys. */
async function channelsOfKeys(keyIds: string[], scope: Scope): Promise<Map<string, Row[]>> {
  const idsByKey = await keys(scope).salesChannelIdsOf(keyIds)
  const channelIds = [...new Set([...idsByKey.values()].flat())]
  const { rows } = channelIds.length
    ? await scope
        .resolve("salesChannelService")
        .list({ id: channelIds }, { field: "created_at", direction: "asc" }, { limit: channelIds.length, offset: 0 })
    : { rows: [] }
  const byId = new Map(rows.map((row) => [row.id, row as Row]))
  return new Map([...idsByKey].map(([keyId, channelIds]) => [keyId, channelIds.flatMap((id) => byId.get(id) ?? [])]))
}

const adminApiKeyQuery = entityQuery(
  [
    "token",
    "redacted",
    "title",
    "type",
    "last_used_at",
    "created_by",
    "revoked_by",
    "revoked_at",
    "created_at",
    "updated_at",
    "deleted_at",
  ],
  {
    sales_channels: {
      many: true,
      target: () => ({
        fields: ["name", "description", "is_disabled", "metadata", "created_at", "updated_at"],
        relations: {},
      }),
      load: (rows, ctx) =>
        channelsOfKeys(
          rows.map((row) => row.id),
          ctx.scope,
        ),
    },
  },
)

/** A key as the Admin API shows it: a secret key's token never again after creation (only its hash is kept). */
const keyJson = (key: Key): Row => ({ ...key, token: key.type === "secret" ? "" : key.token })

function respondKey(c: Context<AppEnv>, id: string, fields?: string) {
  return retrieveResponse(c, "api_key", adminApiKeyQuery, fields, async () =>
    keyJson(await keys(c.var.scope).retrieve(id)),
  )
}

/** Medusa's /admin/api-keys: publishable and secret keys, revocation, sales channels of a publishable key. */
export const adminApiKeyRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(
      c,
      z.object({
        ...listQuery,
        q: z.string().optional(),
        id: oneOrMany.optional(),
        type: z.enum(["publishable", "secret"]).optional(),
      }),
    )
    return listResponse(c, "api_keys", adminApiKeyQuery, { fields, limit, offset }, async () => {
      const { rows, count } = await keys(c.var.scope).list(filters, orderingFor(adminApiKeyQuery, order), {
        limit,
        offset,
      })
      return { rows: rows.map(keyJson), count }
    })
  })
  .post("/", async (c) => {
    const body = await validateBody(
      c,
      z.strictObject({ title: z.string().min(1).max(200), type: z.enum(["publishable", "secret"]) }),
    )
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
    return retrieveResponse(c, "api_key", adminApiKeyQuery, undefined, async () => created as Row)
  })
  .get("/:id", async (c) => respondKey(c, c.req.param("id"), validateQuery(c, fieldsQuery).fields))
  .post("/:id", async (c) => {
    const body = await validateBody(c, z.strictObject({ title: z.string().min(1).max(200) }))
    await transaction(c.var.scope, async (tx) => {
      await keys(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "api-key.updated", { id: c.req.param("id") })
    })
    return respondKey(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await keys(tx).softDelete(c.req.param("id"))
      await emitEvent(tx, "api-key.deleted", { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "api_key", deleted: true })
  })
  .post("/:id/revoke", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await keys(tx).retrieve(c.req.param("id"))
      await keys(tx).revoke(c.req.param("id"), c.var.auth!.actor_id)
      await emitEvent(tx, "api-key.revoked", { id: c.req.param("id") })
    })
    return respondKey(c, c.req.param("id"))
  })
  .post("/:id/sales-channels", async (c) => {
    const { add, remove } = await validateBody(c, z.strictObject({ add: ids, remove: ids }))
    await transaction(c.var.scope, async (tx) => {
      // Every channel added must exist: a key pointing at nothing would fail every store request later.
      for (const id of add) await tx.resolve("salesChannelService").retrieve(id)
      await keys(tx).linkSalesChannels(c.req.param("id"), add, remove)
      await emitEvent(tx, "api-key.updated", { id: c.req.param("id") })
    })
    return respondKey(c, c.req.param("id"))
  })
