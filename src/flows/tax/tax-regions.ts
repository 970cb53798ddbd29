import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import type { TaxAdminService } from "../../modules/tax/admin-service"
import { type TaxRateBody, withRate } from "./tax-rates"

const taxes = (tx: Scope) => tx.resolve("taxAdminService")
type CreateTaxRegionInput = Omit<Parameters<TaxAdminService["createRegion"]>[0], "default_tax_rate"> & {
  default_tax_rate?: TaxRateBody
}

/** Medusa's createTaxRegionsWorkflow: a country or a province in it, with its default rate when one is given. */
export function createTaxRegion(scope: Scope, input: CreateTaxRegionInput) {
  const { default_tax_rate, ...region } = input
  return transaction(scope, (tx) =>
    taxes(tx).createRegion({ ...region, default_tax_rate: default_tax_rate && withRate(default_tax_rate) }),
  )
}

/** Medusa's updateTaxRegionsWorkflow. */
export const updateTaxRegion = (scope: Scope, id: string, patch: Parameters<TaxAdminService["updateRegion"]>[1]) =>
  transaction(scope, (tx) => taxes(tx).updateRegion(id, patch))

/** Medusa's deleteTaxRegionsWorkflow. */
export const deleteTaxRegion = (scope: Scope, id: string) => transaction(scope, (tx) => taxes(tx).softDeleteRegion(id))
