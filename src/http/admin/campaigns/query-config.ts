import type { QueryConfig } from "../../../core/query/shape"
import { campaignGraph } from "../promotions/query-config"

/** Medusa's defaultAdminCampaignFields. */
export const adminCampaignQuery: QueryConfig = {
  graph: campaignGraph,
  defaults: [
    "id",
    "name",
    "description",
    "campaign_identifier",
    "*budget",
    "starts_at",
    "ends_at",
    "created_at",
    "updated_at",
    "deleted_at",
  ],
  maxDepth: 4,
}
