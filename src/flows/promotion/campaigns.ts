import { announced } from "../command"
import type { Scope } from "../../core/container"
import { CampaignEvents } from "../../modules/promotion/events"
import type { CreateCampaignInput, UpdateCampaignInput } from "../../modules/promotion/campaign-service"

// The admin's campaign commands: each one transaction, its `{ id }` event included.

const campaigns = (tx: Scope) => tx.resolve("campaignService")

/** Medusa's createCampaignsWorkflow. */
export const createCampaign = (scope: Scope, input: CreateCampaignInput) =>
  announced(scope, CampaignEvents.CREATED, (tx) => campaigns(tx).create(input))

/** Medusa's updateCampaignsWorkflow. */
export const updateCampaign = (scope: Scope, id: string, input: UpdateCampaignInput) =>
  announced(scope, CampaignEvents.UPDATED, (tx) => campaigns(tx).update(id, input))

/** Medusa's deleteCampaignsWorkflow: the campaign's promotions stay, without it. */
export const deleteCampaign = (scope: Scope, id: string) =>
  announced(scope, CampaignEvents.DELETED, (tx) => campaigns(tx).softDelete(id))

/** Medusa's addOrRemoveCampaignPromotionsWorkflow. */
export const linkCampaignPromotions = (scope: Scope, id: string, links: { add: string[]; remove: string[] }) =>
  announced(scope, CampaignEvents.UPDATED, (tx) => campaigns(tx).linkPromotions(id, links))
