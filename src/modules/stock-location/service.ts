import { and, eq, inArray, isNull, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { salesChannelStockLocation, stockLocation, stockLocationAddress } from "./schema"

type AddressInput = Omit<typeof stockLocationAddress.$inferInsert, "id">

export class StockLocationService {
  constructor(private readonly db: Db) {}

  /** Locations that stock any of the channels. */
  async locationIdsForChannels(salesChannelIds: string[]): Promise<string[]> {
    const rows = await this.db
      .select({ id: salesChannelStockLocation.stock_location_id })
      .from(salesChannelStockLocation)
      .innerJoin(
        stockLocation,
        and(eq(stockLocation.id, salesChannelStockLocation.stock_location_id), isNull(stockLocation.deleted_at)),
      )
      .where(inArray(salesChannelStockLocation.sales_channel_id, salesChannelIds))
    return [...new Set(rows.map((row) => row.id))]
  }

  async create(input: { name: string; address?: AddressInput; metadata?: Record<string, unknown> | null }) {
    return this.db.transaction(async (tx) => {
      const [address] = input.address
        ? await tx
            .insert(stockLocationAddress)
            .values({ ...input.address, id: generateId("laddr") })
            .returning()
        : []
      const [location] = await tx
        .insert(stockLocation)
        .values({
          id: generateId("sloc"),
          name: input.name,
          metadata: input.metadata ?? null,
          address_id: address?.id ?? null,
        })
        .returning()
      return location!
    })
  }

  /** Renames the location and replaces its address fields (creating the address if it has none). */
  async update(
    id: string,
    input: { name?: string; address?: AddressInput; metadata?: Record<string, unknown> | null },
  ) {
    const current = await this.retrieve(id)
    let addressId = current.address_id
    if (input.address && addressId) {
      await this.db
        .update(stockLocationAddress)
        .set({ ...input.address, updated_at: new Date() })
        .where(eq(stockLocationAddress.id, addressId))
    } else if (input.address) {
      const [address] = await this.db
        .insert(stockLocationAddress)
        .values({ ...input.address, id: generateId("laddr") })
        .returning()
      addressId = address!.id
    }
    await this.db
      .update(stockLocation)
      .set({ name: input.name, metadata: input.metadata, address_id: addressId, updated_at: new Date() })
      .where(eq(stockLocation.id, id))
  }

  /** Soft-deletes the location; its sales channels stop stocking from it. */
  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(stockLocation).set({ deleted_at: new Date() }).where(eq(stockLocation.id, id))
    await this.db.delete(salesChannelStockLocation).where(eq(salesChannelStockLocation.stock_location_id, id))
  }

  async list(
    filters: { id?: string[]; name?: string[]; q?: string } & DateFilters,
    ordering: Ordering,
    page: { limit: number; offset: number },
  ) {
    const conditions: (SQL | undefined)[] = [isNull(stockLocation.deleted_at)]
    if (filters.id) conditions.push(inArray(stockLocation.id, filters.id))
    if (filters.name) conditions.push(inArray(stockLocation.name, filters.name))
    if (filters.q) conditions.push(searchAny([stockLocation.name], filters.q))
    const { rows, count } = await listPage(
      this.db,
      stockLocation,
      and(...conditions),
      orderBy(stockLocation, ordering, stockLocation.id),
      page,
      filters,
    )
    const addresses = await this.addresses(rows.map((row) => row.address_id))
    return {
      rows: rows.map((row) => ({ ...row, address: (row.address_id && addresses.get(row.address_id)) || null })),
      count,
    }
  }

  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(stockLocation)
      .where(and(eq(stockLocation.id, id), isNull(stockLocation.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Stock location with id: ${id} was not found`)
    const addresses = await this.addresses([found.address_id])
    return { ...found, address: (found.address_id && addresses.get(found.address_id)) || null }
  }

  private async addresses(ids: (string | null)[]) {
    const wanted = ids.filter((id): id is string => !!id)
    const rows = wanted.length
      ? await this.db.select().from(stockLocationAddress).where(inArray(stockLocationAddress.id, wanted))
      : []
    return new Map(rows.map((row) => [row.id, row]))
  }

  async salesChannelLinksOf(locationIds: string[]) {
    return this.db
      .select()
      .from(salesChannelStockLocation)
      .where(inArray(salesChannelStockLocation.stock_location_id, locationIds))
  }

  async unlinkSalesChannels(locationId: string, salesChannelIds: string[]) {
    if (salesChannelIds.length === 0) return
    await this.db
      .delete(salesChannelStockLocation)
      .where(
        and(
          eq(salesChannelStockLocation.stock_location_id, locationId),
          inArray(salesChannelStockLocation.sales_channel_id, salesChannelIds),
        ),
      )
  }

  async linkSalesChannels(locationId: string, salesChannelIds: string[]) {
    if (salesChannelIds.length === 0) return
    await this.db
      .insert(salesChannelStockLocation)
      .values(salesChannelIds.map((sales_channel_id) => ({ sales_channel_id, stock_location_id: locationId })))
      .onConflictDoNothing()
  }
}
