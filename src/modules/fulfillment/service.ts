import { and, eq, ilike, inArray, isNull } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { escapeLike } from "../../core/query/filters"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import {
  fulfillmentProvider,
  fulfillmentSet,
  geoZone,
  locationFulfillmentProvider,
  locationFulfillmentSet,
  serviceZone,
  shippingOption,
  shippingOptionRule,
  shippingOptionType,
  shippingProfile,
} from "./schema"

export interface ShippingOptionInput {
  name: string
  service_zone_id: string
  shipping_profile_id: string
  provider_id: string
  price_type?: "flat" | "calculated"
  type: { label: string; description?: string; code: string }
  rules?: { attribute: string; operator: "eq" | "in" | "ne"; value: unknown }[]
  data?: Record<string, unknown>
  metadata?: Record<string, unknown> | null
}

/** Where and how orders ship: profiles, fulfillment sets per location, zones, options. */
/** A service zone's geo zones, one per country. */
export async function addCountryZones(db: Db, zoneId: string, countryCodes: string[]) {
  if (countryCodes.length === 0) return
  await db.insert(geoZone).values(
    countryCodes.map((code) => ({
      id: generateId("fgz"),
      type: "country" as const,
      country_code: code.toLowerCase(),
      service_zone_id: zoneId,
    })),
  )
}

export class FulfillmentService {
  constructor(private readonly db: Db) {}

  async createShippingProfile(input: { name: string; type?: string; metadata?: Record<string, unknown> | null }) {
    const [created] = await this.db
      .insert(shippingProfile)
      .values({
        id: generateId("sp"),
        name: input.name,
        type: input.type ?? "default",
        metadata: input.metadata ?? null,
      })
      .returning()
    return created!
  }

  /** Medusa's /admin/fulfillment-providers: registered providers, optionally those a location ships with. */
  async listProviders(
    filters: { id?: string[]; stock_location_id?: string[]; is_enabled?: boolean; q?: string } & DateFilters,
    ordering: Ordering,
    page: Page,
  ) {
    const atLocations = filters.stock_location_id
      ? inArray(
          fulfillmentProvider.id,
          this.db
            .select({ id: locationFulfillmentProvider.fulfillment_provider_id })
            .from(locationFulfillmentProvider)
            .where(inArray(locationFulfillmentProvider.stock_location_id, filters.stock_location_id)),
        )
      : undefined
    const where = and(
      filters.id ? inArray(fulfillmentProvider.id, filters.id) : undefined,
      filters.is_enabled !== undefined ? eq(fulfillmentProvider.is_enabled, filters.is_enabled) : undefined,
      filters.q ? ilike(fulfillmentProvider.id, `%${escapeLike(filters.q)}%`) : undefined,
      atLocations,
    )
    return listPage(
      this.db,
      fulfillmentProvider,
      where,
      orderBy(fulfillmentProvider, ordering, fulfillmentProvider.id),
      page,
      filters,
    )
  }

  /** Registers a provider (e.g. manual_manual) and lets a location ship with it. */
  async enableProviderAt(providerId: string, stockLocationId: string) {
    await this.db.insert(fulfillmentProvider).values({ id: providerId }).onConflictDoNothing()
    await this.db
      .insert(locationFulfillmentProvider)
      .values({ stock_location_id: stockLocationId, fulfillment_provider_id: providerId })
      .onConflictDoNothing()
  }

  /** A shipping fulfillment set at a location, with one service zone covering the countries. */
  async createShippingZone(input: {
    stock_location_id: string
    set_name: string
    zone_name: string
    country_codes: string[]
  }) {
    return this.db.transaction(async (tx) => {
      const fulfillment = new FulfillmentService(tx as unknown as Db)
      const set = await fulfillment.createFulfillmentSet(input.stock_location_id, {
        name: input.set_name,
        type: "shipping",
      })
      const zone = await fulfillment.createServiceZone(set.id, {
        name: input.zone_name,
        country_codes: input.country_codes,
      })
      return { fulfillment_set: set, service_zone: zone }
    })
  }

  async createFulfillmentSet(stockLocationId: string, input: { name: string; type: "shipping" | "pickup" }) {
    const [set] = await this.db
      .insert(fulfillmentSet)
      .values({ id: generateId("fuset"), ...input })
      .returning()
    await this.db
      .insert(locationFulfillmentSet)
      .values({ stock_location_id: stockLocationId, fulfillment_set_id: set!.id })
    return set!
  }

  async createServiceZone(fulfillmentSetId: string, input: { name: string; country_codes: string[] }) {
    const [set] = await this.db
      .select()
      .from(fulfillmentSet)
      .where(and(eq(fulfillmentSet.id, fulfillmentSetId), isNull(fulfillmentSet.deleted_at)))
    if (!set) throw new MedusaError("not_found", `Fulfillment set with id: ${fulfillmentSetId} was not found`)
    const [zone] = await this.db
      .insert(serviceZone)
      .values({ id: generateId("serzo"), name: input.name, fulfillment_set_id: fulfillmentSetId })
      .returning()
    await addCountryZones(this.db, zone!.id, input.country_codes)
    return zone!
  }

  /** A location's fulfillment sets with their zones and geo zones (the Admin API's nesting). */
  /** A fulfillment set with its zones and their geo zones; not_found when it is gone. */
  async retrieveFulfillmentSet(id: string) {
    const [set] = await this.setsJson([id])
    if (!set) throw new MedusaError("not_found", `Fulfillment set with id: ${id} was not found`)
    return set
  }

  private async setsJson(setIds: string[]) {
    if (setIds.length === 0) return []
    const sets = await this.db
      .select()
      .from(fulfillmentSet)
      .where(and(inArray(fulfillmentSet.id, setIds), isNull(fulfillmentSet.deleted_at)))
      .orderBy(fulfillmentSet.created_at)
    const zones = sets.length
      ? await this.db
          .select()
          .from(serviceZone)
          .where(
            and(
              inArray(
                serviceZone.fulfillment_set_id,
                sets.map((set) => set.id),
              ),
              isNull(serviceZone.deleted_at),
            ),
          )
          .orderBy(serviceZone.created_at)
      : []
    const geo = zones.length
      ? await this.db
          .select()
          .from(geoZone)
          .where(
            and(
              inArray(
                geoZone.service_zone_id,
                zones.map((zone) => zone.id),
              ),
              isNull(geoZone.deleted_at),
            ),
          )
      : []
    return sets.map((set) => ({
      ...set,
      service_zones: zones
        .filter((zone) => zone.fulfillment_set_id === set.id)
        .map((zone) => ({ ...zone, geo_zones: geo.filter((g) => g.service_zone_id === zone.id) })),
    }))
  }

  /**
   * Shipping options a cart may use: offered by a location that stocks the cart's channel, in a
   * zone covering the shipping country, with every rule met by the store context
   * (`is_return: "false"`, `enabled_in_store: "true"`).
   */
  async optionsForCart(input: { locationIds: string[]; countryCode?: string | null; optionIds?: string[] }) {
    if (input.locationIds.length === 0) return []
    const rows = await this.db
      .select({
        option: shippingOption,
        zone: serviceZone,
        set: fulfillmentSet,
        location_id: locationFulfillmentSet.stock_location_id,
        type: shippingOptionType,
      })
      .from(shippingOption)
      .innerJoin(serviceZone, and(eq(serviceZone.id, shippingOption.service_zone_id), isNull(serviceZone.deleted_at)))
      .innerJoin(
        fulfillmentSet,
        and(eq(fulfillmentSet.id, serviceZone.fulfillment_set_id), isNull(fulfillmentSet.deleted_at)),
      )
      .innerJoin(locationFulfillmentSet, eq(locationFulfillmentSet.fulfillment_set_id, fulfillmentSet.id))
      .leftJoin(shippingOptionType, eq(shippingOptionType.id, shippingOption.shipping_option_type_id))
      .where(
        and(
          isNull(shippingOption.deleted_at),
          inArray(locationFulfillmentSet.stock_location_id, input.locationIds),
          input.optionIds ? inArray(shippingOption.id, input.optionIds) : undefined,
        ),
      )
      .orderBy(shippingOption.created_at, shippingOption.id)
    if (rows.length === 0) return []
    const zoneIds = [...new Set(rows.map((row) => row.zone.id))]
    const optionIds = rows.map((row) => row.option.id)
    const zones = await this.db
      .select()
      .from(geoZone)
      .where(and(inArray(geoZone.service_zone_id, zoneIds), isNull(geoZone.deleted_at)))
    const rules = await this.db
      .select()
      .from(shippingOptionRule)
      .where(and(inArray(shippingOptionRule.shipping_option_id, optionIds), isNull(shippingOptionRule.deleted_at)))
    const country = input.countryCode?.toLowerCase()
    const context: Record<string, string> = { is_return: "false", enabled_in_store: "true" }
    return rows
      .filter(
        (row) =>
          !country || zones.some((zone) => zone.service_zone_id === row.zone.id && zone.country_code === country),
      )
      .filter((row) =>
        rules
          .filter((rule) => rule.shipping_option_id === row.option.id)
          .every((rule) => ruleHolds(rule.operator, rule.value, context[rule.attribute])),
      )
      .filter((row, i, all) => all.findIndex((other) => other.option.id === row.option.id) === i)
  }
}

function ruleHolds(operator: string, expected: unknown, actual: string | undefined): boolean {
  if (actual === undefined) return false
  const values = Array.isArray(expected) ? expected.map(String) : [String(expected)]
  switch (operator) {
    case "eq":
      return values[0] === actual
    case "ne":
      return values[0] !== actual
    case "in":
      return values.includes(actual)
    case "nin":
      return !values.includes(actual)
    default:
      return false
  }
}
