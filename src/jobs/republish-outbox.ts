import { job } from "../infra/events/job"

// Repair: events committed but never published (the Worker died between commit and publish)
// go out again after a minute. Deliveries are deduplicated, so nothing runs twice.
export default job({
  name: "republish-outbox",
  schedule: "* * * * *",
  async handler({ container }) {
    const published = await container.resolve("eventBusService").republishStale(60)
    if (published > 0) console.log(`republish-outbox: published ${published} stale events`)
  },
})
