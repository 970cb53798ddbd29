import { z } from "zod"
import { metadata } from "../../../core/metadata"
import { listQuery, oneOrMany } from "../../../core/query/params"
import { currencyCode } from "../../../core/schemas"
import { RULE_OPERATORS } from "../../../modules/promotion/service"
import { createCampaignBody } from "../campaigns/validators"

// Medusa's admin/promotions/validators.ts ([latest]: status, is_tax_inclusive, allocation once, limit).

const additional_data = z.record(z.string(), z.unknown()).optional()
const quantity = z.number().int().min(0).max(1_000_000_000)

const operator = z.enum(RULE_OPERATORS, {
  error: (issue) => `operator (${String(issue.input)}) is invalid. It should be one of ${RULE_OPERATORS.join(", ")}`,
})
const ruleValues = z
  .union([z.string().max(500), z.array(z.string().max(500)).max(1000)], {
    error: "must be a string or a list of strings",
  })
  .transform((values) => (Array.isArray(values) ? values : [values]))

export const ruleBody = z.strictObject({
  operator,
  description: z.string().max(2000).nullish(),
  attribute: z.string().min(1).max(200),
  values: ruleValues,
})
const rules = z.array(ruleBody).max(100)

export const ruleUpdateBody = z.strictObject({
  id: z.string().min(1),
  operator: operator.optional(),
  description: z.string().max(2000).nullish(),
  attribute: z.string().min(1).max(200).optional(),
  values: ruleValues.optional(),
})

const methodFields = {
  description: z.string().max(2000).nullish(),
  value: z.number().finite().min(0).max(1e15),
  currency_code: currencyCode.nullish(),
  max_quantity: quantity.nullish(),
  type: z.enum(["fixed", "percentage"]),
  target_type: z.enum(["order", "shipping_methods", "items"]),
  allocation: z.enum(["each", "across", "once"]).nullish(),
  apply_to_quantity: quantity.nullish(),
  buy_rules_min_quantity: quantity.nullish(),
}

const promotionFields = {
  code: z.string().trim().min(1).max(200),
  is_automatic: z.boolean().optional(),
  is_tax_inclusive: z.boolean().optional(),
  status: z.enum(["draft", "active", "inactive"]).optional(),
  type: z.enum(["standard", "buyget"]),
  limit: quantity.nullish(),
  campaign_id: z.string().min(1).nullish(),
  metadata,
  additional_data,
}

export const createPromotionBody = z
  .strictObject({
    ...promotionFields,
    campaign: createCampaignBody.omit({ additional_data: true }).optional(),
    application_method: z.strictObject({
      ...methodFields,
      target_rules: rules.optional(),
      buy_rules: rules.optional(),
    }),
    rules: rules.optional(),
  })
  .refine(
    (promotion) =>
      promotion.type !== "buyget" ||
      ((promotion.application_method.buy_rules?.length ?? 0) > 0 &&
        promotion.application_method.apply_to_quantity != null &&
        promotion.application_method.buy_rules_min_quantity != null),
    { error: "Buyget promotions require at least one buy rule and quantities to be defined" },
  )

export const updatePromotionBody = z.strictObject({
  ...promotionFields,
  code: promotionFields.code.optional(),
  type: promotionFields.type.optional(),
  application_method: z
    .strictObject({
      description: methodFields.description,
      value: methodFields.value.optional(),
      currency_code: methodFields.currency_code,
      max_quantity: methodFields.max_quantity,
      type: methodFields.type.optional(),
      target_type: methodFields.target_type.optional(),
      allocation: methodFields.allocation,
      apply_to_quantity: methodFields.apply_to_quantity,
      buy_rules_min_quantity: methodFields.buy_rules_min_quantity,
    })
    .optional(),
})

export const ruleBatchBody = z.strictObject({
  create: rules.default([]),
  update: z.array(ruleUpdateBody).max(100).default([]),
  delete: z.array(z.string().min(1)).max(100).default([]),
})

export const listPromotionsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  code: oneOrMany.optional(),
  campaign_id: oneOrMany.optional(),
  status: z
    .union([z.enum(["draft", "active", "inactive"]), z.array(z.enum(["draft", "active", "inactive"]))])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  is_automatic: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .transform((value) => value === true || value === "true")
    .optional(),
  application_method: z.object({ currency_code: oneOrMany.optional() }).optional(),
})

export const ruleOptionsQuery = z.object({
  promotion_type: z.enum(["standard", "buyget"]).optional(),
  application_method_type: z.enum(["fixed", "percentage"]).optional(),
  // The js-sdk sends it (Medusa 2.21); this admin offers the same attributes for every target.
  application_method_target_type: z.enum(["order", "shipping_methods", "items"]).optional(),
})

export const ruleValueOptionsQuery = z.object({
  q: z.string().max(200).optional(),
  value: oneOrMany.optional(),
  limit: listQuery.limit,
  offset: listQuery.offset,
})
