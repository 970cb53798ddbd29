import { and, inArray, isNull, eq } from "drizzle-orm"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { salesChannelStockLocation, stockLocation, stockLocationAddress } from "./schema"

export class StockLocationService {
  constructor(private readonly db: Db) {}

  /** Locations that stock any of the channels. */
  async locationIdsForChannels(salesChannelIds: string[]): Promise<string[]> {
    const rows = await this.db
      .select({ id: salesChannelStockLocation.stock_location_id })
      .from(salesChannelStockLocation)
      .innerJoin(stockLocation, and(eq(stockLocation.id, salesChannelStockLocation.stock_location_id), isNull(stockLocation.deleted_at)))
      .where(inArray(salesChannelStockLocation.sales_channel_id, salesChannelIds))
    return [...new Set(rows.map((row) => row.id))]
  }

  async create(input: { name: string; address: typeof stockLocationAddress.$inferInsert extends infer A ? Omit<A, "id"> : never }) {
    return this.db.transaction(async (tx) => {
      const [address] = await tx.insert(stockLocationAddress).values({ ...input.address, id: generateId("laddr") }).returning()
      const [location] = await tx.insert(stockLocation).values({ id: generateId("sloc"), name: input.name, address_id: address!.id }).returning()
      return location!
    })
  }

  async linkSalesChannels(locationId: string, salesChannelIds: string[]) {
    if (salesChannelIds.length === 0) return
    await this.db
      .insert(salesChannelStockLocation)
      .values(salesChannelIds.map((sales_channel_id) => ({ sales_channel_id, stock_location_id: locationId })))
      .onConflictDoNothing()
  }
}
