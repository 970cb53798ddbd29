import { announced } from "../command"
import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { CampaignEvents, PromotionEvents } from "../../modules/promotion/events"
import type { CreateCampaignInput } from "../../modules/promotion/campaign-service"
import { emitEvent } from "../../infra/event-outbox-service"
import type {
  CreatePromotionInput,
  RuleInput,
  RuleType,
  RuleUpdate,
  UpdatePromotionInput,
} from "../../modules/promotion/service"

// The admin's promotion commands: each one transaction, its `{ id }` event included.

const promotions = (tx: Scope) => tx.resolve("promotionService")

/** Medusa's createPromotionsWorkflow: with a new campaign (`campaign`) or an existing one (`campaign_id`). */
export const createPromotion = (scope: Scope, input: CreatePromotionInput & { campaign?: CreateCampaignInput }) =>
  announced(scope, PromotionEvents.CREATED, async (tx) => {
    const { campaign, ...promotion } = input
    if (campaign && promotion.campaign_id)
      throw new MedusaError(
        "invalid_data",
        "Provide either the 'campaign' or 'campaign_id' parameter; both cannot be used simultaneously.",
      )
    if (campaign) {
      const created = await tx.resolve("campaignService").create(campaign)
      await emitEvent(tx, CampaignEvents.CREATED, { id: created.id })
      promotion.campaign_id = created.id
    }
    return promotions(tx).create(promotion)
  })

/** Medusa's updatePromotionsWorkflow. */
export const updatePromotion = (scope: Scope, id: string, input: UpdatePromotionInput) =>
  announced(scope, PromotionEvents.UPDATED, (tx) => promotions(tx).update(id, input))

/** Medusa's deletePromotionsWorkflow. */
export const deletePromotion = (scope: Scope, id: string) =>
  announced(scope, PromotionEvents.DELETED, (tx) => promotions(tx).softDelete(id))

export interface RuleBatch {
  create: RuleInput[]
  update: RuleUpdate[]
  delete: string[]
}

/** Medusa's batchPromotionRulesWorkflow: rules created, changed and removed in one list of a promotion. */
export const batchPromotionRules = (scope: Scope, id: string, type: RuleType, batch: RuleBatch) =>
  announced(
    scope,
    PromotionEvents.UPDATED,
    async (tx) => {
      const service = promotions(tx)
      const promotion = await service.retrieve(id)
      const created = await service.addRules(promotion.id, type, batch.create)
      const updated = await service.updateRules(promotion.id, type, batch.update)
      const deleted = await service.removeRules(promotion.id, type, batch.delete)
      return { promotion, created, updated, deleted }
    },
    (result) => result.promotion.id,
  )
