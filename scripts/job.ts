// npm run job -- <name>: runs one job of src/jobs now, against DATABASE_URL (or the running `npm run dev`).
import { loadDotEnv } from "./lib/dotenv"
import "./lib/node-scope"

const name = process.argv[2]
loadDotEnv()
if (!process.env.DATABASE_URL) loadDotEnv(".medusa/dev.env")
const { loadConfig } = await import("./lib/config")
const { createRegistry } = await import("../src/app")
const { runJob } = await import("../src/infra/events/jobs-runner")
const extensions = await import("../src/registry.generated")
const job = extensions.jobs.find((candidate) => candidate.name === name)
if (!job) {
  console.error(`usage: npm run job -- <name>; jobs: ${extensions.jobs.map((j) => j.name).join(", ")}`)
  process.exit(2)
}
const config = loadConfig()
const started = Date.now()
await runJob(config, createRegistry(config, extensions), job)
console.log(`job ${job.name} done in ${Date.now() - started} ms`)
