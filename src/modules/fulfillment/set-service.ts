import { and, asc, eq, inArray, isNull } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import type { Db } from "../../infra/db"
import {
  fulfillmentProvider,
  fulfillmentSet,
  geoZone,
  locationFulfillmentProvider,
  locationFulfillmentSet,
  serviceZone,
  shippingOption,
} from "./schema"
import { addCountryZones } from "./service"

/**
 * Edits and removals of fulfillment sets and their service zones. Removal is soft and cascades
 * as Medusa's does: a set takes its zones, a zone its geo zones and shipping options. Each removal
 * answers the ids of the shipping options that went with it, for their events.
 */
export class FulfillmentSetService {
  constructor(private readonly db: Db) {}

  async retrieveServiceZone(setId: string, zoneId: string) {
    const [zone] = await this.db
      .select()
      .from(serviceZone)
      .where(and(eq(serviceZone.id, zoneId), eq(serviceZone.fulfillment_set_id, setId), isNull(serviceZone.deleted_at)))
    if (!zone) throw new MedusaError("not_found", `Service zone with id: ${zoneId} was not found`)
    const geo_zones = await this.db
      .select()
      .from(geoZone)
      .where(and(eq(geoZone.service_zone_id, zoneId), isNull(geoZone.deleted_at)))
    return { ...zone, geo_zones }
  }

  /** Zones by id, removed ones included (an option keeps showing where it shipped from). */
  async zonesByIds(ids: string[]) {
    if (ids.length === 0) return []
    return this.db.select().from(serviceZone).where(inArray(serviceZone.id, ids))
  }

  /** Batch loaders of the stock location graph: a location's sets, a set's zones, a zone's areas and options. */
  async setLinksOfLocations(locationIds: string[]) {
    return this.db
      .select()
      .from(locationFulfillmentSet)
      .where(inArray(locationFulfillmentSet.stock_location_id, locationIds))
  }

  async locationLinksOfSets(setIds: string[]) {
    if (setIds.length === 0) return []
    return this.db
      .select()
      .from(locationFulfillmentSet)
      .where(inArray(locationFulfillmentSet.fulfillment_set_id, setIds))
  }

  async providerLinksOfLocations(locationIds: string[]) {
    return this.db
      .select()
      .from(locationFulfillmentProvider)
      .where(inArray(locationFulfillmentProvider.stock_location_id, locationIds))
  }

  async providersByIds(ids: string[]) {
    if (ids.length === 0) return []
    return this.db.select().from(fulfillmentProvider).where(inArray(fulfillmentProvider.id, ids))
  }

  async liveZonesOfSets(setIds: string[]) {
    return this.db
      .select()
      .from(serviceZone)
      .where(and(inArray(serviceZone.fulfillment_set_id, setIds), isNull(serviceZone.deleted_at)))
      .orderBy(asc(serviceZone.created_at))
  }

  async geoZonesOf(zoneIds: string[]) {
    return this.db
      .select()
      .from(geoZone)
      .where(and(inArray(geoZone.service_zone_id, zoneIds), isNull(geoZone.deleted_at)))
  }

  async liveOptionsOfZones(zoneIds: string[]) {
    return this.db
      .select()
      .from(shippingOption)
      .where(and(inArray(shippingOption.service_zone_id, zoneIds), isNull(shippingOption.deleted_at)))
      .orderBy(asc(shippingOption.created_at))
  }

  async setsByIds(ids: string[]) {
    if (ids.length === 0) return []
    return this.db.select().from(fulfillmentSet).where(inArray(fulfillmentSet.id, ids))
  }

  /** Renames the zone; `country_codes`, when given, replace its geo zones. */
  async updateServiceZone(setId: string, zoneId: string, input: { name?: string; country_codes?: string[] }) {
    await this.retrieveServiceZone(setId, zoneId)
    await this.db
      .update(serviceZone)
      .set({ name: input.name, updated_at: new Date() })
      .where(eq(serviceZone.id, zoneId))
    if (!input.country_codes) return
    await this.db
      .update(geoZone)
      .set({ deleted_at: new Date() })
      .where(and(eq(geoZone.service_zone_id, zoneId), isNull(geoZone.deleted_at)))
    await addCountryZones(this.db, zoneId, input.country_codes)
  }

  async deleteServiceZone(setId: string, zoneId: string): Promise<string[]> {
    await this.retrieveServiceZone(setId, zoneId)
    return this.softDeleteZones([zoneId])
  }

  async deleteFulfillmentSet(id: string): Promise<string[]> {
    const [deleted] = await this.db
      .update(fulfillmentSet)
      .set({ deleted_at: new Date() })
      .where(and(eq(fulfillmentSet.id, id), isNull(fulfillmentSet.deleted_at)))
      .returning({ id: fulfillmentSet.id })
    if (!deleted) throw new MedusaError("not_found", `Fulfillment set with id: ${id} was not found`)
    return this.softDeleteZonesOfSets([id])
  }

  /** A deleted location's sets go with it. */
  async deleteSetsOfLocation(stockLocationId: string): Promise<string[]> {
    const links = await this.db
      .delete(locationFulfillmentSet)
      .where(eq(locationFulfillmentSet.stock_location_id, stockLocationId))
      .returning()
    const setIds = links.map((link) => link.fulfillment_set_id)
    if (setIds.length === 0) return []
    await this.db
      .update(fulfillmentSet)
      .set({ deleted_at: new Date() })
      .where(and(inArray(fulfillmentSet.id, setIds), isNull(fulfillmentSet.deleted_at)))
    return this.softDeleteZonesOfSets(setIds)
  }

  private async softDeleteZonesOfSets(setIds: string[]) {
    const zones = await this.db
      .select({ id: serviceZone.id })
      .from(serviceZone)
      .where(and(inArray(serviceZone.fulfillment_set_id, setIds), isNull(serviceZone.deleted_at)))
    return this.softDeleteZones(zones.map((zone) => zone.id))
  }

  private async softDeleteZones(zoneIds: string[]): Promise<string[]> {
    if (zoneIds.length === 0) return []
    const now = new Date()
    await this.db.update(serviceZone).set({ deleted_at: now }).where(inArray(serviceZone.id, zoneIds))
    await this.db
      .update(geoZone)
      .set({ deleted_at: now })
      .where(and(inArray(geoZone.service_zone_id, zoneIds), isNull(geoZone.deleted_at)))
    const options = await this.db
      .update(shippingOption)
      .set({ deleted_at: now })
      .where(and(inArray(shippingOption.service_zone_id, zoneIds), isNull(shippingOption.deleted_at)))
      .returning({ id: shippingOption.id })
    return options.map((option) => option.id)
  }
}
