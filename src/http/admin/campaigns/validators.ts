import { z } from "zod"
import { metadata } from "../../../core/metadata"
import { listQuery, oneOrMany } from "../../../core/query/params"
import { currencyCode, instant, moneyAmount } from "../../../core/schemas"

// Medusa's admin/campaigns/validators.ts.

const additional_data = z.record(z.string(), z.unknown()).optional()

export const budgetBody = z
  .strictObject({
    type: z.enum(["spend", "usage"]),
    limit: moneyAmount.nullish(),
    currency_code: currencyCode.nullish(),
    // The dashboard's create form always sends it, null unless "Limit usage per" is picked.
    attribute: z
      .null({ error: "budgets limited per customer or email (use_by_attribute) are not supported" })
      .optional()
      .transform(() => undefined),
  })
  .refine((budget) => budget.type !== "spend" || !!budget.currency_code, {
    error: "currency_code is required when budget type is spend",
  })
  .refine((budget) => budget.type !== "usage" || !budget.currency_code, {
    error: "currency_code should not be present when budget type is usage",
  })

const fields = {
  name: z.string().min(1).max(200),
  campaign_identifier: z.string().min(1).max(200),
  description: z.string().max(2000).nullish(),
  starts_at: instant.nullish(),
  ends_at: instant.nullish(),
  metadata,
}

export const createCampaignBody = z.strictObject({ ...fields, budget: budgetBody.nullish(), additional_data })

export const updateCampaignBody = z.strictObject({
  ...fields,
  name: fields.name.optional(),
  campaign_identifier: fields.campaign_identifier.optional(),
  budget: z
    .strictObject({
      limit: moneyAmount.nullish(),
      currency_code: currencyCode.nullish(),
      type: z.enum(["spend", "usage"]).optional(),
    })
    .optional(),
  additional_data,
})

export const campaignPromotionsBody = z.strictObject({
  add: z.array(z.string().min(1)).max(500).default([]),
  remove: z.array(z.string().min(1)).max(500).default([]),
})

export const listCampaignsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  campaign_identifier: oneOrMany.optional(),
  budget: z.object({ currency_code: oneOrMany.optional() }).optional(),
})
