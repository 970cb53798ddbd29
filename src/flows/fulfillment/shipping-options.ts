import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { emitShippingOptionsDeleted, FulfillmentEvents } from "../../modules/fulfillment/events"
import type {
  RuleInput,
  ShippingOptionPatch,
  ShippingOptionWrite,
} from "../../modules/fulfillment/shipping-option-service"
import type { PriceInput } from "../../modules/pricing/service"

// The admin's shipping option commands: each one transaction, prices and events included.

const options = (tx: Scope) => tx.resolve("shippingOptionService")
const pricing = (tx: Scope) => tx.resolve("pricingService")

/** A flat price, in a currency or for a region (then in its currency). */
type PriceBody = { currency_code: string; amount: number } | { region_id: string; amount: number }
type OptionBody = ShippingOptionWrite & { prices: PriceBody[] }
type OptionPatch = ShippingOptionPatch & { prices?: PriceBody[] }

/** A price for a region is in that region's currency with a region rule, as Medusa stores it. */
async function priceInputs(tx: Scope, prices: PriceBody[]): Promise<PriceInput[]> {
  const inputs: PriceInput[] = []
  for (const price of prices) {
    if ("currency_code" in price) inputs.push({ currency_code: price.currency_code, amount: String(price.amount) })
    else {
      const region = await tx.resolve("regionService").retrieve(price.region_id)
      inputs.push({
        currency_code: region.currency_code,
        amount: String(price.amount),
        rules: { region_id: region.id },
      })
    }
  }
  return inputs
}

/**
 * Medusa's createShippingOptionsWorkflow: the option, its type (`type` made inline, or an existing
 * `type_id`), rules and prices; answers its id.
 */
export function createShippingOption(scope: Scope, input: OptionBody) {
  const { prices, ...option } = input
  return transaction(scope, async (tx) => {
    await options(tx).assertReferences(option)
    const created = await options(tx).create(option)
    await pricing(tx).createShippingOptionPrices(created.id, await priceInputs(tx, prices))
    await emitEvent(tx, FulfillmentEvents.SHIPPING_OPTION_CREATED, { id: created.id })
    return created.id
  })
}

/** Medusa's updateShippingOptionsWorkflow: `prices` and `rules` replace the option's when given. */
export function updateShippingOption(scope: Scope, id: string, input: OptionPatch) {
  const { prices, ...patch } = input
  return transaction(scope, async (tx) => {
    await options(tx).update(id, patch)
    if (prices) await pricing(tx).replaceShippingOptionPrices(id, await priceInputs(tx, prices))
    await emitEvent(tx, FulfillmentEvents.SHIPPING_OPTION_UPDATED, { id })
  })
}

/** Medusa's batchShippingOptionRulesWorkflow; answers the ids created, updated and deleted. */
export const batchShippingOptionRules = (
  scope: Scope,
  id: string,
  batch: { create: RuleInput[]; update: (RuleInput & { id: string })[]; delete: string[] },
) => transaction(scope, (tx) => options(tx).batchRules(id, batch))

/** Medusa's deleteShippingOptionsWorkflow. */
export const deleteShippingOption = (scope: Scope, id: string) =>
  transaction(scope, async (tx) => {
    await options(tx).softDelete(id)
    await emitShippingOptionsDeleted(tx, [id])
  })
