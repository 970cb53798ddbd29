import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { CustomerEvents } from "../../modules/customer/events"
import { OrderEvents } from "../../modules/order/events"
import type { Order, OrderAddress, OrderLineItem, OrderShippingMethod } from "../../modules/order/service"
import { cachedRegion } from "../../modules/region/catalog-reads"
import { reserveOrderLines } from "../inventory/order-stock"
import type { PromotionChange } from "../cart/promotions"
import { registerPromotionUsage } from "../cart/promotion-view"
import { appliedPromotionIds, draftAdjustments, promoteDraft, saveDraftPromotions } from "./promotions"
import {
  type DraftContext,
  type DraftItemInput,
  type DraftLine,
  type DraftMethod,
  type DraftShippingInput,
  draftTaxRate,
  newDraftLines,
  newDraftMethod,
  priceDraft,
} from "./pricing"

// Medusa's draft-order workflows. A draft is an order row (status "draft", is_draft_order) whose
// lines are priced and taxed as a cart's; nothing is reserved or paid until it is converted.

export interface DraftAddress {
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  country_code?: string | null
  province?: string | null
  postal_code?: string | null
  metadata?: Record<string, unknown> | null
}

export interface CreateDraftOrderInput {
  email?: string | null
  customer_id?: string | null
  region_id: string
  sales_channel_id?: string | null
  currency_code?: string | null
  items?: DraftItemInput[] | null
  shipping_methods?: DraftShippingInput[] | null
  shipping_address?: DraftAddress | null
  billing_address?: DraftAddress | null
  metadata?: Record<string, unknown> | null
  promo_codes?: string[] | null
}

const addressValues = (address: DraftAddress | null | undefined) =>
  address ? { ...address, country_code: address.country_code?.toLowerCase() ?? null } : null

const contextOf = (draft: Order, address: Pick<OrderAddress, "country_code" | "province"> | null): DraftContext => ({
  region_id: draft.region_id,
  currency_code: draft.currency_code,
  sales_channel_id: draft.sales_channel_id,
  customer_id: draft.customer_id,
  country_code: address?.country_code ?? null,
  province: address?.province ?? null,
})

/** The channel a draft sells in: the one asked for, else the store's default. */
async function draftChannel(tx: Scope, requested: string | null | undefined) {
  if (requested) return (await tx.resolve("salesChannelService").retrieve(requested)).id
  const store = await tx.resolve("storeService").retrieveDefault()
  if (!store?.default_sales_channel_id)
    throw new MedusaError("invalid_data", "sales_channel_id is required: the store has no default sales channel")
  return store.default_sales_channel_id
}

/** The draft's customer: the one named, else the guest customer of its email (created if there is none). */
async function draftCustomer(tx: Scope, input: { customer_id?: string | null; email?: string | null }) {
  const customers = tx.resolve("customerService")
  if (input.customer_id) {
    const customer = await customers.retrieve(input.customer_id)
    return { id: customer.id, email: input.email ?? customer.email }
  }
  const { customer, created } = await customers.findOrCreateGuest(input.email!)
  if (created) await emitEvent(tx, CustomerEvents.CREATED, { id: customer.id })
  return { id: customer.id, email: customer.email }
}

/** Medusa's createDraftOrderWorkflow (createOrderWorkflow with status "draft"); answers the draft's id. */
export function createDraftOrder(scope: Scope, input: CreateDraftOrderInput): Promise<string> {
  return transaction(scope, async (tx) => {
    const region = (await cachedRegion(tx, input.region_id))?.region
    if (!region) throw new MedusaError("not_found", `Region with id: ${input.region_id} was not found`)
    if (input.currency_code && input.currency_code.toLowerCase() !== region.currency_code)
      throw new MedusaError(
        "invalid_data",
        `currency_code ${input.currency_code} does not match the region's currency ${region.currency_code}`,
      )
    const salesChannelId = await draftChannel(tx, input.sales_channel_id)
    const customer = await draftCustomer(tx, input)
    const shipping = addressValues(input.shipping_address)
    const context: DraftContext = {
      region_id: region.id,
      currency_code: region.currency_code,
      sales_channel_id: salesChannelId,
      customer_id: customer.id,
      country_code: shipping?.country_code ?? null,
      province: shipping?.province ?? null,
    }
    const lines = await newDraftLines(tx, context, input.items ?? [])
    const methods: DraftMethod[] = []
    for (const method of input.shipping_methods ?? []) methods.push(await newDraftMethod(tx, context, method))
    const taxRate = await draftTaxRate(tx, context)
    const promoted = await promoteDraft(tx, context, taxRate, [], { add: input.promo_codes ?? [] }, lines, methods)
    const priced = priceDraft(taxRate, promoted.lines, promoted.methods)
    const created = await tx.resolve("orderService").create({
      order: {
        region_id: region.id,
        customer_id: customer.id,
        sales_channel_id: salesChannelId,
        email: customer.email?.toLowerCase() ?? null,
        currency_code: region.currency_code,
        status: "draft",
        is_draft_order: true,
        metadata: input.metadata ?? null,
        totals: priced.totals,
        promotions: promoted.promotions,
      },
      shipping_address: shipping,
      billing_address: addressValues(input.billing_address),
      items: priced.items,
      shipping_methods: priced.shipping_methods,
    })
    return created.order.id
  })
}

type Change = (
  tx: Scope,
  context: DraftContext,
  lines: DraftLine[],
  methods: DraftMethod[],
) => Promise<{ lines: DraftLine[]; methods: DraftMethod[] }>

const storedLine = ({
  order_id: _o,
  created_at: _c,
  updated_at: _u,
  deleted_at: _d,
  totals: _t,
  ...line
}: OrderLineItem) => line
const storedMethod = ({
  order_id: _o,
  created_at: _c,
  updated_at: _u,
  deleted_at: _d,
  totals: _t,
  ...method
}: OrderShippingMethod) => method

/**
 * The draft locked, its lines and methods changed, its promotions computed afresh (with
 * `promotions`' codes added or taken off) and everything priced again at its address's tax rate.
 */
async function repriceDraft(tx: Scope, id: string, change?: Change, promotions: PromotionChange = {}) {
  const orders = tx.resolve("orderService")
  const draft = await orders.lockDraft(id)
  const [document] = await orders.documents([id])
  const context = contextOf(draft, document!.shippingAddress)
  let lines: DraftLine[] = document!.items.map(storedLine)
  let methods: DraftMethod[] = document!.shippingMethods.map(storedMethod)
  if (change) ({ lines, methods } = await change(tx, context, lines, methods))
  const taxRate = await draftTaxRate(tx, context)
  const promoted = await promoteDraft(tx, context, taxRate, appliedPromotionIds(draft), promotions, lines, methods)
  await orders.saveDraftContents(id, priceDraft(taxRate, promoted.lines, promoted.methods))
  await saveDraftPromotions(tx, draft, promoted.promotions)
}

/** Medusa's addDraftOrderPromotionWorkflow: the codes applied (an unknown or inactive one refuses them all). */
export const addDraftPromotions = (scope: Scope, id: string, codes: string[]) =>
  transaction(scope, (tx) => repriceDraft(tx, id, undefined, { add: codes }))

/** Medusa's removeDraftOrderPromotionsWorkflow: the codes taken off. */
export const removeDraftPromotions = (scope: Scope, id: string, codes: string[]) =>
  transaction(scope, (tx) => repriceDraft(tx, id, undefined, { remove: codes }))

function changeDraft(scope: Scope, id: string, change: Change) {
  return transaction(scope, (tx) => repriceDraft(tx, id, change))
}

/** Medusa's updateDraftOrderWorkflow: email, customer, addresses, metadata; a new address may change the tax. */
export function updateDraftOrder(
  scope: Scope,
  id: string,
  input: {
    email?: string
    customer_id?: string
    shipping_address?: DraftAddress
    billing_address?: DraftAddress
    metadata?: Record<string, unknown> | null
  },
) {
  return transaction(scope, async (tx) => {
    const orders = tx.resolve("orderService")
    await orders.lockDraft(id)
    const customer = input.customer_id ? await tx.resolve("customerService").retrieve(input.customer_id) : undefined
    await orders.updateDetails(
      id,
      {
        email: input.email ?? customer?.email ?? undefined,
        customer_id: customer?.id,
        metadata: input.metadata,
        shipping_address: input.shipping_address ? addressValues(input.shipping_address)! : undefined,
        billing_address: input.billing_address ? addressValues(input.billing_address)! : undefined,
      },
      { allowCountryChange: true },
    )
    await repriceDraft(tx, id)
    await emitEvent(tx, OrderEvents.UPDATED, { id })
  })
}

/** Medusa's deleteDraftOrdersWorkflow, for one draft. */
export function deleteDraftOrder(scope: Scope, id: string) {
  return transaction(scope, (tx) => tx.resolve("orderService").deleteDraft(id))
}

/** The draft exists and is still a draft: the edit session endpoints (begin, request, confirm, cancel) have nothing else to do. */
export function assertDraft(scope: Scope, id: string) {
  return transaction(scope, (tx) => tx.resolve("orderService").lockDraft(id))
}

/** Medusa's addDraftOrderItemsWorkflow: variant lines priced as a cart's, or custom lines. */
export const addDraftItems = (scope: Scope, id: string, items: DraftItemInput[]) =>
  changeDraft(scope, id, async (tx, context, lines, methods) => ({
    lines: [...lines, ...(await newDraftLines(tx, context, items))],
    methods,
  }))

/** Medusa's updateDraftOrderItemWorkflow: a line's new quantity; 0 removes it. */
export const updateDraftItem = (scope: Scope, id: string, itemId: string, input: { quantity: number }) =>
  changeDraft(scope, id, async (_tx, _context, lines, methods) => {
    if (!lines.some((line) => line.id === itemId))
      throw new MedusaError("invalid_data", `Item ID "${itemId}" not found.`)
    return {
      lines: lines.flatMap((line) =>
        line.id !== itemId ? [line] : input.quantity === 0 ? [] : [{ ...line, quantity: input.quantity }],
      ),
      methods,
    }
  })

/** Medusa's addDraftOrderShippingMethodsWorkflow. */
export const addDraftShipping = (scope: Scope, id: string, input: DraftShippingInput) =>
  changeDraft(scope, id, async (tx, context, lines, methods) => ({
    lines,
    methods: [...methods, await newDraftMethod(tx, context, input)],
  }))

/** A shipping method's new option or amount (null: `null` removes it). */
export const updateDraftShipping = (
  scope: Scope,
  id: string,
  methodId: string,
  input: { shipping_option_id?: string; custom_amount?: number | null } | null,
) =>
  changeDraft(scope, id, async (tx, context, lines, methods) => {
    const current = methods.find((method) => method.id === methodId)
    if (!current) throw new MedusaError("invalid_data", `Shipping method with id: ${methodId} was not found`)
    if (input === null) return { lines, methods: methods.filter((method) => method.id !== methodId) }
    const optionId = input.shipping_option_id ?? current.shipping_option_id
    const replaced =
      input.shipping_option_id || input.custom_amount !== undefined
        ? await newDraftMethod(tx, context, {
            shipping_option_id: optionId ?? "",
            amount:
              input.custom_amount !== undefined
                ? input.custom_amount
                : input.shipping_option_id
                  ? null
                  : Number(current.amount),
          })
        : current
    return {
      lines,
      methods: methods.map((method) => (method.id === methodId ? { ...replaced, id: methodId } : method)),
    }
  })

/**
 * Medusa's convertDraftOrderWorkflow: the draft becomes a pending order, once. Its stock is
 * reserved at its channel's locations as a checkout reserves it (not enough: refused, nothing
 * changed), a payment collection is opened for its total, and `order.placed` is written.
 */
export function convertDraftToOrder(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    const orders = tx.resolve("orderService")
    // The lock makes a second conversion wait, then find no draft.
    const draft = await orders.lockDraft(id)
    const [document] = await orders.documents([id])
    const lines = await orders.items([id])
    // Budgets are counted here, under the draft's lock, as a checkout counts them: over one, nothing is converted.
    await registerPromotionUsage(tx, draftAdjustments(lines, document!.shippingMethods))
    await reserveOrderLines(tx, draft.sales_channel_id, lines)
    const collection = await tx.resolve("paymentService").createCollection({
      currency_code: draft.currency_code,
      amount: draft.totals.total ?? "0",
      region_id: draft.region_id,
    })
    const placed = await orders.placeDraft(id, collection.id)
    if (!placed) throw new MedusaError("invalid_data", `Order ${id} is not a draft order`)
    await emitEvent(tx, OrderEvents.PLACED, { id })
  })
}
