import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId, generateUnguessableId } from "../../core/ids"
import { decimal } from "../../core/money"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { DateRange, Ordering } from "../../core/query/params"
import { childRows, fromRowJson, qualified as q } from "../../core/query/row-json"
import type { Db } from "../../infra/db"
import { payment, paymentCollection, paymentProvider, paymentSession, refund } from "./schema"

export type PaymentCollection = typeof paymentCollection.$inferSelect
export type PaymentSession = typeof paymentSession.$inferSelect
export type Payment = typeof payment.$inferSelect
export type Refund = typeof refund.$inferSelect

export interface PaymentFilters {
  id?: string[]
  payment_session_id?: string[]
  q?: string
  created_at?: DateRange
  updated_at?: DateRange
}

export interface RefundInput {
  /** decimal string; the whole refundable remainder when absent */
  amount?: string
  refund_reason_id?: string | null
  note?: string | null
  created_by?: string
}

/** Payment collections, sessions and payments. The system provider authorises at once. */
export class PaymentService {
  constructor(private readonly db: Db) {}

  async createCollection(input: { currency_code: string; amount: string; region_id: string | null }) {
    const [created] = await this.db
      .insert(paymentCollection)
      .values({ id: generateUnguessableId("pay_col"), ...input })
      .returning()
    return created!
  }

  async retrieveCollection(id: string): Promise<PaymentCollection> {
    const [found] = await this.db.select().from(paymentCollection).where(eq(paymentCollection.id, id))
    if (!found) throw new MedusaError("not_found", `Payment collection with id: ${id} was not found`)
    return found
  }

  /** The collection, its row locked until the transaction ends. */
  async lockCollection(id: string): Promise<PaymentCollection> {
    const [found] = await this.db.select().from(paymentCollection).where(eq(paymentCollection.id, id)).for("update")
    if (!found) throw new MedusaError("not_found", `Payment collection with id: ${id} was not found`)
    return found
  }

  /** Collections with their sessions, payments and the payments' refunds, in one statement. */
  async collectionDocuments(ids: string[]) {
    if (ids.length === 0) return []
    const pc = paymentCollection
    const rows = await this.db
      .select({
        collection: pc,
        sessions: childRows(
          paymentSession,
          sql`${q(paymentSession, paymentSession.payment_collection_id)} = ${q(pc, pc.id)}`,
          sql`order by ${q(paymentSession, paymentSession.created_at)}`,
        ),
        payments: childRows(
          payment,
          sql`${q(payment, payment.payment_collection_id)} = ${q(pc, pc.id)}`,
          sql`order by ${q(payment, payment.created_at)}`,
        ),
        refunds: childRows(
          refund,
          sql`${q(refund, refund.payment_id)} in (select ${q(payment, payment.id)} from ${payment} where ${q(payment, payment.payment_collection_id)} = ${q(pc, pc.id)})`,
          sql`order by ${q(refund, refund.created_at)}`,
        ),
      })
      .from(pc)
      .where(inArray(pc.id, ids))
    return rows.map((row) => ({
      collection: row.collection,
      sessions: row.sessions.map((json) => fromRowJson(paymentSession, json)),
      payments: row.payments.map((json) => fromRowJson(payment, json)),
      refunds: row.refunds.map((json) => fromRowJson(refund, json)),
    }))
  }

  async collections(ids: string[]): Promise<PaymentCollection[]> {
    if (ids.length === 0) return []
    return this.db.select().from(paymentCollection).where(inArray(paymentCollection.id, ids))
  }

  async payments(collectionIds: string[]): Promise<Payment[]> {
    if (collectionIds.length === 0) return []
    return this.db
      .select()
      .from(payment)
      .where(inArray(payment.payment_collection_id, collectionIds))
      .orderBy(asc(payment.created_at))
  }

  async list(filters: PaymentFilters & DateFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(payment.deleted_at)]
    if (filters.id) conditions.push(inArray(payment.id, filters.id))
    if (filters.payment_session_id) conditions.push(inArray(payment.payment_session_id, filters.payment_session_id))
    if (filters.q) conditions.push(searchAny([payment.id, payment.provider_id], filters.q))
    return listPage(this.db, payment, and(...conditions), orderBy(payment, ordering, payment.id), page, filters)
  }

  async retrieve(id: string): Promise<Payment> {
    const [found] = await this.db
      .select()
      .from(payment)
      .where(and(eq(payment.id, id), isNull(payment.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Payment with id: ${id} was not found`)
    return found
  }

  async refunds(paymentIds: string[]): Promise<Refund[]> {
    if (paymentIds.length === 0) return []
    return this.db
      .select()
      .from(refund)
      .where(inArray(refund.payment_id, paymentIds))
      .orderBy(asc(refund.created_at), asc(refund.id))
  }

  /** All payment providers, enabled or not (the Admin API's list). */
  async listProviders(filters: { id?: string[]; is_enabled?: boolean } & DateFilters, ordering: Ordering, page: Page) {
    const where = and(
      filters.id ? inArray(paymentProvider.id, filters.id) : undefined,
      filters.is_enabled === undefined ? undefined : eq(paymentProvider.is_enabled, filters.is_enabled),
    )
    return listPage(
      this.db,
      paymentProvider,
      where,
      orderBy(paymentProvider, ordering, paymentProvider.id),
      page,
      filters,
    )
  }

  async enabledProviders(ids: string[]): Promise<{ id: string; is_enabled: boolean }[]> {
    if (ids.length === 0) return []
    return this.db
      .select()
      .from(paymentProvider)
      .where(and(inArray(paymentProvider.id, ids), eq(paymentProvider.is_enabled, true)))
      .orderBy(asc(paymentProvider.id))
  }

  /** A new session replaces the collection's older ones. */
  async replaceSession(collection: PaymentCollection, input: { provider_id: string; data?: Record<string, unknown> }) {
    await this.db.delete(paymentSession).where(eq(paymentSession.payment_collection_id, collection.id))
    const [created] = await this.db
      .insert(paymentSession)
      .values({
        id: generateUnguessableId("payses"),
        payment_collection_id: collection.id,
        currency_code: collection.currency_code,
        amount: collection.amount,
        provider_id: input.provider_id,
        data: input.data ?? {},
      })
      .returning()
    await this.db
      .update(paymentCollection)
      .set({ status: "awaiting", updated_at: sql`now()` })
      .where(eq(paymentCollection.id, collection.id))
    return created!
  }

  /** The cart's total changed: the collection follows and its sessions are dropped, so the shopper starts a new one. */
  /** The collection follows its cart's total: a new total drops the sessions. Returns the collection as it now is. */
  async refreshAmount(collectionId: string, amount: string): Promise<PaymentCollection> {
    const current = await this.retrieveCollection(collectionId)
    if (decimal(current.amount).eq(amount)) return current
    await this.db.delete(paymentSession).where(eq(paymentSession.payment_collection_id, collectionId))
    const [updated] = await this.db
      .update(paymentCollection)
      .set({ amount, status: "not_paid", updated_at: sql`now()` })
      .where(eq(paymentCollection.id, collectionId))
      .returning()
    return updated!
  }

  /** Captures an authorised payment in full (the system provider has nothing to call). */
  async capture(paymentId: string): Promise<Payment> {
    const [found] = await this.db.select().from(payment).where(eq(payment.id, paymentId)).for("update")
    if (!found) throw new MedusaError("not_found", `Payment with id: ${paymentId} was not found`)
    if (found.canceled_at) throw new MedusaError("not_allowed", `Payment ${paymentId} is canceled`)
    if (found.captured_at) return found
    const [captured] = await this.db
      .update(payment)
      .set({ captured_at: new Date(), updated_at: new Date() })
      .where(eq(payment.id, paymentId))
      .returning()
    await this.db
      .update(paymentCollection)
      .set({ status: "completed", captured_amount: found.amount, completed_at: new Date(), updated_at: sql`now()` })
      .where(eq(paymentCollection.id, found.payment_collection_id))
    return captured!
  }

  /**
   * Gives back part or all of a captured payment (the system provider has nothing to call).
   * The payment row is locked first, so concurrent refunds see each other and can never add
   * up to more than was captured. Medusa's rules and messages.
   */
  async refund(paymentId: string, input: RefundInput): Promise<Refund> {
    const [found] = await this.db
      .select()
      .from(payment)
      .where(and(eq(payment.id, paymentId), isNull(payment.deleted_at)))
      .for("update")
    if (!found) throw new MedusaError("not_found", `Payment with id: ${paymentId} was not found`)
    const captured = decimal(found.captured_at ? found.amount : 0)
    const refunded = (await this.refunds([paymentId])).reduce((sum, row) => sum.plus(row.amount), decimal(0))
    const remainder = captured.minus(refunded)
    const amount = decimal(input.amount ?? remainder)
    if (input.amount !== undefined && amount.gt(remainder)) {
      throw new MedusaError("invalid_data", "You are not allowed to refund more than the captured amount")
    }
    if (amount.lte(0) || amount.gt(remainder))
      throw new MedusaError("invalid_data", "You cannot refund more than what is captured on the payment.")
    const [created] = await this.db
      .insert(refund)
      .values({
        id: generateId("ref"),
        payment_id: paymentId,
        amount: amount.toString(),
        refund_reason_id: input.refund_reason_id ?? null,
        note: input.note ?? null,
        created_by: input.created_by ?? null,
      })
      .returning()
    await this.db
      .update(paymentCollection)
      .set({
        refunded_amount: sql`coalesce(${paymentCollection.refunded_amount}, 0) + ${amount.toString()}::numeric`,
        updated_at: sql`now()`,
      })
      .where(eq(paymentCollection.id, found.payment_collection_id))
    return created!
  }

  /** Cancels a collection's uncaptured payments (an order canceled); captured ones need a refund first. */
  async cancelCollection(collectionId: string) {
    const payments = await this.payments([collectionId])
    if (payments.some((p) => p.captured_at)) {
      throw new MedusaError("not_allowed", "The order's payment was captured: refund it before canceling the order")
    }
    await this.db
      .update(payment)
      .set({ canceled_at: new Date() })
      .where(eq(payment.payment_collection_id, collectionId))
    await this.db
      .update(paymentCollection)
      .set({ status: "canceled", updated_at: sql`now()` })
      .where(eq(paymentCollection.id, collectionId))
  }

  /**
   * Authorises the collection's pending session for `amount`. The system provider
   * (pp_system_default) authorises immediately; anything else is refused here.
   */
  async authorize(collectionId: string, amount: string): Promise<Payment> {
    const [session] = await this.db
      .select()
      .from(paymentSession)
      .where(and(eq(paymentSession.payment_collection_id, collectionId), eq(paymentSession.status, "pending")))
    if (!session) throw new MedusaError("invalid_data", "Payment sessions are required to complete cart")
    if (session.provider_id !== "pp_system_default") {
      throw new MedusaError("payment_authorization_error", `Payment provider ${session.provider_id} is not available`)
    }
    if (!decimal(session.amount).eq(amount)) {
      throw new MedusaError(
        "payment_authorization_error",
        "The payment session's amount does not match the cart's total",
      )
    }
    await this.db
      .update(paymentSession)
      .set({ status: "authorized", authorized_at: new Date() })
      .where(eq(paymentSession.id, session.id))
    await this.db
      .update(paymentCollection)
      .set({ status: "authorized", authorized_amount: amount, updated_at: sql`now()` })
      .where(eq(paymentCollection.id, collectionId))
    const [created] = await this.db
      .insert(payment)
      .values({
        id: generateUnguessableId("pay"),
        payment_collection_id: collectionId,
        payment_session_id: session.id,
        amount,
        currency_code: session.currency_code,
        provider_id: session.provider_id,
        data: session.data,
      })
      .returning()
    return created!
  }
}
