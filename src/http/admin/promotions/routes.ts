import { Hono, type Context } from "hono"
import { z } from "zod"
import { body, query } from "../../../core/input"
import { retrieveQuery } from "../../../core/query/params"
import { listResponse, queryContext, retrieveResponse } from "../../../core/query/route"
import { orderingFor, requestedFor, shapeRows } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  batchPromotionRules,
  createPromotion,
  deletePromotion,
  updatePromotion,
  type RuleBatch,
} from "../../../flows/promotion/promotions"
import { promotionRulesView, ruleAttributes, ruleValueOptions } from "../../../flows/promotion/rule-options"
import type { RuleType } from "../../../modules/promotion/service"
import { adminPromotionQuery, adminPromotionRuleQuery } from "./query-config"
import {
  createPromotionBody,
  listPromotionsQuery,
  ruleBatchBody,
  ruleOptionsQuery,
  ruleValueOptionsQuery,
  updatePromotionBody,
} from "./validators"

type Scope = AppEnv["Variables"]["scope"]
const promotions = (scope: Scope) => scope.resolve("promotionService")
const fieldsQuery = z.object(retrieveQuery)

const respondPromotion = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "promotion", adminPromotionQuery, fields, () => promotions(c.var.scope).retrieve(id))

/** `{ created, updated, deleted }` of a rules batch, the rules shown with Medusa's rule fields. */
async function respondBatch(c: Context<AppEnv>, type: RuleType, batch: RuleBatch) {
  const result = await batchPromotionRules(c.var.scope, c.req.param("id")!, type, batch)
  const requested = requestedFor(adminPromotionRuleQuery, undefined)
  const shape = async (ids: string[]) =>
    shapeRows(adminPromotionRuleQuery, await promotions(c.var.scope).rulesByIds(ids), requested, queryContext(c))
  return c.json({
    created: await shape(result.created),
    updated: await shape(result.updated),
    deleted: { ids: result.deleted, object: "promotion-rule", deleted: true },
  })
}

/** Medusa's /admin/promotions: CRUD (by id or code), rule batches, and the options the rule form offers. */
export const adminPromotionRoutes = new Hono<AppEnv>()
  .get("/", query(listPromotionsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, application_method, ...filters } = c.req.valid("query")
    const ordering = orderingFor(adminPromotionQuery, order)
    return listResponse(c, "promotions", adminPromotionQuery, { fields, limit, offset }, () =>
      promotions(c.var.scope).list({ ...filters, currency_code: application_method?.currency_code }, ordering, {
        limit,
        offset,
      }),
    )
  })
  .post("/", body(createPromotionBody), async (c) => {
    const { additional_data: _extra, ...input } = c.req.valid("json")
    const created = await createPromotion(c.var.scope, input)
    return respondPromotion(c, created.id)
  })
  // Before /:id/:rule_type, which would otherwise take "rule-attribute-options" for an id.
  .get("/rule-attribute-options/:rule_type", query(ruleOptionsQuery), async (c) =>
    c.json({ attributes: ruleAttributes(c.req.param("rule_type"), c.req.valid("query")) }),
  )
  .get("/rule-value-options/:rule_type/:rule_attribute_id", query(ruleValueOptionsQuery), async (c) => {
    const { limit = 100, offset = 0, ...filters } = c.req.valid("query")
    const values = await ruleValueOptions(
      c.var.scope,
      c.req.param("rule_type"),
      c.req.param("rule_attribute_id"),
      filters,
      { limit, offset },
    )
    return c.json({ values })
  })
  .get("/:id", query(fieldsQuery), async (c) => respondPromotion(c, c.req.param("id"), c.req.valid("query").fields))
  .post("/:id", body(updatePromotionBody), async (c) => {
    const { additional_data: _extra, ...input } = c.req.valid("json")
    const updated = await updatePromotion(c.var.scope, c.req.param("id"), input)
    return respondPromotion(c, updated.id)
  })
  .delete("/:id", async (c) => {
    const deleted = await deletePromotion(c.var.scope, c.req.param("id"))
    return c.json({ id: deleted.id, object: "promotion", deleted: true })
  })
  .post("/:id/rules/batch", body(ruleBatchBody), (c) => respondBatch(c, "rules", c.req.valid("json")))
  .post("/:id/target-rules/batch", body(ruleBatchBody), (c) => respondBatch(c, "target-rules", c.req.valid("json")))
  .post("/:id/buy-rules/batch", body(ruleBatchBody), (c) => respondBatch(c, "buy-rules", c.req.valid("json")))
  .get("/:id/:rule_type", query(ruleOptionsQuery), async (c) =>
    c.json({
      rules: await promotionRulesView(c.var.scope, c.req.param("id"), c.req.param("rule_type"), c.req.valid("query")),
    }),
  )
