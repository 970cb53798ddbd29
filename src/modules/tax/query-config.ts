import type { QueryContext } from "../../core/query/context"
import type { EntityGraph, Relation, Row } from "../../core/query/graph"
import type { QueryConfig } from "../../core/query/shape"

type Graph = EntityGraph<QueryContext>
const taxes = (ctx: QueryContext) => ctx.scope.resolve("taxAdminService")
const DATES = ["created_at", "updated_at", "deleted_at"] as const

/** A to-one relation through the parent's `key` column. */
function belongsTo(key: string, target: () => Graph): Relation<QueryContext> {
  return {
    many: false,
    target,
    async load(rows, ctx) {
      const ids = [...new Set(rows.map((row) => row[key] as string | null).filter((id): id is string => !!id))]
      if (ids.length === 0) return new Map()
      const regions = await taxes(ctx).regionsById(ids)
      return new Map(rows.map((row) => [row.id, regions.get(row[key] as string) ?? []]))
    },
  }
}

// Rate rules (overrides per product or type) are not modelled: every rate has none.
const noRules: Relation<QueryContext> = {
  many: true,
  target: () => ({ fields: ["reference", "reference_id", "tax_rate_id", ...DATES], relations: {} }),
  load: async () => new Map<string, Row[]>(),
}

const taxRateGraph: Graph = {
  fields: ["rate", "code", "name", "tax_region_id", "is_default", "is_combinable", "metadata", ...DATES],
  relations: {
    tax_region: belongsTo("tax_region_id", () => taxRegionGraph),
    rules: noRules,
  },
}

const taxRegionGraph: Graph = {
  fields: ["country_code", "province_code", "parent_id", "provider_id", "metadata", ...DATES],
  relations: {
    tax_rates: {
      many: true,
      target: () => taxRateGraph,
      load: (rows, ctx) => taxes(ctx).ratesOfRegions(rows.map((row) => row.id)),
    },
    children: {
      many: true,
      target: () => taxRegionGraph,
      load: (rows, ctx) => taxes(ctx).childrenOf(rows.map((row) => row.id)),
    },
    parent: belongsTo("parent_id", () => taxRegionGraph),
  },
}

/** Medusa's admin tax-regions defaults: the region, its provinces and everyone's rates. */
export const adminTaxRegionQuery: QueryConfig = {
  graph: taxRegionGraph,
  defaults: [
    "id",
    ...taxRegionGraph.fields,
    "*children",
    "*children.tax_rates",
    "*children.tax_rates.rules",
    "*parent",
    "*tax_rates",
    "*tax_rates.rules",
  ],
  maxDepth: 3,
}

export const adminTaxRateQuery: QueryConfig = {
  graph: taxRateGraph,
  defaults: ["id", ...taxRateGraph.fields, "*tax_region", "*rules"],
  maxDepth: 3,
}

export const TAX_REGION_ORDER_FIELDS = ["id", "country_code", "province_code", "created_at", "updated_at"] as const
export const TAX_RATE_ORDER_FIELDS = ["id", "name", "code", "rate", "created_at", "updated_at"] as const
