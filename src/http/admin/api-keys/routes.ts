import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, noBody, query } from "../../../core/input"
import type { Scope } from "../../../core/container"
import type { Row } from "../../../core/query/graph"
import { idList, listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  createApiKey,
  deleteApiKey,
  linkSalesChannelsToApiKey,
  revokeApiKey,
  updateApiKey,
} from "../../../flows/api-key/api-keys"
import type { ApiKeyService } from "../../../modules/api-key/service"

type Key = Awaited<ReturnType<ApiKeyService["retrieve"]>>
const keys = (scope: Scope) => scope.resolve("apiKeyService")
const ids = idList()
const fieldsQuery = z.object(retrieveQuery)
const listKeysQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  type: z.enum(["publishable", "secret"]).optional(),
})
const title = z.string().min(1).max(200)
const createKeyBody = z.strictObject({ title, type: z.enum(["publishable", "secret"]) })
const updateKeyBody = z.strictObject({ title })
const linkChannelsBody = z.strictObject({ add: ids, remove: ids })

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
  .get("/", query(listKeysQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "api_keys", adminApiKeyQuery, { fields, limit, offset }, async () => {
      const { rows, count } = await keys(c.var.scope).list(filters, orderingFor(adminApiKeyQuery, order), {
        limit,
        offset,
      })
      return { rows: rows.map(keyJson), count }
    })
  })
  .post("/", body(createKeyBody), async (c) => {
    const created = await createApiKey(c.var.scope, { ...c.req.valid("json"), created_by: c.var.auth!.actor_id })
    // The one time a secret key's token is shown.
    return retrieveResponse(c, "api_key", adminApiKeyQuery, undefined, async () => created as Row)
  })
  .get("/:id", query(fieldsQuery), async (c) => respondKey(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(updateKeyBody), async (c) => {
    await updateApiKey(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondKey(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteApiKey(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "api_key", deleted: true })
  })
  .post("/:id/revoke", noBody, async (c) => {
    await revokeApiKey(c.var.scope, c.req.param("id"), c.var.auth!.actor_id)
    return respondKey(c, c.req.param("id"))
  })
  .post("/:id/sales-channels", body(linkChannelsBody), async (c) => {
    await linkSalesChannelsToApiKey(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respondKey(c, c.req.param("id"))
  })
