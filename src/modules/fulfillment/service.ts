import { and, eq, inArray, isNull } from "drizzle-orm"
import { generateId } from "../../core/ids"
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
}

/** Where and how orders ship: profiles, fulfillment sets per location, zones, options. */
export class FulfillmentService {
  constructor(private readonly db: Db) {}

  async createShippingProfile(input: { name: string; type?: string }) {
    const [created] = await this.db.insert(shippingProfile).values({ id: generateId("sp"), name: input.name, type: input.type ?? "default" }).returning()
    return created!
  }

  /** Registers a provider (e.g. manual_manual) and lets a location ship with it. */
  async enableProviderAt(providerId: string, stockLocationId: string) {
    await this.db.insert(fulfillmentProvider).values({ id: providerId }).onConflictDoNothing()
    await this.db.insert(locationFulfillmentProvider).values({ stock_location_id: stockLocationId, fulfillment_provider_id: providerId }).onConflictDoNothing()
  }

  /** A shipping fulfillment set at a location, with one service zone covering the countries. */
  async createShippingZone(input: { stock_location_id: string; set_name: string; zone_name: string; country_codes: string[] }) {
    return this.db.transaction(async (tx) => {
      const [set] = await tx.insert(fulfillmentSet).values({ id: generateId("fuset"), name: input.set_name, type: "shipping" }).returning()
      await tx.insert(locationFulfillmentSet).values({ stock_location_id: input.stock_location_id, fulfillment_set_id: set!.id })
      const [zone] = await tx.insert(serviceZone).values({ id: generateId("serzo"), name: input.zone_name, fulfillment_set_id: set!.id }).returning()
      await tx.insert(geoZone).values(
        input.country_codes.map((code) => ({ id: generateId("fgz"), type: "country" as const, country_code: code.toLowerCase(), service_zone_id: zone!.id })),
      )
      return { fulfillment_set: set!, service_zone: zone! }
    })
  }

  async createShippingOption(input: ShippingOptionInput) {
    return this.db.transaction(async (tx) => {
      const [type] = await tx.insert(shippingOptionType).values({ id: generateId("sotype"), ...input.type }).returning()
      const [option] = await tx
        .insert(shippingOption)
        .values({
          id: generateId("so"),
          name: input.name,
          price_type: input.price_type ?? "flat",
          service_zone_id: input.service_zone_id,
          shipping_profile_id: input.shipping_profile_id,
          provider_id: input.provider_id,
          shipping_option_type_id: type!.id,
          data: input.data ?? null,
        })
        .returning()
      if (input.rules?.length) {
        await tx.insert(shippingOptionRule).values(input.rules.map((rule) => ({ id: generateId("sorul"), shipping_option_id: option!.id, ...rule })))
      }
      return option!
    })
  }

  /**
   * Shipping options a cart may use: offered by a location that stocks the cart's channel, in a
   * zone covering the shipping country, with every rule met by the store context
   * (`is_return: "false"`, `enabled_in_store: "true"`).
   */
  async optionsForCart(input: { locationIds: string[]; countryCode?: string | null; optionIds?: string[] }) {
    if (input.locationIds.length === 0) return []
    const rows = await this.db
      .select({ option: shippingOption, zone: serviceZone, set: fulfillmentSet, location_id: locationFulfillmentSet.stock_location_id, type: shippingOptionType })
      .from(shippingOption)
      .innerJoin(serviceZone, and(eq(serviceZone.id, shippingOption.service_zone_id), isNull(serviceZone.deleted_at)))
      .innerJoin(fulfillmentSet, and(eq(fulfillmentSet.id, serviceZone.fulfillment_set_id), isNull(fulfillmentSet.deleted_at)))
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
    const zones = await this.db.select().from(geoZone).where(and(inArray(geoZone.service_zone_id, zoneIds), isNull(geoZone.deleted_at)))
    const rules = await this.db
      .select()
      .from(shippingOptionRule)
      .where(and(inArray(shippingOptionRule.shipping_option_id, optionIds), isNull(shippingOptionRule.deleted_at)))
    const country = input.countryCode?.toLowerCase()
    const context: Record<string, string> = { is_return: "false", enabled_in_store: "true" }
    return rows
      .filter((row) => !country || zones.some((zone) => zone.service_zone_id === row.zone.id && zone.country_code === country))
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
