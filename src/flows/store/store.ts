import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { StoreEvents } from "../../modules/store/events"
import type { StoreService } from "../../modules/store/service"

export type UpdateStoreInput = Parameters<StoreService["updateDefaults"]>[1] & {
  /** replaces the store's currencies; `is_tax_inclusive` sets the currency's price preference */
  supported_currencies?: { currency_code: string; is_default?: boolean; is_tax_inclusive?: boolean }[]
}

/** Checks that each default the input names exists (each lookup answers not_found otherwise). */
async function checkDefaults(tx: Scope, input: UpdateStoreInput) {
  if (input.default_region_id) await tx.resolve("regionService").retrieve(input.default_region_id)
  if (input.default_sales_channel_id) await tx.resolve("salesChannelService").retrieve(input.default_sales_channel_id)
  if (input.default_location_id) await tx.resolve("stockLocationService").retrieve(input.default_location_id)
}

/** Medusa's updateStoresWorkflow: name, defaults and currencies (with their tax preference), then `store.updated`. */
export function updateStore(scope: Scope, id: string, { supported_currencies, ...defaults }: UpdateStoreInput) {
  return transaction(scope, async (tx) => {
    const stores = tx.resolve("storeService")
    await stores.retrieve(id)
    await checkDefaults(tx, defaults)
    await stores.updateDefaults(id, defaults)
    if (supported_currencies) {
      await stores.setCurrencies(id, supported_currencies)
      for (const currency of supported_currencies) {
        if (currency.is_tax_inclusive !== undefined) {
          await tx
            .resolve("pricingService")
            .setPreference("currency_code", currency.currency_code.toLowerCase(), currency.is_tax_inclusive)
        }
      }
    }
    await emitEvent(tx, StoreEvents.UPDATED, { id })
  })
}
