import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import type { PricePreferenceService } from "../../modules/pricing/price-preference-service"

// The admin's price preference commands (whether a currency's or a region's prices include tax), each one transaction.

type CreateInput = Parameters<PricePreferenceService["create"]>[0]
type UpdateInput = Parameters<PricePreferenceService["update"]>[1]

/** Runs `work` with the price preference service of one transaction. */
const inTransaction = <T>(scope: Scope, work: (preferences: PricePreferenceService) => Promise<T>) =>
  transaction(scope, (tx) => work(tx.resolve("pricePreferenceService")))

/** Medusa's createPricePreferencesWorkflow: one attribute's value (a currency, a region) and its tax setting. */
export const createPricePreference = (scope: Scope, input: CreateInput) =>
  inTransaction(scope, (preferences) => preferences.create(input))

/** Medusa's updatePricePreferencesWorkflow. */
export const updatePricePreference = (scope: Scope, id: string, input: UpdateInput) =>
  inTransaction(scope, (preferences) => preferences.update(id, input))

/** Medusa's deletePricePreferencesWorkflow: soft-deleted, a missing one is not found. */
export const deletePricePreference = (scope: Scope, id: string) =>
  inTransaction(scope, (preferences) => preferences.softDelete(id))
