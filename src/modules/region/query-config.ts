import type { QueryContext } from "../../core/query/context"
import type { EntityGraph } from "../../core/query/graph"
import type { QueryConfig } from "../../core/query/shape"

const regions = (ctx: QueryContext) => ctx.scope.resolve("regionService")

const countryGraph: EntityGraph<QueryContext> = {
  fields: ["iso_2", "iso_3", "num_code", "name", "display_name", "region_id"],
  relations: {},
}

const paymentProviderGraph: EntityGraph<QueryContext> = { fields: ["is_enabled"], relations: {} }

export const regionGraph: EntityGraph<QueryContext> = {
  fields: ["name", "currency_code", "automatic_taxes", "metadata", "created_at", "updated_at", "deleted_at"],
  relations: {
    countries: {
      many: true,
      target: () => countryGraph,
      load: (rows, ctx) => regions(ctx).countriesOf(rows.map((row) => row.id)),
    },
    payment_providers: {
      many: true,
      target: () => paymentProviderGraph,
      load: (rows, ctx) => regions(ctx).paymentProvidersOf(rows.map((row) => row.id)),
    },
  },
}

export const storeRegionQuery: QueryConfig = {
  graph: regionGraph,
  defaults: ["id", "name", "currency_code", "created_at", "updated_at", "deleted_at", "metadata", "*countries"],
  maxDepth: 3,
}

export const REGION_ORDER_FIELDS = ["id", "name", "currency_code", "created_at", "updated_at"] as const
