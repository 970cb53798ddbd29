import type { QueryContext } from "../../core/query/context"
import { groupBy, type EntityGraph, type Row } from "../../core/query/graph"
import type { QueryConfig } from "../../core/query/shape"

const supportedCurrencyGraph: EntityGraph<QueryContext> = {
  fields: ["currency_code", "is_default", "store_id", "created_at", "updated_at", "deleted_at"],
  relations: {},
  computed: {
    // Medusa keeps a currency's tax-inclusive flag as a price preference, not on the store.
    is_tax_inclusive: async (rows, ctx) => {
      const codes = [...new Set(rows.map((row) => row.currency_code as string))]
      const preferences = await ctx.scope.resolve("pricingService").preferencesOf("currency_code", codes)
      for (const row of rows) row.is_tax_inclusive = preferences.get(row.currency_code as string) ?? false
    },
  },
}

const storeGraph: EntityGraph<QueryContext> = {
  fields: [
    "name",
    "default_sales_channel_id",
    "default_region_id",
    "default_location_id",
    "metadata",
    "created_at",
    "updated_at",
    "deleted_at",
  ],
  relations: {
    supported_currencies: {
      many: true,
      target: () => supportedCurrencyGraph,
      load: async (rows, ctx) =>
        groupBy((await ctx.scope.resolve("storeService").currenciesOf(rows.map((row) => row.id))) as Row[], "store_id"),
    },
  },
}

export const adminStoreQuery: QueryConfig = {
  graph: storeGraph,
  defaults: [
    "id",
    "name",
    "default_sales_channel_id",
    "default_region_id",
    "default_location_id",
    "metadata",
    "created_at",
    "updated_at",
    "*supported_currencies",
  ],
  maxDepth: 2,
}
