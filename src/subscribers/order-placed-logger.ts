import { subscriber } from "../infra/events/subscriber"

// An example subscriber: runs once for each placed order, locally and on Cloudflare.
export default subscriber<{ id: string }>({
  event: "order.placed",
  async handler({ data, container }) {
    const order = await container.resolve("orderService").retrieve(data.id)
    console.log(`order.placed: order ${order.id} (#${order.display_id}) for ${order.email}`)
    // The dashboard's bell lists the feed channel's notifications to "" (every admin), showing data.title.
    await container.resolve("notificationModuleService").createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      trigger_type: "order.placed",
      resource_type: "order",
      resource_id: order.id,
      idempotency_key: `order-placed-feed:${order.id}`,
      data: {
        title: "New order",
        description: `Order #${order.display_id} was placed by ${order.email ?? "a guest"}.`,
      },
    })
  },
})
