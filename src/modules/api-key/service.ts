import { and, eq, gt, ilike, inArray, isNull, or, sql } from "drizzle-orm"
import type { Ordering } from "../../core/query/params"
import { MedusaError } from "../../core/errors"
import { escapeLike } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters } from "../../core/query/page"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { apiKey, publishableApiKeySalesChannel } from "./schema"

export interface PublishableKeyContext {
  id: string
  revoked_at: Date | null
  sales_channel_ids: string[]
}

export class ApiKeyService {
  constructor(private readonly db: Db) {}

  /** The key and its sales channels in one statement: every store request asks this. */
  async retrievePublishable(token: string): Promise<PublishableKeyContext | undefined> {
    const [found] = await this.db
      .select({
        id: apiKey.id,
        revoked_at: apiKey.revoked_at,
        sales_channel_ids: sql<
          string[]
        >`coalesce(array_agg(${publishableApiKeySalesChannel.sales_channel_id}) filter (where ${publishableApiKeySalesChannel.sales_channel_id} is not null), '{}')`,
      })
      .from(apiKey)
      .leftJoin(publishableApiKeySalesChannel, eq(publishableApiKeySalesChannel.publishable_key_id, apiKey.id))
      .where(and(eq(apiKey.token, token), eq(apiKey.type, "publishable"), isNull(apiKey.deleted_at)))
      .groupBy(apiKey.id)
    return found
  }

  /** The live (not revoked, not deleted) secret key whose token this is, by its hash. */
  async authenticateSecret(token: string): Promise<{ id: string } | undefined> {
    const [found] = await this.db
      .select({ id: apiKey.id })
      .from(apiKey)
      .where(
        and(
          eq(apiKey.token, await sha256Hex(token)),
          eq(apiKey.type, "secret"),
          isNull(apiKey.deleted_at),
          or(isNull(apiKey.revoked_at), gt(apiKey.revoked_at, sql`now()`)),
        ),
      )
    return found
  }

  async list(
    filters: { type?: "publishable" | "secret"; q?: string; id?: string[] } & DateFilters,
    ordering: Ordering,
    page: { limit: number; offset: number },
  ) {
    const conditions = [isNull(apiKey.deleted_at)]
    if (filters.type) conditions.push(eq(apiKey.type, filters.type))
    if (filters.id) conditions.push(inArray(apiKey.id, filters.id))
    if (filters.q) conditions.push(ilike(apiKey.title, `%${escapeLike(filters.q)}%`))
    return listPage(this.db, apiKey, and(...conditions), orderBy(apiKey, ordering, apiKey.id), page, filters)
  }

  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(apiKey)
      .where(and(eq(apiKey.id, id), isNull(apiKey.deleted_at)))
    if (!found) throw new MedusaError("not_found", `API key with id: ${id} was not found`)
    return found
  }

  /** A secret key: its token is answered once and kept only as a SHA-256 hash. */
  async createSecret(input: { title: string; created_by?: string }) {
    const token = `sk_${randomHex(32)}`
    const [created] = await this.db
      .insert(apiKey)
      .values({
        id: generateId("apk"),
        token: await sha256Hex(token),
        redacted: redact(token),
        title: input.title,
        type: "secret",
        created_by: input.created_by ?? "",
      })
      .returning()
    return { ...created!, token }
  }

  async update(id: string, input: { title?: string }) {
    await this.retrieve(id)
    const [updated] = await this.db
      .update(apiKey)
      .set({ ...input, updated_at: new Date() })
      .where(eq(apiKey.id, id))
      .returning()
    return updated!
  }

  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(apiKey).set({ deleted_at: new Date() }).where(eq(apiKey.id, id))
  }

  async linkSalesChannels(keyId: string, add: string[], remove: string[]) {
    const key = await this.retrieve(keyId)
    if (key.type !== "publishable")
      throw new MedusaError("invalid_data", "Sales channels can only be associated with publishable API keys")
    if (add.length) {
      await this.db
        .insert(publishableApiKeySalesChannel)
        .values(add.map((sales_channel_id) => ({ publishable_key_id: keyId, sales_channel_id })))
        .onConflictDoNothing()
    }
    if (remove.length) {
      await this.db
        .delete(publishableApiKeySalesChannel)
        .where(
          and(
            eq(publishableApiKeySalesChannel.publishable_key_id, keyId),
            inArray(publishableApiKeySalesChannel.sales_channel_id, remove),
          ),
        )
    }
  }

  async salesChannelIdsOf(keyIds: string[]): Promise<Map<string, string[]>> {
    const rows = keyIds.length
      ? await this.db
          .select()
          .from(publishableApiKeySalesChannel)
          .where(inArray(publishableApiKeySalesChannel.publishable_key_id, keyIds))
      : []
    const result = new Map<string, string[]>(keyIds.map((id) => [id, []]))
    for (const row of rows) result.get(row.publishable_key_id)!.push(row.sales_channel_id)
    return result
  }

  async revoke(id: string, revokedBy = "") {
    const [revoked] = await this.db
      .update(apiKey)
      .set({ revoked_at: new Date(), revoked_by: revokedBy, updated_at: new Date() })
      .where(eq(apiKey.id, id))
      .returning()
    return revoked!
  }

  async listPublishable() {
    return this.db
      .select()
      .from(apiKey)
      .where(and(eq(apiKey.type, "publishable"), isNull(apiKey.deleted_at)))
      .orderBy(apiKey.created_at)
  }

  async createPublishable(input: { title: string; sales_channel_ids: string[]; created_by?: string }) {
    const token = `pk_${randomHex(32)}`
    return this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(apiKey)
        .values({
          id: generateId("apk"),
          token,
          redacted: redact(token),
          title: input.title,
          type: "publishable",
          created_by: input.created_by ?? "",
        })
        .returning()
      if (input.sales_channel_ids.length > 0) {
        await tx
          .insert(publishableApiKeySalesChannel)
          .values(
            input.sales_channel_ids.map((sales_channel_id) => ({ publishable_key_id: created!.id, sales_channel_id })),
          )
      }
      return created!
    })
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("")
}

function redact(token: string): string {
  return `${token.slice(0, 6)}***${token.slice(-3)}`
}
