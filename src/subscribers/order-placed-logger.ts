import { subscriber } from "../infra/events/subscriber"

// An example subscriber: runs once for each placed order, locally and on Cloudflare.
export default subscriber<{ id: string }>({
  event: "order.placed",
  async handler({ data, container }) {
    const order = await container.resolve("orderService").retrieve(data.id)
    console.log(`order.placed: order ${order.id} (#${order.display_id}) for ${order.email}`)
  },
})
