import type { QueryContext } from "../../../core/query/context"
import type { EntityGraph, Row } from "../../../core/query/graph"
import { childrenBy, throughLinks } from "../../../core/query/relations"
import type { QueryConfig } from "../../../core/query/shape"
import { shippingOptionGraph } from "../shipping-options/query-config"

type Graph = EntityGraph<QueryContext>
const sets = (ctx: QueryContext) => ctx.scope.resolve("fulfillmentSetService")
const DATES = ["metadata", "created_at", "updated_at", "deleted_at"]
const leaf = (fields: string[]): Graph => ({ fields, relations: {} })

const serviceZoneGraph: Graph = {
  fields: ["name", "fulfillment_set_id", ...DATES],
  relations: {
    geo_zones: childrenBy(
      "service_zone_id",
      () => leaf(["type", "country_code", "province_code", "city", "postal_expression", "service_zone_id", ...DATES]),
      (ids, ctx) => sets(ctx).geoZonesOf(ids),
    ),
    shipping_options: childrenBy(
      "service_zone_id",
      () => shippingOptionGraph,
      (ids, ctx) => sets(ctx).liveOptionsOfZones(ids),
    ),
  },
}

const fulfillmentSetGraph: Graph = {
  fields: ["name", "type", ...DATES],
  relations: {
    service_zones: childrenBy(
      "fulfillment_set_id",
      () => serviceZoneGraph,
      (ids, ctx) => sets(ctx).liveZonesOfSets(ids),
    ),
  },
}

const ADDRESS_FIELDS = [
  "address_1",
  "address_2",
  "company",
  "city",
  "country_code",
  "phone",
  "province",
  "postal_code",
  ...DATES,
]

const stockLocationGraph: Graph = {
  fields: ["name", "address_id", ...DATES],
  relations: {
    // The service reads the address with the location; this only hands it on (no statement).
    address: {
      many: false,
      target: () => leaf(ADDRESS_FIELDS),
      load: async (parents) => new Map(parents.map((p) => [p.id, p.address ? [p.address as Row] : []])),
    },
    sales_channels: throughLinks(
      () => leaf(["name", "description", "is_disabled", ...DATES]),
      (ids, ctx) => ctx.scope.resolve("stockLocationService").salesChannelLinksOf(ids),
      (link) => ({ from: link.stock_location_id, to: link.sales_channel_id }),
      (ids, ctx) => ctx.scope.resolve("salesChannelService").byIds(ids),
    ),
    fulfillment_providers: throughLinks(
      () => leaf(["is_enabled"]),
      (ids, ctx) => sets(ctx).providerLinksOfLocations(ids),
      (link) => ({ from: link.stock_location_id, to: link.fulfillment_provider_id }),
      (ids, ctx) => sets(ctx).providersByIds(ids),
    ),
    fulfillment_sets: throughLinks(
      () => fulfillmentSetGraph,
      (ids, ctx) => sets(ctx).setLinksOfLocations(ids),
      (link) => ({ from: link.stock_location_id, to: link.fulfillment_set_id }),
      (ids, ctx) => sets(ctx).setsByIds(ids),
    ),
  },
}

/** Medusa's admin stock location defaults: its columns and address (fields add the rest). */
export const adminStockLocationQuery: QueryConfig = {
  graph: stockLocationGraph,
  defaults: [
    "id",
    "name",
    "metadata",
    "created_at",
    "updated_at",
    "deleted_at",
    "address_id",
    "*address",
    "*fulfillment_sets",
    "*fulfillment_sets.service_zones",
    "*fulfillment_sets.service_zones.geo_zones",
  ],
  maxDepth: 5,
}
