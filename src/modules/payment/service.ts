import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId, generateUnguessableId } from "../../core/ids"
import { decimal } from "../../core/money"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { DateRange, Ordering } from "../../core/query/params"
import { childRows, fromRowJson, qualified as q } from "../../core/query/row-json"
import type { Db } from "../../infra/db"
import type { PaymentProviders } from "./providers"
import type { PaymentSessionStatus, ProviderData } from "./providers/types"
import { payment, paymentCollection, paymentProvider, paymentSession, paymentWebhookEvent, refund } from "./schema"

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

/** What the session's provider said when asked to authorise it (asked before the completion's transaction). */
export interface Authorization {
  session_id: string
  status: PaymentSessionStatus
  data: ProviderData
}

export interface RefundInput {
  /** decimal string; the whole refundable remainder when absent */
  amount?: string
  refund_reason_id?: string | null
  note?: string | null
  created_by?: string
}

/** Payment collections, sessions and payments, each provider call made through the session's provider. */
export class PaymentService {
  constructor(
    private readonly db: Db,
    readonly providers: PaymentProviders,
  ) {}

  /** The configured providers as payment_provider rows, written once per isolate (Medusa syncs them at start-up). */
  syncProviders(): Promise<void> {
    this.providers.synced ??= this.db
      .insert(paymentProvider)
      .values(this.providers.ids().map((id) => ({ id, is_enabled: true })))
      .onConflictDoNothing()
      .then(
        () => undefined,
        (error) => {
          this.providers.synced = undefined
          throw error
        },
      )
    return this.providers.synced
  }

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
    await this.syncProviders()
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
    await this.syncProviders()
    return this.db
      .select()
      .from(paymentProvider)
      .where(and(inArray(paymentProvider.id, ids), eq(paymentProvider.is_enabled, true)))
      .orderBy(asc(paymentProvider.id))
  }

  /** A new session replaces the collection's older ones; answers it and the sessions it replaced. */
  async replaceSession(
    collection: PaymentCollection,
    input: { id?: string; provider_id: string; data?: Record<string, unknown>; context?: Record<string, unknown> },
  ) {
    const replaced = await this.db
      .delete(paymentSession)
      .where(eq(paymentSession.payment_collection_id, collection.id))
      .returning()
    const [created] = await this.db
      .insert(paymentSession)
      .values({
        id: input.id ?? generateUnguessableId("payses"),
        context: input.context ?? null,
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
    return { session: created!, replaced }
  }

  /** The collection follows its cart's total: a new total drops the sessions (answered, for their providers to let go). */
  async refreshAmount(
    collectionId: string,
    amount: string,
  ): Promise<{ collection: PaymentCollection; dropped: PaymentSession[] }> {
    const current = await this.retrieveCollection(collectionId)
    if (decimal(current.amount).eq(amount)) return { collection: current, dropped: [] }
    const dropped = await this.db
      .delete(paymentSession)
      .where(eq(paymentSession.payment_collection_id, collectionId))
      .returning()
    const [updated] = await this.db
      .update(paymentCollection)
      .set({ amount, status: "not_paid", updated_at: sql`now()` })
      .where(eq(paymentCollection.id, collectionId))
      .returning()
    return { collection: updated!, dropped }
  }

  /**
   * Captures an authorised payment in full through its provider, the payment row locked meanwhile
   * so concurrent captures ask the provider once. `recordOnly`: the provider captured already
   * (its webhook said so), only the record follows.
   */
  async capture(paymentId: string, options: { recordOnly?: boolean } = {}): Promise<Payment> {
    const [found] = await this.db.select().from(payment).where(eq(payment.id, paymentId)).for("update")
    if (!found) throw new MedusaError("not_found", `Payment with id: ${paymentId} was not found`)
    if (found.canceled_at) throw new MedusaError("not_allowed", `Payment ${paymentId} is canceled`)
    if (found.captured_at) return found
    const data = options.recordOnly
      ? found.data
      : (
          await this.providers.retrieve(found.provider_id).capturePayment({
            data: found.data ?? {},
            amount: found.amount,
            currency_code: found.currency_code,
          })
        ).data
    const [captured] = await this.db
      .update(payment)
      .set({ captured_at: new Date(), updated_at: new Date(), data })
      .where(eq(payment.id, paymentId))
      .returning()
    await this.db
      .update(paymentCollection)
      .set({ status: "completed", captured_amount: found.amount, completed_at: new Date(), updated_at: sql`now()` })
      .where(eq(paymentCollection.id, found.payment_collection_id))
    return captured!
  }

  /**
   * Gives back part or all of a captured payment through its provider. The payment row is locked
   * first, so concurrent refunds see each other and can never add up to more than was captured
   * (nor ask the provider for more). Medusa's rules and messages.
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
    await this.providers.retrieve(found.provider_id).refundPayment({
      data: found.data ?? {},
      amount: amount.toString(),
      currency_code: found.currency_code,
      // Same payment, same refunded-so-far, same amount: a retry of a refund whose commit failed, made once.
      idempotency_key: `refund_${paymentId}_${refunded.toString()}_${amount.toString()}`,
    })
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

  /** Cancels a collection's uncaptured payments with their providers (an order canceled); captured ones need a refund first. */
  async cancelCollection(collectionId: string) {
    const payments = await this.payments([collectionId])
    if (payments.some((p) => p.captured_at)) {
      throw new MedusaError("not_allowed", "The order's payment was captured: refund it before canceling the order")
    }
    for (const p of payments.filter((row) => !row.canceled_at)) {
      const { data } = await this.providers.retrieve(p.provider_id).cancelPayment({ data: p.data ?? {} })
      await this.db.update(payment).set({ canceled_at: new Date(), data }).where(eq(payment.id, p.id))
    }
    await this.db
      .update(paymentCollection)
      .set({ status: "canceled", updated_at: sql`now()` })
      .where(eq(paymentCollection.id, collectionId))
  }

  async pendingSession(collectionId: string): Promise<PaymentSession | undefined> {
    const [session] = await this.db
      .select()
      .from(paymentSession)
      .where(and(eq(paymentSession.payment_collection_id, collectionId), eq(paymentSession.status, "pending")))
    return session
  }

  /** Tells the providers of sessions that were replaced to let them go (Stripe: the old intent canceled); best effort. */
  async releaseSessions(sessions: PaymentSession[]): Promise<void> {
    for (const session of sessions) {
      if (session.status !== "pending") continue
      await this.releaseSession(session).catch((error) =>
        console.warn(`payment session ${session.id} was not released:`, (error as Error).message),
      )
    }
  }

  /** A dropped session let go by its provider; a provider no longer configured has nothing to let go. */
  async releaseSession(session: Pick<PaymentSession, "provider_id" | "data">): Promise<void> {
    if (!this.providers.has(session.provider_id)) return
    await this.providers.retrieve(session.provider_id).deletePayment({ data: session.data })
  }

  /**
   * A payment no order could be made of (stock ran out after the shopper paid and left): the hold
   * is let go (an uncaptured intent canceled) or the money given back (a captured one refunded).
   */
  async releaseUnplaced(session: PaymentSession, captured: boolean): Promise<void> {
    const provider = this.providers.retrieve(session.provider_id)
    if (captured) {
      await provider.refundPayment({
        data: session.data,
        amount: session.amount,
        currency_code: session.currency_code,
        // Parallel deliveries of the webhook may both get here: the money goes back once.
        idempotency_key: `release_${session.id}`,
      })
    } else {
      await provider.cancelPayment({ data: session.data })
    }
    await this.db
      .update(paymentSession)
      .set({ status: "canceled", updated_at: sql`now()` })
      .where(eq(paymentSession.id, session.id))
  }

  async retrieveSession(id: string): Promise<PaymentSession | undefined> {
    const [session] = await this.db.select().from(paymentSession).where(eq(paymentSession.id, id))
    return session
  }

  async paymentOfSession(sessionId: string): Promise<Payment | undefined> {
    const [found] = await this.db.select().from(payment).where(eq(payment.payment_session_id, sessionId))
    return found
  }

  /** Asks the pending session's provider whether it is authorised (Stripe: the PaymentIntent's status). */
  async askAuthorization(collectionId: string): Promise<Authorization | undefined> {
    const session = await this.pendingSession(collectionId)
    if (!session) return undefined
    if (!this.providers.has(session.provider_id)) {
      throw new MedusaError("payment_authorization_error", `Payment provider ${session.provider_id} is not available`)
    }
    const result = await this.providers.retrieve(session.provider_id).authorizePayment({ data: session.data })
    return { session_id: session.id, status: result.status, data: result.data }
  }

  /**
   * Authorises the collection's pending session for `amount`, with what its provider answered
   * (`authorization`, asked before the transaction; asked here when it is for another session).
   * Not authorised by the provider: Medusa's payment_authorization_error, nothing written.
   * Captured already (automatic capture): the payment is recorded captured.
   */
  async authorize(collectionId: string, amount: string, authorization?: Authorization): Promise<Payment> {
    const session = await this.pendingSession(collectionId)
    if (!session) throw new MedusaError("invalid_data", "Payment sessions are required to complete cart")
    if (!this.providers.has(session.provider_id)) {
      throw new MedusaError("payment_authorization_error", `Payment provider ${session.provider_id} is not available`)
    }
    if (!decimal(session.amount).eq(amount)) {
      throw new MedusaError(
        "payment_authorization_error",
        "The payment session's amount does not match the cart's total",
      )
    }
    // The session read above is the one to ask about: reading it again would be a statement more per checkout.
    const answer =
      authorization?.session_id === session.id
        ? authorization
        : await this.providers.retrieve(session.provider_id).authorizePayment({ data: session.data })
    if (answer.status !== "authorized" && answer.status !== "captured") {
      throw new MedusaError("payment_authorization_error", "Payment authorization failed")
    }
    const captured = answer.status === "captured"
    const now = new Date()
    await this.db
      .update(paymentSession)
      .set({ status: "authorized", authorized_at: now, data: answer.data })
      .where(eq(paymentSession.id, session.id))
    await this.db
      .update(paymentCollection)
      .set({
        status: captured ? "completed" : "authorized",
        authorized_amount: amount,
        ...(captured ? { captured_amount: amount, completed_at: now } : {}),
        updated_at: sql`now()`,
      })
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
        data: answer.data,
        captured_at: captured ? now : null,
      })
      .returning()
    return created!
  }

  /** The provider canceled an uncaptured payment (its webhook): the record follows; a captured one stays. */
  async recordCanceled(paymentId: string): Promise<boolean> {
    const updated = await this.db
      .update(payment)
      .set({ canceled_at: new Date(), updated_at: new Date() })
      .where(and(eq(payment.id, paymentId), isNull(payment.captured_at), isNull(payment.canceled_at)))
      .returning({ id: payment.id })
    return updated.length > 0
  }

  async webhookEventSeen(id: string): Promise<boolean> {
    const [found] = await this.db
      .select({ id: paymentWebhookEvent.id })
      .from(paymentWebhookEvent)
      .where(eq(paymentWebhookEvent.id, id))
    return Boolean(found)
  }

  /** Records a provider's event under its id; false when it was recorded already (a retried delivery). */
  async recordWebhookEvent(event: {
    id: string
    provider_id: string
    event_type: string
    object_id?: string
    action: string
  }): Promise<boolean> {
    const inserted = await this.db
      .insert(paymentWebhookEvent)
      .values({ ...event, object_id: event.object_id ?? null })
      .onConflictDoNothing()
      .returning({ id: paymentWebhookEvent.id })
    return inserted.length > 0
  }
}
