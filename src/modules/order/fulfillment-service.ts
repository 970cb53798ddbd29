import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId, generateUnguessableId } from "../../core/ids"
import type { Db } from "../../infra/db"
import type { StockMove } from "../../core/stock-move"
import { order, orderFulfillment, orderFulfillmentItem, orderFulfillmentLabel, orderLineItem } from "./schema"
import type { Order } from "./service"

export type OrderFulfillment = typeof orderFulfillment.$inferSelect
type FulfillmentItem = typeof orderFulfillmentItem.$inferSelect
export interface Label {
  tracking_number: string
  tracking_url: string
  label_url: string
}

/**
 * An order's fulfillments: created, shipped, delivered, canceled. Every change first locks the
 * order's row, so two requests on one order run one after the other and never count twice.
 */
export class OrderFulfillmentService {
  constructor(private readonly db: Db) {}

  /** The order, its row locked until the transaction ends; a canceled order is refused as Medusa does. */
  async lockOpenOrder(id: string): Promise<Order> {
    const [found] = await this.db
      .select()
      .from(order)
      .where(and(eq(order.id, id), isNull(order.deleted_at)))
      .for("update")
    if (!found) throw new MedusaError("not_found", `Order with id: ${id} was not found`)
    if (found.status === "canceled") throw new MedusaError("invalid_data", `Order with id ${id} has been canceled.`)
    return found
  }

  /** Units of each line already fulfilled (canceled fulfillments do not count). */
  async fulfilledQuantities(orderIds: string[]): Promise<Map<string, number>> {
    if (orderIds.length === 0) return new Map()
    const rows = await this.db
      .select({
        line_item_id: orderFulfillmentItem.line_item_id,
        quantity: sql<number>`sum(${orderFulfillmentItem.quantity})::int`,
      })
      .from(orderFulfillmentItem)
      .innerJoin(orderFulfillment, eq(orderFulfillment.id, orderFulfillmentItem.fulfillment_id))
      .where(and(inArray(orderFulfillment.order_id, orderIds), isNull(orderFulfillment.canceled_at)))
      .groupBy(orderFulfillmentItem.line_item_id)
    return new Map(rows.map((row) => [row.line_item_id, row.quantity]))
  }

  /** The orders' fulfillments with their items and labels, oldest first. */
  async fulfillments(orderIds: string[]) {
    if (orderIds.length === 0) return []
    const rows = await this.db
      .select()
      .from(orderFulfillment)
      .where(inArray(orderFulfillment.order_id, orderIds))
      .orderBy(asc(orderFulfillment.created_at))
    const ids = rows.map((row) => row.id)
    const items = ids.length
      ? await this.db.select().from(orderFulfillmentItem).where(inArray(orderFulfillmentItem.fulfillment_id, ids))
      : []
    const labels = ids.length
      ? await this.db
          .select()
          .from(orderFulfillmentLabel)
          .where(inArray(orderFulfillmentLabel.fulfillment_id, ids))
          .orderBy(asc(orderFulfillmentLabel.id))
      : []
    return rows.map((row) => ({
      ...row,
      items: items.filter((item) => item.fulfillment_id === row.id).map(({ stock: _stock, ...item }) => item),
      labels: labels.filter((label) => label.fulfillment_id === row.id),
    }))
  }

  /** A fulfillment of some lines; no line may be fulfilled beyond its quantity. */
  async createFulfillment(orderId: string, input: { items: { id: string; quantity: number }[]; location_id?: string }) {
    await this.lockOpenOrder(orderId)
    const lines = await this.db.select().from(orderLineItem).where(eq(orderLineItem.order_id, orderId))
    const done = await this.fulfilledQuantities([orderId])
    for (const item of input.items) {
      const line = lines.find((candidate) => candidate.id === item.id)
      if (!line) throw new MedusaError("invalid_data", `Line item ${item.id} is not part of order ${orderId}`)
      const remaining = line.quantity - (done.get(line.id) ?? 0)
      if (item.quantity > remaining) {
        throw new MedusaError(
          "not_allowed",
          `Cannot fulfill ${item.quantity} of line item ${item.id}: ${remaining} left to fulfill`,
        )
      }
    }
    const [created] = await this.db
      .insert(orderFulfillment)
      .values({
        id: generateUnguessableId("ful"),
        order_id: orderId,
        location_id: input.location_id ?? null,
        shipped_at: null,
      })
      .returning()
    await this.db
      .insert(orderFulfillmentItem)
      .values(
        input.items.map((item) => ({ fulfillment_id: created!.id, line_item_id: item.id, quantity: item.quantity })),
      )
    return created!
  }

  /** Records what a fulfilled line took out of stock, for a later cancellation to give back. */
  async recordStockMoves(fulfillmentId: string, lineItemId: string, moves: StockMove[]) {
    await this.db
      .update(orderFulfillmentItem)
      .set({ stock: moves })
      .where(
        and(eq(orderFulfillmentItem.fulfillment_id, fulfillmentId), eq(orderFulfillmentItem.line_item_id, lineItemId)),
      )
  }

  /** Ships a whole fulfillment (Medusa ships what the fulfillment holds) with its tracking labels. */
  async createShipment(orderId: string, fulfillmentId: string, input: { items: { id: string }[]; labels: Label[] }) {
    await this.lockOpenOrder(orderId)
    await this.assertLinesOfOrder(
      orderId,
      input.items.map((item) => item.id),
    )
    const fulfillment = await this.fulfillmentOf(orderId, fulfillmentId)
    if (fulfillment.shipped_at) throw new MedusaError("not_allowed", "Shipment has already been created")
    if (fulfillment.canceled_at)
      throw new MedusaError("not_allowed", "Cannot create shipment for a canceled fulfillment")
    await this.db
      .update(orderFulfillment)
      .set({ shipped_at: new Date(), updated_at: new Date() })
      .where(eq(orderFulfillment.id, fulfillmentId))
    if (input.labels.length) {
      await this.db
        .insert(orderFulfillmentLabel)
        .values(input.labels.map((label) => ({ id: generateId("fulla"), fulfillment_id: fulfillmentId, ...label })))
    }
  }

  async markDelivered(orderId: string, fulfillmentId: string) {
    await this.lockOpenOrder(orderId)
    const fulfillment = await this.fulfillmentOf(orderId, fulfillmentId)
    if (fulfillment.canceled_at) throw new MedusaError("not_allowed", "Cannot deliver an already canceled fulfillment")
    if (fulfillment.delivered_at) throw new MedusaError("not_allowed", "Fulfillment has already been marked delivered")
    await this.db
      .update(orderFulfillment)
      .set({ delivered_at: new Date(), updated_at: new Date() })
      .where(eq(orderFulfillment.id, fulfillmentId))
  }

  /** Cancels an unshipped fulfillment; answers its items with the stock they took, to be given back. */
  async cancelFulfillment(orderId: string, fulfillmentId: string): Promise<FulfillmentItem[]> {
    await this.lockOpenOrder(orderId)
    const fulfillment = await this.fulfillmentOf(orderId, fulfillmentId)
    if (fulfillment.shipped_at) {
      throw new MedusaError(
        "not_allowed",
        "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled",
      )
    }
    if (fulfillment.canceled_at)
      throw new MedusaError("not_allowed", `Fulfillment with id ${fulfillmentId} is already canceled`)
    await this.db
      .update(orderFulfillment)
      .set({ canceled_at: new Date(), updated_at: new Date() })
      .where(eq(orderFulfillment.id, fulfillmentId))
    return this.db.select().from(orderFulfillmentItem).where(eq(orderFulfillmentItem.fulfillment_id, fulfillmentId))
  }

  /** Marks the order completed; answers false when it already was (no second event). */
  async complete(orderId: string): Promise<boolean> {
    await this.lockOpenOrder(orderId)
    const done = await this.db
      .update(order)
      .set({ status: "completed", updated_at: new Date() })
      .where(and(eq(order.id, orderId), ne(order.status, "completed")))
      .returning({ id: order.id })
    return done.length > 0
  }

  private async fulfillmentOf(orderId: string, fulfillmentId: string): Promise<OrderFulfillment> {
    const [found] = await this.db
      .select()
      .from(orderFulfillment)
      .where(and(eq(orderFulfillment.id, fulfillmentId), eq(orderFulfillment.order_id, orderId)))
    if (!found) throw new MedusaError("not_found", `Fulfillment with id ${fulfillmentId} not found in the order`)
    return found
  }

  private async assertLinesOfOrder(orderId: string, lineIds: string[]) {
    const lines = await this.db
      .select({ id: orderLineItem.id })
      .from(orderLineItem)
      .where(eq(orderLineItem.order_id, orderId))
    const missing = lineIds.filter((id) => !lines.some((line) => line.id === id))
    if (missing.length)
      throw new MedusaError(
        "invalid_data",
        `Items with ids ${missing.join(", ")} does not exist in order with id ${orderId}.`,
      )
  }
}
