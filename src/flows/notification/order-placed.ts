import type { Subscriber } from "../../infra/events/subscriber"

/**
 * Medusa's order confirmation: one mail per order, keyed on the order, however often
 * order.placed is delivered; exact totals as the decimal strings the order keeps.
 */
export const orderPlacedNotification: Subscriber = {
  id: "notification-order-placed",
  event: "order.placed",
  async handler({ event, data, container }) {
    const [document] = await container.resolve("orderService").documents([String(data.id)])
    // Without an address there is nobody to confirm to (a draft order may have none).
    if (!document?.order.email) return
    const { order, items } = document
    await container.resolve("notificationService").createNotifications({
      to: order.email!,
      channel: "email",
      template: "order-placed",
      trigger_type: event.name,
      resource_type: "order",
      resource_id: order.id,
      receiver_id: order.customer_id ?? null,
      idempotency_key: `order-placed:${order.id}`,
      data: {
        order_id: order.id,
        display_id: order.display_id,
        email: order.email,
        currency_code: order.currency_code,
        items: items.map((item) => ({
          title: item.title,
          quantity: item.quantity,
          unit_price: item.totals.unit_price ?? String(item.unit_price),
          subtotal: item.totals.subtotal,
          total: item.totals.total,
        })),
        subtotal: order.totals.subtotal,
        shipping_total: order.totals.shipping_total,
        tax_total: order.totals.tax_total,
        discount_total: order.totals.discount_total,
        total: order.totals.total,
      },
    })
  },
}
