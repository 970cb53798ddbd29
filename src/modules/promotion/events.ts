/** Events of the promotion domain (payload `{ id }`). */
export const PromotionEvents = {
  CREATED: "promotion.created",
  UPDATED: "promotion.updated",
  DELETED: "promotion.deleted",
} as const

/** Events of the campaign domain (payload `{ id }`). */
export const CampaignEvents = {
  CREATED: "campaign.created",
  UPDATED: "campaign.updated",
  DELETED: "campaign.deleted",
} as const
