import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import type { TaxRateInput } from "../../modules/tax/admin-service"

const taxes = (tx: Scope) => tx.resolve("taxAdminService")

/** A rate as the admin gives it: the percentage may be left out. */
export type TaxRateBody = Omit<TaxRateInput, "rate"> & { rate?: string }

/** A rate without a percentage counts as 0 %, as Medusa treats a null rate. */
export const withRate = <T extends { rate?: string }>(input: T) => ({ ...input, rate: input.rate ?? "0" })

/** Medusa's createTaxRatesWorkflow; answers the new rate's id. */
export const createTaxRate = (scope: Scope, input: TaxRateBody & { tax_region_id: string }) =>
  transaction(scope, (tx) => taxes(tx).createRate(withRate(input)))

/** Medusa's updateTaxRatesWorkflow. */
export const updateTaxRate = (scope: Scope, id: string, patch: Partial<TaxRateInput>) =>
  transaction(scope, (tx) => taxes(tx).updateRate(id, patch))

/** Medusa's deleteTaxRatesWorkflow. */
export const deleteTaxRate = (scope: Scope, id: string) => transaction(scope, (tx) => taxes(tx).softDeleteRate(id))
