import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { RegionEvents } from "../../modules/region/events"
import type { CreateRegionInput } from "../../modules/region/service"

// The admin's region commands: each one transaction, its `{ id }` event included.

const regions = (tx: Scope) => tx.resolve("regionService")
type Metadata = Record<string, unknown> | null
/** Whether the region's prices include tax: a pricing preference of the region, set when given. */
type TaxInclusive = { is_tax_inclusive?: boolean }

async function setTaxInclusive(tx: Scope, regionId: string, value: boolean | undefined) {
  if (value !== undefined) await tx.resolve("pricingService").setPreference("region_id", regionId, value)
}

/** Medusa's createRegionsWorkflow; answers the new region's id. */
export function createRegion(scope: Scope, input: CreateRegionInput & TaxInclusive & { metadata?: Metadata }) {
  const { is_tax_inclusive, metadata, ...region } = input
  return transaction(scope, async (tx) => {
    const created = await regions(tx).create(region)
    if (metadata !== undefined) await regions(tx).update(created.id, { metadata })
    await setTaxInclusive(tx, created.id, is_tax_inclusive)
    await emitEvent(tx, RegionEvents.CREATED, { id: created.id })
    return created.id
  })
}

/** Medusa's updateRegionsWorkflow: `countries` and `payment_providers` replace the region's lists when given. */
export function updateRegion(
  scope: Scope,
  id: string,
  input: Partial<CreateRegionInput> & TaxInclusive & { metadata?: Metadata },
) {
  const { is_tax_inclusive, ...patch } = input
  return transaction(scope, async (tx) => {
    await regions(tx).update(id, patch)
    await setTaxInclusive(tx, id, is_tax_inclusive)
    await emitEvent(tx, RegionEvents.UPDATED, { id })
  })
}

/** Medusa's deleteRegionsWorkflow. */
export function deleteRegion(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    await regions(tx).softDelete(id)
    await emitEvent(tx, RegionEvents.DELETED, { id })
  })
}
