import { and, isNull, eq } from "drizzle-orm"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { salesChannel } from "./schema"

export class SalesChannelService {
  constructor(private readonly db: Db) {}

  async create(input: { name: string; description?: string }) {
    const [created] = await this.db.insert(salesChannel).values({ id: generateId("sc"), ...input }).returning()
    return created!
  }

  async retrieveByName(name: string) {
    const [found] = await this.db.select().from(salesChannel).where(and(eq(salesChannel.name, name), isNull(salesChannel.deleted_at)))
    return found
  }
}
