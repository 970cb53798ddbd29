import type { Registry } from "../../core/container"
import { CampaignService } from "./campaign-service"
import { PromotionService } from "./service"

export type { PromotionWithRules, Rule } from "./service"

declare module "../../core/container" {
  interface ServiceMap {
    promotionService: PromotionService
    campaignService: CampaignService
  }
}

export function register(registry: Registry) {
  registry.register("promotionService", (scope) => new PromotionService(scope.resolve("manager")))
  registry.register("campaignService", (scope) => new CampaignService(scope.resolve("manager")))
}
