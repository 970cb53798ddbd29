// npm run seed: seeds the demo store into DATABASE_URL when it has none.
import { loadDotEnv } from "./lib/dotenv"

loadDotEnv()
const { loadConfig } = await import("./lib/config")
const { seedIfEmpty } = await import("./lib/seed")
const { publishableKey } = await seedIfEmpty(loadConfig())
if (publishableKey) console.log(`publishable key (x-publishable-api-key): ${publishableKey}`)
