import { and, asc, eq, inArray, isNull, ne, notInArray, or, sql, type SQL } from "drizzle-orm"
import { searchAny } from "../../core/query/filters"
import { MedusaError } from "../../core/errors"
import { generateUnguessableId } from "../../core/ids"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { DateRange, Ordering } from "../../core/query/params"
import { childRows, fromRowJson, qualified as q } from "../../core/query/row-json"
import type { Db } from "../../infra/db"
import { idempotencyKey, order, orderAddress, orderFulfillment, orderLineItem, orderShippingMethod } from "./schema"

export type Order = typeof order.$inferSelect
export type OrderLineItem = typeof orderLineItem.$inferSelect
export type OrderShippingMethod = typeof orderShippingMethod.$inferSelect
export type OrderAddress = typeof orderAddress.$inferSelect
type AddressValues = Omit<typeof orderAddress.$inferInsert, "id">

export interface NewOrder {
  order: Omit<typeof order.$inferInsert, "id" | "display_id" | "shipping_address_id" | "billing_address_id">
  shipping_address: AddressValues | null
  billing_address: AddressValues | null
  items: Omit<typeof orderLineItem.$inferInsert, "id" | "order_id">[]
  shipping_methods: Omit<typeof orderShippingMethod.$inferInsert, "id" | "order_id">[]
}

export class OrderService {
  constructor(private readonly db: Db) {}

  /** Writes an order with its lines, methods and address copies; display_id comes from a sequence. */
  /** The order with its lines (as stored), in one statement per table. */
  async create(input: NewOrder): Promise<{ order: Order; items: OrderLineItem[] }> {
    const address = async (values: AddressValues | null) => {
      if (!values) return null
      const [created] = await this.db
        .insert(orderAddress)
        .values({ ...values, id: generateUnguessableId("ordaddr") })
        .returning()
      return created!.id
    }
    const [created] = await this.db
      .insert(order)
      .values({
        ...input.order,
        id: generateUnguessableId("order"),
        shipping_address_id: await address(input.shipping_address),
        billing_address_id: await address(input.billing_address),
      })
      .returning()
    const items = input.items.length
      ? await this.db
          .insert(orderLineItem)
          .values(input.items.map((item) => ({ ...item, id: generateUnguessableId("ordli"), order_id: created!.id })))
          .returning()
      : []
    if (input.shipping_methods.length) {
      await this.db.insert(orderShippingMethod).values(
        input.shipping_methods.map((method) => ({
          ...method,
          id: generateUnguessableId("ordsm"),
          order_id: created!.id,
        })),
      )
    }
    return { order: created!, items }
  }

  /**
   * The merchant's corrections: email, metadata, and address fields (patched in place). The
   * shipping country cannot change, as in Medusa: the order's taxes and shipping were priced for it.
   */
  async updateDetails(
    id: string,
    input: {
      email?: string
      metadata?: Record<string, unknown> | null
      shipping_address?: AddressValues
      billing_address?: AddressValues
      customer_id?: string
    },
    options: { allowCountryChange?: boolean } = {},
  ) {
    const [found] = await this.db
      .select()
      .from(order)
      .where(and(eq(order.id, id), isNull(order.deleted_at)))
      .for("update")
    if (!found) throw new MedusaError("not_found", `Order with id: ${id} was not found`)
    if (found.status === "canceled") throw new MedusaError("invalid_data", `Order with id ${id} has been canceled.`)
    const patchAddress = async (addressId: string | null, values: AddressValues | undefined, checkCountry: boolean) => {
      if (!values) return addressId
      const normalized = values.country_code ? { ...values, country_code: values.country_code.toLowerCase() } : values
      if (!addressId)
        return (
          await this.db
            .insert(orderAddress)
            .values({ ...normalized, id: generateUnguessableId("ordaddr") })
            .returning()
        )[0]!.id
      const [current] = await this.db.select().from(orderAddress).where(eq(orderAddress.id, addressId))
      if (checkCountry && normalized.country_code && normalized.country_code !== current?.country_code) {
        throw new MedusaError("invalid_data", "Country code cannot be changed")
      }
      await this.db
        .update(orderAddress)
        .set({ ...normalized, updated_at: sql`now()` })
        .where(eq(orderAddress.id, addressId))
      return addressId
    }
    const [updated] = await this.db
      .update(order)
      .set({
        ...(input.email !== undefined ? { email: input.email.toLowerCase() } : {}),
        ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
        ...(input.customer_id !== undefined ? { customer_id: input.customer_id } : {}),
        shipping_address_id: await patchAddress(
          found.shipping_address_id,
          input.shipping_address,
          !options.allowCountryChange,
        ),
        billing_address_id: await patchAddress(found.billing_address_id, input.billing_address, false),
        updated_at: new Date(),
      })
      .where(eq(order.id, id))
      .returning()
    return updated!
  }

  async retrieve(id: string): Promise<Order> {
    const [found] = await this.db
      .select()
      .from(order)
      .where(and(eq(order.id, id), isNull(order.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Order with id: ${id} was not found`)
    return found
  }

  async retrieveByCart(cartId: string): Promise<Order | undefined> {
    const [found] = await this.db.select().from(order).where(eq(order.cart_id, cartId))
    return found
  }

  /** Orders with their lines, shipping methods and addresses, in one statement, in the order of `orderIds`. */
  async documents(orderIds: string[]) {
    if (orderIds.length === 0) return []
    const rows = await this.db
      .select({
        order,
        items: childRows(
          orderLineItem,
          sql`${q(orderLineItem, orderLineItem.order_id)} = ${q(order, order.id)}`,
          sql`order by ${q(orderLineItem, orderLineItem.id)}`,
        ),
        methods: childRows(
          orderShippingMethod,
          sql`${q(orderShippingMethod, orderShippingMethod.order_id)} = ${q(order, order.id)}`,
          sql`order by ${q(orderShippingMethod, orderShippingMethod.id)}`,
        ),
        addresses: childRows(
          orderAddress,
          sql`${q(orderAddress, orderAddress.id)} in (${q(order, order.shipping_address_id)}, ${q(order, order.billing_address_id)})`,
        ),
        fulfilled: sql<boolean>`exists (select 1 from ${orderFulfillment} where ${q(orderFulfillment, orderFulfillment.order_id)} = ${q(order, order.id)})`,
      })
      .from(order)
      .where(inArray(order.id, orderIds))
    const byId = new Map(rows.map((row) => [row.order.id, row]))
    return orderIds.flatMap((id) => {
      const row = byId.get(id)
      if (!row) return []
      const addresses = new Map(
        row.addresses.map((json) => fromRowJson(orderAddress, json)).map((address) => [address.id, address]),
      )
      return [
        {
          order: row.order,
          items: row.items.map((json) => fromRowJson(orderLineItem, json)),
          shippingMethods: row.methods.map((json) => fromRowJson(orderShippingMethod, json)),
          shippingAddress: (row.order.shipping_address_id && addresses.get(row.order.shipping_address_id)) || null,
          billingAddress: (row.order.billing_address_id && addresses.get(row.order.billing_address_id)) || null,
          hasFulfillments: row.fulfilled,
        },
      ]
    })
  }

  /** The promotions a draft carries (as an order keeps them: id, code, is_automatic, application_method). */
  async setDraftPromotions(id: string, promotions: Record<string, unknown>[]) {
    await this.db
      .update(order)
      .set({ promotions, updated_at: new Date() })
      .where(and(eq(order.id, id), eq(order.is_draft_order, true)))
  }

  async items(orderIds: string[]): Promise<OrderLineItem[]> {
    if (orderIds.length === 0) return []
    return this.db
      .select()
      .from(orderLineItem)
      .where(inArray(orderLineItem.order_id, orderIds))
      .orderBy(asc(orderLineItem.id))
  }

  async list(
    filters: {
      q?: string
      status?: string[]
      customer_id?: string[]
      region_id?: string[]
      sales_channel_id?: string[]
      id?: string[]
      created_at?: DateRange
      updated_at?: DateRange
      /** drafts are listed only when asked for (GET /admin/draft-orders) */
      is_draft_order?: boolean
    },
    ordering: Ordering,
    page: Page,
  ) {
    const conditions: (SQL | undefined)[] = [
      isNull(order.deleted_at),
      eq(order.is_draft_order, filters.is_draft_order ?? false),
    ]
    if (filters.id) conditions.push(inArray(order.id, filters.id))
    if (filters.status) conditions.push(inArray(order.status, filters.status as Order["status"][]))
    if (filters.customer_id) conditions.push(inArray(order.customer_id, filters.customer_id))
    if (filters.region_id) conditions.push(inArray(order.region_id, filters.region_id))
    if (filters.sales_channel_id) conditions.push(inArray(order.sales_channel_id, filters.sales_channel_id))
    if (filters.q) {
      const number = /^\d{1,9}$/.test(filters.q) ? eq(order.display_id, Number(filters.q)) : undefined
      conditions.push(or(searchAny([order.email, order.id], filters.q), number))
    }
    return listPage(this.db, order, and(...conditions), orderBy(order, ordering, order.id), page, filters)
  }

  /** A draft order, its row locked until the transaction ends; anything else is refused with Medusa's message. */
  async lockDraft(id: string): Promise<Order> {
    const [found] = await this.db
      .select()
      .from(order)
      .where(and(eq(order.id, id), isNull(order.deleted_at)))
      .for("update")
    if (!found) throw new MedusaError("not_found", `Draft order with id: ${id} was not found`)
    if (found.status !== "draft" || !found.is_draft_order)
      throw new MedusaError("invalid_data", `Order ${id} is not a draft order`)
    return found
  }

  /**
   * A draft's lines and shipping methods become exactly these: rows with an id are updated, rows
   * without are added, the others removed; and the draft takes the totals.
   */
  async saveDraftContents(
    id: string,
    input: {
      items: (Omit<typeof orderLineItem.$inferInsert, "id" | "order_id"> & { id?: string })[]
      shipping_methods: (Omit<typeof orderShippingMethod.$inferInsert, "id" | "order_id"> & { id?: string })[]
      totals: Record<string, string>
    },
  ) {
    const keptItems = input.items.flatMap((item) => (item.id ? [item.id] : []))
    const keptMethods = input.shipping_methods.flatMap((method) => (method.id ? [method.id] : []))
    await this.db
      .delete(orderLineItem)
      .where(
        and(eq(orderLineItem.order_id, id), keptItems.length ? notInArray(orderLineItem.id, keptItems) : undefined),
      )
    await this.db
      .delete(orderShippingMethod)
      .where(
        and(
          eq(orderShippingMethod.order_id, id),
          keptMethods.length ? notInArray(orderShippingMethod.id, keptMethods) : undefined,
        ),
      )
    for (const { id: itemId, ...values } of input.items) {
      if (itemId)
        await this.db
          .update(orderLineItem)
          .set({ ...values, updated_at: new Date() })
          .where(and(eq(orderLineItem.id, itemId), eq(orderLineItem.order_id, id)))
      else await this.db.insert(orderLineItem).values({ ...values, id: generateUnguessableId("ordli"), order_id: id })
    }
    for (const { id: methodId, ...values } of input.shipping_methods) {
      if (methodId)
        await this.db
          .update(orderShippingMethod)
          .set({ ...values, updated_at: new Date() })
          .where(and(eq(orderShippingMethod.id, methodId), eq(orderShippingMethod.order_id, id)))
      else
        await this.db
          .insert(orderShippingMethod)
          .values({ ...values, id: generateUnguessableId("ordsm"), order_id: id })
    }
    await this.db.update(order).set({ totals: input.totals, updated_at: new Date() }).where(eq(order.id, id))
  }

  /** The draft becomes a pending order, once: only a row still in draft is changed (undefined otherwise). */
  async placeDraft(id: string, paymentCollectionId: string): Promise<Order | undefined> {
    const [placed] = await this.db
      .update(order)
      .set({
        status: "pending",
        is_draft_order: false,
        payment_collection_id: paymentCollectionId,
        updated_at: new Date(),
      })
      .where(and(eq(order.id, id), eq(order.status, "draft"), eq(order.is_draft_order, true), isNull(order.deleted_at)))
      .returning()
    return placed
  }

  /** Deletes a draft (soft, as Medusa's deleteDraftOrdersWorkflow); a placed order is never deleted. */
  async deleteDraft(id: string) {
    await this.lockDraft(id)
    await this.db.update(order).set({ deleted_at: new Date() }).where(eq(order.id, id))
  }

  /** Marks the order canceled; refuses one canceled already. */
  async cancel(id: string) {
    const [canceled] = await this.db
      .update(order)
      .set({ status: "canceled", canceled_at: new Date().toISOString(), updated_at: new Date() })
      .where(and(eq(order.id, id), isNull(order.deleted_at), ne(order.status, "canceled")))
      .returning()
    if (!canceled) {
      await this.retrieve(id)
      throw new MedusaError("not_allowed", `Order ${id} is already canceled`)
    }
    return canceled
  }

  /** Archives a completed, canceled or draft order (Medusa's rule; its message is Medusa's, word for word). */
  async archive(id: string) {
    const [archived] = await this.db
      .update(order)
      .set({ status: "archived", updated_at: new Date() })
      .where(and(eq(order.id, id), isNull(order.deleted_at), inArray(order.status, ["completed", "canceled", "draft"])))
      .returning()
    if (!archived) {
      await this.retrieve(id)
      throw new MedusaError("invalid_data", `Orders ${id} are completed, canceled, or in draft and cannot be archived`)
    }
    return archived
  }

  /** A customer's orders, newest first unless told otherwise. */
  async listForCustomer(
    customerId: string,
    filters: { status?: string[] } & DateFilters,
    ordering: Ordering,
    page: Page,
  ) {
    const where = and(
      eq(order.customer_id, customerId),
      isNull(order.deleted_at),
      eq(order.is_draft_order, false),
      filters.status ? inArray(order.status, filters.status as Order["status"][]) : undefined,
    )
    return listPage(this.db, order, where, orderBy(order, ordering, order.id), page, filters)
  }

  /**
   * Claims an Idempotency-Key for a cart's completion. The key's row is taken inside the
   * completion's transaction, so a second request with the same key waits for the first and
   * then sees its order. A key already used for another cart is refused.
   */
  async claimIdempotencyKey(key: string, cartId: string): Promise<{ order_id: string | null }> {
    await this.db.insert(idempotencyKey).values({ key, cart_id: cartId }).onConflictDoNothing()
    const [row] = await this.db.select().from(idempotencyKey).where(eq(idempotencyKey.key, key)).for("update")
    if (row!.cart_id !== cartId)
      throw new MedusaError("conflict", `Idempotency key ${key} was used for another request`)
    return { order_id: row!.order_id }
  }

  async recordIdempotentResult(key: string, orderId: string) {
    await this.db.update(idempotencyKey).set({ order_id: orderId }).where(eq(idempotencyKey.key, key))
  }
}
