import { and, eq, isNull, sql } from "drizzle-orm"
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
        sales_channel_ids: sql<string[]>`coalesce(array_agg(${publishableApiKeySalesChannel.sales_channel_id}) filter (where ${publishableApiKeySalesChannel.sales_channel_id} is not null), '{}')`,
      })
      .from(apiKey)
      .leftJoin(publishableApiKeySalesChannel, eq(publishableApiKeySalesChannel.publishable_key_id, apiKey.id))
      .where(and(eq(apiKey.token, token), eq(apiKey.type, "publishable"), isNull(apiKey.deleted_at)))
      .groupBy(apiKey.id)
    return found
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
    return this.db.select().from(apiKey).where(and(eq(apiKey.type, "publishable"), isNull(apiKey.deleted_at))).orderBy(apiKey.created_at)
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
          .values(input.sales_channel_ids.map((sales_channel_id) => ({ publishable_key_id: created!.id, sales_channel_id })))
      }
      return created!
    })
  }
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("")
}

function redact(token: string): string {
  return `${token.slice(0, 6)}***${token.slice(-3)}`
}
