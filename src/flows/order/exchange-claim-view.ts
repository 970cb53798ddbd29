import type { Scope } from "../../core/container"
import { toJsonNumber } from "../../core/money"
import { ChangeAction } from "../../modules/order/change-actions"
import type { Claim, Exchange } from "../../modules/order/return-service"
import type { Bundle } from "./exchange-claim"
import { returnsJson } from "./return-view"

type Json = Record<string, unknown>
const amount = (value: string | null) => (value === null ? null : toJsonNumber(value))

/**
 * An exchange or claim as Medusa answers it: its return (with items), the lines it sends out
 * (additional_items, from its ITEM_ADD actions) and, for a claim, its claimed items.
 */
export async function bundleJson(scope: Scope, kind: Bundle, bundle: Exchange | Claim): Promise<Json> {
  const returns = scope.resolve("returnService")
  const [orderReturn] = bundle.return_id ? await returnsJson(scope, [await returns.retrieve(bundle.return_id)]) : []
  const changes = await scope.resolve("orderChangeService").list(bundle.order_id, { change_type: [kind] })
  const own = changes.filter((change) => (kind === "exchange" ? change.exchange_id : change.claim_id) === bundle.id)
  const actions = await scope.resolve("orderChangeService").actions(own.map((change) => change.id))
  const additional = actions
    .filter((action) => action.action === ChangeAction.ITEM_ADD)
    .map((action) => ({ ...(action.details.line as Json), quantity: action.details.quantity }))
  const common = {
    ...bundle,
    return: orderReturn ?? null,
    return_items: (orderReturn?.items as Json[] | undefined) ?? [],
    additional_items: additional,
  }
  if (kind === "exchange") return { ...common, difference_due: amount((bundle as Exchange).difference_due) }
  const claim = bundle as Claim
  return {
    ...common,
    refund_amount: amount(claim.refund_amount),
    claim_items: await returns.claimItems([claim.id]),
  }
}
