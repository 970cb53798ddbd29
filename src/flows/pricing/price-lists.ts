import { announced } from "../command"
import type { Scope } from "../../core/container"
import { PriceListEvents } from "../../modules/pricing/events"
import type {
  PriceListInput,
  PriceListPriceInput,
  PriceListPriceUpdate,
} from "../../modules/pricing/price-list-service"

// The admin's price list commands: each one transaction with its `price_list.*` event.

const lists = (tx: Scope) => tx.resolve("priceListService")

/** Medusa's createPriceListsWorkflow: the list, its rules and its first prices. */
export const createPriceList = (scope: Scope, input: PriceListInput & { prices?: PriceListPriceInput[] }) =>
  announced(scope, PriceListEvents.CREATED, async (tx) => {
    const { prices = [], ...fields } = input
    const created = await lists(tx).create(fields)
    await lists(tx).addPrices(created.id, prices)
    return created
  })

/** Medusa's updatePriceListsWorkflow. */
export const updatePriceList = (scope: Scope, id: string, input: Partial<PriceListInput>) =>
  announced(scope, PriceListEvents.UPDATED, (tx) => lists(tx).update(id, input))

/** Medusa's deletePriceListsWorkflow: the list and its prices. */
export const deletePriceList = (scope: Scope, id: string) =>
  announced(scope, PriceListEvents.DELETED, async (tx) => {
    await lists(tx).softDelete(id)
    return { id }
  })

export interface PriceBatch {
  create?: PriceListPriceInput[]
  update?: PriceListPriceUpdate[]
  delete?: string[]
}

/** Medusa's batchPriceListPricesWorkflow: the ids of the prices created and updated. */
export const batchPriceListPrices = (scope: Scope, id: string, batch: PriceBatch) =>
  announced(
    scope,
    PriceListEvents.UPDATED,
    async (tx) => {
      await lists(tx).retrieve(id)
      await lists(tx).removePrices(id, batch.delete ?? [])
      const updated = await lists(tx).updatePrices(id, batch.update ?? [])
      const created = await lists(tx).addPrices(id, batch.create ?? [])
      return { created, updated }
    },
    () => id,
  )

/** Medusa's removePriceListPricesWorkflow for products: the list's prices of their variants go. */
export const removeProductsFromPriceList = (scope: Scope, id: string, productIds: string[]) =>
  announced(scope, PriceListEvents.UPDATED, async (tx) => {
    const list = await lists(tx).retrieve(id)
    const variantIds = await tx.resolve("productService").variantIdsOfProducts(productIds)
    await lists(tx).removeVariantPrices(id, variantIds)
    return list
  })
