import { toJsonNumber } from "../../../core/money"
import type { QueryContext } from "../../../core/query/context"
import { groupBy, type EntityGraph, type Relation, type Row } from "../../../core/query/graph"
import { childrenBy } from "../../../core/query/relations"
import type { QueryConfig } from "../../../core/query/shape"
import type { RuleType } from "../../../modules/promotion/service"

type Graph = EntityGraph<QueryContext>
const DATES = ["created_at", "updated_at", "deleted_at"]
const promotions = (ctx: QueryContext) => ctx.scope.resolve("promotionService")
const campaigns = (ctx: QueryContext) => ctx.scope.resolve("campaignService")
// Medusa's BigNumbers are JSON numbers.
const number = (value: unknown) => (value === null || value === undefined ? null : toJsonNumber(String(value)))

const ruleValueGraph: Graph = { fields: ["value", "promotion_rule_id", ...DATES], relations: {} }

export const ruleGraph: Graph = {
  fields: ["description", "attribute", "operator", ...DATES],
  relations: {
    values: childrenBy(
      "promotion_rule_id",
      () => ruleValueGraph,
      (ids, ctx) => promotions(ctx).valuesOf(ids),
    ),
  },
}

const rulesOf = (type: RuleType) =>
  childrenBy(
    "owner_id",
    () => ruleGraph,
    (ids, ctx) => promotions(ctx).rulesOf(type, ids),
  )

const applicationMethodGraph: Graph = {
  fields: [
    "description",
    "value",
    "currency_code",
    "max_quantity",
    "apply_to_quantity",
    "buy_rules_min_quantity",
    "type",
    "target_type",
    "allocation",
    "promotion_id",
    ...DATES,
  ],
  relations: { target_rules: rulesOf("target-rules"), buy_rules: rulesOf("buy-rules") },
}

const budgetGraph: Graph = {
  fields: ["type", "currency_code", "limit", "used", "campaign_id", ...DATES],
  relations: {},
}

const budget: Relation<QueryContext> = {
  many: false,
  target: () => budgetGraph,
  load: async (parents, ctx) =>
    groupBy(
      (await campaigns(ctx).budgetsOf(parents.map((parent) => parent.id))).map((row) => ({
        ...row,
        limit: number(row.limit),
        used: number(row.used),
      })) as Row[],
      "campaign_id",
    ),
}

export const campaignGraph: Graph = {
  fields: ["name", "description", "campaign_identifier", "starts_at", "ends_at", "metadata", ...DATES],
  relations: {
    budget,
    promotions: childrenBy(
      "campaign_id",
      () => promotionGraph,
      (ids, ctx) => campaigns(ctx).promotionsOf(ids),
    ),
  },
}

export const promotionGraph: Graph = {
  fields: [
    "code",
    "is_automatic",
    "is_tax_inclusive",
    "type",
    "status",
    "limit",
    "used",
    "campaign_id",
    "metadata",
    ...DATES,
  ],
  relations: {
    campaign: {
      many: false,
      target: () => campaignGraph,
      async load(parents, ctx) {
        const ids = [...new Set(parents.flatMap((parent) => (parent.campaign_id ? [String(parent.campaign_id)] : [])))]
        const byId = new Map((await campaigns(ctx).byIds(ids)).map((row) => [row.id, row as Row]))
        const found = new Map<string, Row[]>()
        for (const parent of parents) {
          const campaign = byId.get(String(parent.campaign_id))
          if (campaign) found.set(parent.id, [campaign])
        }
        return found
      },
    },
    application_method: {
      many: false,
      target: () => applicationMethodGraph,
      load: async (parents, ctx) =>
        groupBy(
          (await promotions(ctx).applicationMethodsOf(parents.map((parent) => parent.id))).map((row) => ({
            ...row,
            value: number(row.value),
          })) as Row[],
          "promotion_id",
        ),
    },
    rules: rulesOf("rules"),
  },
}

/** Medusa's defaultAdminPromotionFields ([latest]: status and is_tax_inclusive). */
export const adminPromotionQuery: QueryConfig = {
  graph: promotionGraph,
  defaults: [
    "id",
    "code",
    "is_automatic",
    "is_tax_inclusive",
    "type",
    "status",
    "limit",
    "used",
    "campaign_id",
    "created_at",
    "updated_at",
    "deleted_at",
    "*campaign",
    "*campaign.budget",
    "*application_method",
    "*application_method.buy_rules",
    "application_method.buy_rules.values.value",
    "*application_method.target_rules",
    "application_method.target_rules.values.value",
    "rules.id",
    "rules.attribute",
    "rules.operator",
    "rules.values.value",
  ],
  maxDepth: 4,
}

/** Medusa's defaultAdminPromotionRuleFields. */
export const adminPromotionRuleQuery: QueryConfig = {
  graph: ruleGraph,
  defaults: ["id", "description", "attribute", "operator", "values.value"],
  maxDepth: 2,
}
