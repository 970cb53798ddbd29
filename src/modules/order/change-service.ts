import { and, asc, desc, eq, inArray, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { orderChange, orderChangeAction, orderPaymentCollection } from "./change-schema"
import { order, orderLineItem, orderShippingMethod } from "./schema"

export type OrderChange = typeof orderChange.$inferSelect
export type OrderChangeAction = typeof orderChangeAction.$inferSelect
export type ChangeType = OrderChange["change_type"]
export type NewAction = Omit<
  typeof orderChangeAction.$inferInsert,
  "id" | "order_change_id" | "order_id" | "version" | "ordering" | "details"
> & { details: Record<string, unknown>; amount: string | null }

const ACTIVE = ["pending", "requested"] as const

/**
 * Order changes and their actions. A change is made on one version of its order and confirmed
 * once: confirming moves the order to the change's version by a conditional update, so a second
 * confirmation, or one made on a stale version, changes nothing.
 */
export class OrderChangeService {
  constructor(private readonly db: Db) {}

  /** A new change of `orderId` (its row locked by the caller); a second change in progress is refused. */
  async begin(
    current: { id: string; version: number },
    input: Pick<
      typeof orderChange.$inferInsert,
      "change_type" | "return_id" | "exchange_id" | "claim_id" | "description" | "internal_note" | "created_by"
    >,
  ): Promise<OrderChange> {
    const active = await this.active(current.id)
    if (active) throw new MedusaError("not_allowed", `Order ${current.id} already has an existing active order change`)
    const [created] = await this.db
      .insert(orderChange)
      .values({ ...input, id: generateId("ordch"), order_id: current.id, version: current.version + 1 })
      .returning()
    return created!
  }

  /** The order's change in progress, if any. */
  async active(orderId: string): Promise<OrderChange | undefined> {
    const [found] = await this.db
      .select()
      .from(orderChange)
      .where(and(eq(orderChange.order_id, orderId), inArray(orderChange.status, [...ACTIVE])))
    return found
  }

  /** The change in progress of a return, exchange, claim or edit, or Medusa's refusal. */
  async activeFor(
    filter: { order_id?: string; return_id?: string; exchange_id?: string; claim_id?: string },
    types: ChangeType[],
  ) {
    const conditions = Object.entries(filter).map(([key, value]) =>
      eq(orderChange[key as keyof typeof filter], value as string),
    )
    const [found] = await this.db
      .select()
      .from(orderChange)
      .where(and(...conditions, inArray(orderChange.change_type, types)))
      .orderBy(desc(orderChange.created_at))
      .limit(1)
    if (!found || !ACTIVE.includes(found.status as (typeof ACTIVE)[number]))
      throw new MedusaError(
        "invalid_data",
        found
          ? `Order change ${found.id} is not active to be modified`
          : "An active Order Change is required to proceed",
      )
    return found
  }

  async list(orderId: string, filters: { change_type?: string[]; status?: string[] }): Promise<OrderChange[]> {
    return this.db
      .select()
      .from(orderChange)
      .where(
        and(
          eq(orderChange.order_id, orderId),
          filters.change_type ? inArray(orderChange.change_type, filters.change_type as ChangeType[]) : undefined,
          filters.status ? inArray(orderChange.status, filters.status as OrderChange["status"][]) : undefined,
        ),
      )
      .orderBy(asc(orderChange.created_at))
  }

  /** The changes of exchanges or claims, by their ids. */
  async ofBundles(key: "exchange_id" | "claim_id", ids: string[]): Promise<OrderChange[]> {
    if (ids.length === 0) return []
    return this.db.select().from(orderChange).where(inArray(orderChange[key], ids)).orderBy(asc(orderChange.created_at))
  }

  /** Actions of the changes, in the order they were made. */
  async actions(changeIds: string[]): Promise<OrderChangeAction[]> {
    if (changeIds.length === 0) return []
    return this.db
      .select()
      .from(orderChangeAction)
      .where(inArray(orderChangeAction.order_change_id, changeIds))
      .orderBy(asc(orderChangeAction.ordering))
  }

  async addActions(change: OrderChange, actions: NewAction[]): Promise<OrderChangeAction[]> {
    if (actions.length === 0) return []
    return this.db
      .insert(orderChangeAction)
      .values(
        actions.map((action) => ({
          ...action,
          id: generateId("ordchact"),
          order_change_id: change.id,
          order_id: change.order_id,
          version: change.version,
        })),
      )
      .returning()
  }

  /** One of the change's actions, or Medusa's 404-style refusal. */
  async action(change: OrderChange, actionId: string, types: string[]): Promise<OrderChangeAction> {
    const [found] = await this.db
      .select()
      .from(orderChangeAction)
      .where(and(eq(orderChangeAction.id, actionId), eq(orderChangeAction.order_change_id, change.id)))
    if (!found || !types.includes(found.action))
      throw new MedusaError("invalid_data", `Action ${actionId} is not ${types.join(" or ")}`)
    return found
  }

  async updateAction(id: string, patch: Pick<NewAction, "details" | "amount" | "internal_note">) {
    const [updated] = await this.db
      .update(orderChangeAction)
      .set({ ...patch, updated_at: new Date() })
      .where(eq(orderChangeAction.id, id))
      .returning()
    return updated!
  }

  async deleteActions(ids: string[]) {
    if (ids.length) await this.db.delete(orderChangeAction).where(inArray(orderChangeAction.id, ids))
  }

  /** pending → requested (an order edit sent for the customer's approval). */
  async request(change: OrderChange, by: string | null) {
    await this.transition(change, "requested", { requested_at: new Date(), requested_by: by }, ["pending"])
  }

  async cancel(change: OrderChange, by: string | null) {
    await this.transition(change, "canceled", { canceled_at: new Date(), canceled_by: by }, [...ACTIVE])
  }

  async decline(change: OrderChange, by: string | null, reason: string | null) {
    await this.transition(change, "declined", { declined_at: new Date(), declined_by: by, declined_reason: reason }, [
      ...ACTIVE,
    ])
  }

  /**
   * The change confirmed and the order moved to its version, both conditional: of two
   * confirmations only one gets here, and a change made on another version is refused.
   */
  async confirm(change: OrderChange, by: string | null): Promise<void> {
    await this.transition(change, "confirmed", { confirmed_at: new Date(), confirmed_by: by }, [...ACTIVE])
    const [moved] = await this.db
      .update(order)
      .set({ version: change.version, updated_at: new Date() })
      .where(and(eq(order.id, change.order_id), eq(order.version, change.version - 1)))
      .returning({ id: order.id })
    if (!moved)
      throw new MedusaError(
        "not_allowed",
        `Order change ${change.id} was made on version ${change.version - 1} of order ${change.order_id}, which has changed since`,
      )
    await this.db
      .update(orderChangeAction)
      .set({ applied: true, updated_at: new Date() })
      .where(eq(orderChangeAction.order_change_id, change.id))
  }

  private async transition(
    change: OrderChange,
    status: OrderChange["status"],
    stamps: Partial<typeof orderChange.$inferInsert>,
    from: OrderChange["status"][],
  ) {
    const [updated] = await this.db
      .update(orderChange)
      .set({ ...stamps, status, updated_at: new Date() })
      .where(and(eq(orderChange.id, change.id), inArray(orderChange.status, from)))
      .returning({ id: orderChange.id })
    if (!updated) throw new MedusaError("invalid_data", `Order change ${change.id} is not active to be modified`)
  }

  /** The order's current total after a confirmed change moved it by `difference`. */
  async moveCurrentTotal(orderId: string, placedTotal: string, difference: string) {
    await this.db
      .update(order)
      .set({
        summary: sql`jsonb_build_object(
          'original_order_total', coalesce(${order.summary}->>'original_order_total', ${placedTotal}),
          'current_order_total', (coalesce(${order.summary}->>'current_order_total', ${placedTotal})::numeric + ${difference}::numeric)::text
        )`,
      })
      .where(eq(order.id, orderId))
  }

  /** A confirmed change's effect on existing lines: quantities, return counts and, when the quantity moved, totals. */
  async updateLines(updates: (Partial<typeof orderLineItem.$inferInsert> & { id: string })[]) {
    for (const { id, ...patch } of updates)
      await this.db
        .update(orderLineItem)
        .set({ ...patch, updated_at: new Date() })
        .where(eq(orderLineItem.id, id))
  }

  async insertLines(lines: (typeof orderLineItem.$inferInsert)[]) {
    if (lines.length) await this.db.insert(orderLineItem).values(lines)
  }

  async insertShippingMethods(methods: (typeof orderShippingMethod.$inferInsert)[]) {
    if (methods.length) await this.db.insert(orderShippingMethod).values(methods)
  }

  async setTotals(orderId: string, totals: Record<string, string>) {
    await this.db.update(order).set({ totals, updated_at: new Date() }).where(eq(order.id, orderId))
  }

  /** Payment collections made for an order's differences (the first one is order.payment_collection_id). */
  async extraPaymentCollections(orderIds: string[]): Promise<{ order_id: string; payment_collection_id: string }[]> {
    if (orderIds.length === 0) return []
    return this.db
      .select({
        order_id: orderPaymentCollection.order_id,
        payment_collection_id: orderPaymentCollection.payment_collection_id,
      })
      .from(orderPaymentCollection)
      .where(inArray(orderPaymentCollection.order_id, orderIds))
  }

  async linkPaymentCollection(orderId: string, collectionId: string) {
    await this.db.insert(orderPaymentCollection).values({ order_id: orderId, payment_collection_id: collectionId })
  }
}
