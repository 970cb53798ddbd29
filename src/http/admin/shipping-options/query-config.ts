import type { QueryContext } from "../../../core/query/context"
import { groupBy, type EntityGraph, type Relation, type Row } from "../../../core/query/graph"
import type { QueryConfig } from "../../../core/query/shape"

const options = (ctx: QueryContext) => ctx.scope.resolve("shippingOptionService")
const sets = (ctx: QueryContext) => ctx.scope.resolve("fulfillmentSetService")
const timestamps = ["metadata", "created_at", "updated_at", "deleted_at"]

/** A parent's one related row, found by a foreign key column among rows loaded by id. */
function belongsTo(
  key: string,
  target: () => EntityGraph<QueryContext>,
  byIds: (ids: string[], ctx: QueryContext) => Promise<object[]>,
): Relation<QueryContext> {
  return {
    many: false,
    target,
    load: async (parents, ctx) => {
      const related = new Map(
        ((await byIds([...new Set(parents.map((p) => p[key] as string).filter(Boolean))], ctx)) as Row[]).map((row) => [
          row.id,
          row,
        ]),
      )
      return new Map(
        parents.map((parent) => [
          parent.id,
          related.has(parent[key] as string) ? [related.get(parent[key] as string)!] : [],
        ]),
      )
    },
  }
}

export const shippingOptionRuleGraph: EntityGraph<QueryContext> = {
  fields: ["attribute", "operator", "value", "shipping_option_id", "created_at", "updated_at", "deleted_at"],
  relations: {},
}
const typeGraph: EntityGraph<QueryContext> = { fields: ["label", "description", "code", ...timestamps], relations: {} }
const profileGraph: EntityGraph<QueryContext> = { fields: ["name", "type", ...timestamps], relations: {} }
const priceGraph: EntityGraph<QueryContext> = {
  fields: [
    "amount",
    "currency_code",
    "min_quantity",
    "max_quantity",
    "price_set_id",
    "rules",
    "shipping_option_id",
    "created_at",
    "updated_at",
  ],
  relations: {},
}
const locationGraph: EntityGraph<QueryContext> = { fields: ["name", "address_id", ...timestamps], relations: {} }
const fulfillmentSetGraph: EntityGraph<QueryContext> = {
  fields: ["name", "type", ...timestamps],
  relations: {
    // The stock location the set belongs to (Medusa's location ↔ fulfillment set link).
    location: {
      many: false,
      target: () => locationGraph,
      load: async (rows, ctx) => {
        const links = await sets(ctx).locationLinksOfSets(rows.map((row) => row.id))
        const ids = [...new Set(links.map((link) => link.stock_location_id))]
        const locations = ids.length
          ? (
              await ctx.scope
                .resolve("stockLocationService")
                .list({ id: ids }, { field: "id", direction: "asc" }, { limit: ids.length, offset: 0 })
            ).rows
          : []
        const byId = new Map(locations.map((location) => [location.id, location as unknown as Row]))
        return new Map(
          rows.map((row) => {
            const link = links.find((candidate) => candidate.fulfillment_set_id === row.id)
            return [row.id, link && byId.has(link.stock_location_id) ? [byId.get(link.stock_location_id)!] : []]
          }),
        )
      },
    },
  },
}
const serviceZoneGraph: EntityGraph<QueryContext> = {
  fields: ["name", "fulfillment_set_id", ...timestamps],
  relations: {
    fulfillment_set: belongsTo(
      "fulfillment_set_id",
      () => fulfillmentSetGraph,
      (ids, ctx) => sets(ctx).setsByIds(ids),
    ),
  },
}

export const shippingOptionGraph: EntityGraph<QueryContext> = {
  fields: [
    "name",
    "price_type",
    "service_zone_id",
    "shipping_profile_id",
    "provider_id",
    "shipping_option_type_id",
    "data",
    ...timestamps,
  ],
  relations: {
    rules: {
      many: true,
      target: () => shippingOptionRuleGraph,
      load: async (rows, ctx) =>
        groupBy((await options(ctx).rulesOf(rows.map((row) => row.id))) as Row[], "shipping_option_id"),
    },
    prices: {
      many: true,
      target: () => priceGraph,
      load: (rows, ctx) => ctx.scope.resolve("pricingService").pricesOfShippingOptions(rows.map((row) => row.id)),
    },
    type: belongsTo(
      "shipping_option_type_id",
      () => typeGraph,
      (ids, ctx) => options(ctx).typesByIds(ids),
    ),
    service_zone: belongsTo(
      "service_zone_id",
      () => serviceZoneGraph,
      (ids, ctx) => sets(ctx).zonesByIds(ids),
    ),
    shipping_profile: belongsTo(
      "shipping_profile_id",
      () => profileGraph,
      (ids, ctx) => ctx.scope.resolve("shippingProfileService").byIds(ids),
    ),
  },
}

/** Medusa's defaultAdminShippingOptionFields (its provider relation aside). */
export const adminShippingOptionQuery: QueryConfig = {
  graph: shippingOptionGraph,
  defaults: ["id", ...shippingOptionGraph.fields, "*rules", "*type", "*prices", "*service_zone", "*shipping_profile"],
  maxDepth: 3,
}

export const adminShippingOptionRuleQuery: QueryConfig = {
  graph: shippingOptionRuleGraph,
  defaults: ["id", ...shippingOptionRuleGraph.fields],
  maxDepth: 1,
}
