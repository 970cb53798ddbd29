import type { Scope } from "../../core/container"
import { toJsonNumber } from "../../core/money"
import { ChangeAction } from "../../modules/order/change-actions"
import type { Claim, Exchange } from "../../modules/order/return-service"
import type { Bundle } from "./exchange-claim"
import { returnsJson } from "./return-view"

type Json = Record<string, unknown>
const amount = (value: string | null) => (value === null ? null : toJsonNumber(value))

/**
 * Exchanges or claims as Medusa answers them: each one's return (with items), the lines it sends
 * out (additional_items, from its ITEM_ADD actions) and, for a claim, its claimed items — in a
 * fixed number of statements whatever their number.
 */
export async function bundlesJson(scope: Scope, kind: Bundle, bundles: (Exchange | Claim)[]): Promise<Json[]> {
  if (bundles.length === 0) return []
  const returns = scope.resolve("returnService")
  const changes = scope.resolve("orderChangeService")
  const returnIds = bundles.flatMap((bundle) => (bundle.return_id ? [bundle.return_id] : []))
  const { rows: returnRows } = returnIds.length
    ? await returns.list({ id: returnIds }, { field: "id", direction: "asc" }, { limit: returnIds.length, offset: 0 })
    : { rows: [] }
  const returnJsons = await returnsJson(scope, returnRows)
  const key = kind === "exchange" ? "exchange_id" : "claim_id"
  const own = await changes.ofBundles(
    key,
    bundles.map((bundle) => bundle.id),
  )
  const actions = await changes.actions(own.map((change) => change.id))
  const claimItems = kind === "claim" ? await returns.claimItems(bundles.map((bundle) => bundle.id)) : []
  return bundles.map((bundle) => {
    const orderReturn = returnJsons.find((json) => json.id === bundle.return_id)
    const changeIds = new Set(own.filter((change) => change[key] === bundle.id).map((change) => change.id))
    const common = {
      ...bundle,
      return: orderReturn ?? null,
      return_items: (orderReturn?.items as Json[] | undefined) ?? [],
      additional_items: actions
        .filter((action) => changeIds.has(action.order_change_id) && action.action === ChangeAction.ITEM_ADD)
        .map((action) => ({ ...(action.details.line as Json), quantity: action.details.quantity })),
    }
    if (kind === "exchange") return { ...common, difference_due: amount((bundle as Exchange).difference_due) }
    return {
      ...common,
      refund_amount: amount((bundle as Claim).refund_amount),
      claim_items: claimItems.filter((item) => item.claim_id === bundle.id),
    }
  })
}
